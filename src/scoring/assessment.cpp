#include "scoring/assessment.h"
