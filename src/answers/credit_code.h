// The unified social credit code (统一社会信用代码, GB 32100-2015) that
// identifies every factory: 18 characters with a check character.
#pragma once

#include <string>
#include <string_view>

namespace fa {

/// "" when `code` is well formed with a correct check character; otherwise
/// what is wrong, e.g. "expected 18 characters, found 17".
std::string CheckCreditCode(const std::string& code);

/// The check character for the first 17 characters of a code, or '\0' when
/// they hold a character outside the code's alphabet.
char CreditCodeCheckChar(std::string_view first17);

}  // namespace fa
