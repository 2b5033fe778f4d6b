#include "report/report_options.h"

namespace fa {

std::optional<Appendix> ParseAppendix(const std::string& text) {
  if (text == "none") return Appendix::kNone;
  if (text == "gaps") return Appendix::kGaps;
  if (text == "full") return Appendix::kFull;
  return std::nullopt;
}

}  // namespace fa
