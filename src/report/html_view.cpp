#include "report/html_view.h"
