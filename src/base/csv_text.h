// Writing CSV cells: RFC 4180 quoting, and the neutralising of text that a
// spreadsheet would run as a formula (OWASP "CSV Injection"): every CSV this
// program writes goes through CsvQuote (docs/ranking.md "CSV", docs/cohort-csv.md).
#pragma once

#include <string>
#include <string_view>

namespace fa {

/// A text cell as written to CSV: prefixed with a single quote when it
/// starts with '=', '+', '-', '@', a tab or a carriage return and is not a
/// plain number ("-0.5" stays), so Excel or LibreOffice show it as text
/// instead of running it; then quoted when it holds a comma, a quote or a
/// line break, or starts or ends with a space or tab.
std::string CsvQuote(std::string_view value);

/// CsvQuote(value) appended to `out`, without a string of its own.
void AppendCsvQuoted(std::string& out, std::string_view value);

/// True when a spreadsheet would read `value` as a formula (see CsvQuote).
bool LooksLikeFormula(std::string_view value);

}  // namespace fa
