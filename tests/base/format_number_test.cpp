// FormatNumber (src/base/text.h): the fewest significant digits, from 6 on,
// that read back as the value — checked against the plain search with
// printf and strtod it replaced, over numbers of every kind a ranking writes.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "base/text.h"

namespace fa {
namespace {

// The search FormatNumber made before it started at the shortest digits.
std::string PrintfFormatNumber(double value) {
  if (!std::isfinite(value)) return std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", value);
    return std::string(buf) == "-0" ? "0" : buf;
  }
  char buf[64];
  for (int precision = 6; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, value);
    if (std::strtod(buf, nullptr) == value) break;
  }
  return buf;
}

TEST_CASE("FormatNumber writes what the printf search wrote, for any double") {
  const double special[] = {0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 0.5, 1e-7, -1e-7, 1.5e300, -2.5e-300,
                            123456.789, 9.999999999999999e22, 1e15 + 0.5, 4.433472222222222,
                            0.8417499509989029, std::numeric_limits<double>::denorm_min(),
                            std::numeric_limits<double>::min(), std::numeric_limits<double>::max(),
                            std::numeric_limits<double>::epsilon(), 1e16, -1e17, 0.0, -0.0};
  for (double v : special) CHECK_MESSAGE(FormatNumber(v) == PrintfFormatNumber(v), v);
  std::mt19937_64 rng(14);
  std::uniform_real_distribution<double> unit(0, 1);
  std::uniform_int_distribution<int> exponent(-30, 30);
  std::uniform_int_distribution<int> digits(1, 17);
  int differ = 0;
  for (int i = 0; i < 200000; ++i) {
    double v = unit(rng) * std::pow(10.0, exponent(rng));
    if (i % 3 == 1) {  // a short decimal, as a score of few answers is
      const double scale = std::pow(10.0, digits(rng));
      v = std::round(v * scale) / scale;
    }
    if (i % 5 == 2) v = -v;
    if (i % 7 == 3) {  // any bit pattern
      const std::uint64_t bits = rng();
      std::memcpy(&v, &bits, sizeof v);
      if (!std::isfinite(v)) continue;
    }
    differ += FormatNumber(v) != PrintfFormatNumber(v);
  }
  CHECK(differ == 0);
}

}  // namespace
TEST_CASE("round non-negative: std::round's integer for every value below 1e15, ties and their neighbours most of all") {
  std::vector<double> values = {0.0, 0.49999999999999994, 0.5, 1.5, 2.5, 0.25, 1e15 - 0.5, 4503599627370495.5,
                                4503599627370496.0, 4503599627370497.0, 9007199254740991.0, 999999999999999.4};
  for (long long k = 0; k < 100000; ++k) {
    const double tie = static_cast<double>(k) + 0.5;
    values.push_back(tie);
    values.push_back(std::nextafter(tie, 0.0));
    values.push_back(std::nextafter(tie, 1e300));
    values.push_back(static_cast<double>(k) / 10000.0 * 10000.0);  // a score of 4 decimals scaled back
  }
  std::mt19937_64 rng(11);
  for (int i = 0; i < 2000000; ++i) {
    const double magnitude = std::pow(10.0, static_cast<double>(rng() % 16) - 1);  // 0.1 to 1e14
    values.push_back(std::uniform_real_distribution<double>(0.0, magnitude)(rng));
  }
  size_t wrong = 0;
  for (double x : values) {
    if (!(x < 1e15)) continue;
    if (RoundNonNegative(x) != static_cast<unsigned long long>(std::round(x)) && wrong++ < 5)
      FAIL_CHECK("RoundNonNegative(" << std::to_string(x) << ") = " << RoundNonNegative(x));
  }
  CHECK(wrong == 0);
}

}  // namespace fa
