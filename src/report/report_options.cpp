#include "report/report_options.h"

namespace fa {

std::optional<Appendix> ParseAppendix(const std::string& text) {
  if (text == "none") return Appendix::kNone;
  if (text == "gaps") return Appendix::kGaps;
  if (text == "full") return Appendix::kFull;
  return std::nullopt;
}

}  // namespace fa

namespace fa {

std::optional<int> ParseHorizon(const std::string& text) {
  if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const int year = std::stoi(text);
  if (year < 2020 || year > 2100) return std::nullopt;
  return year;
}

}  // namespace fa
