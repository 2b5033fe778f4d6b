// The message shapes recognised, by reader (OWNER is "" at top level,
// "factory", "answers" or "answer 'ID'"; a message about a value starts
// "OWNER: " unless OWNER is ""):
//   yaml_source.cpp   invalid yaml: PARSER MESSAGE (libyaml's, yaml_tree.cpp)
//                     [OWNER: ]expected WHAT for LABEL, found FOUND
//                     [OWNER: ]expected a string key, found FOUND
//                     unknown key 'K' (at top level|in OWNER)[, did you mean 'D'?]
//                     duplicate key 'K' (at top level|in OWNER)
//                     [OWNER: ]missing required key 'K'
//   answers_loader    factory: credit_code: PROBLEM (the code is read from the line)
//                     factory: FIELD must be >= 0, got N
//                     answers: empty criterion id (a stray comma or colon?)
//   yaml_limits.cpp   the document expands to more than N nodes (…)
//                     nested deeper than N levels (…)
//   input_text.cpp    file too large: X MB, the limit is Y MB (…)
//                     invalid UTF-8 (byte 0xNN)
//   csv_scanner.cpp   unterminated quoted field: …
//                     unexpected text after a closing quote …
//   ranking_config_csv.cpp
//                     row has N cells, the header has M
//                     the table is empty: expected a header row
//                     cell of N bytes, the limit is M (…)
//                     more than N rows, the limit (…)
#include "web/reader_messages.h"

#include <map>
#include <regex>

#include "base/text.h"
#include "base/utf8.h"
#include "rubric/criterion_kind.h"
#include "web/factory_form.h"
#include "web/web_labels.h"

namespace fa::web {

namespace {

/// The text of `line` around 1-based `column`, at most about 60 bytes,
/// cut at code point boundaries, "…" where it was cut.
std::string Excerpt(const std::string& line, int column) {
  std::string s = line;
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
  const size_t max = 60;
  if (s.size() <= max) {
    size_t lead = s.find_first_not_of(" \t");
    return lead == std::string::npos ? "" : s.substr(lead);
  }
  size_t from = column > 20 ? static_cast<size_t>(column - 20) : 0;
  while (from > 0 && from < s.size() && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) --from;
  std::string out(Utf8Prefix(std::string_view(s).substr(from), max));
  return (from > 0 ? "\xE2\x80\xA6" : "") + out + (from + out.size() < s.size() ? "\xE2\x80\xA6" : "");
}

/// The scalar written at 1-based `column` of `line`: a quoted one without
/// its quotes, a plain one up to a comma, brace, bracket or comment.
std::string ScalarAt(const std::string& line, int column) {
  if (column < 1 || static_cast<size_t>(column) > line.size()) return "";
  const size_t at = static_cast<size_t>(column - 1);
  if (line[at] == '"' || line[at] == '\'') {
    size_t end = line.find(line[at], at + 1);
    return line.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
  }
  size_t end = line.find_first_of(",}]#\r", at);
  std::string s = line.substr(at, end == std::string::npos ? std::string::npos : end - at);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  return s;
}

/// Quoted in the language's way: zh “x”, en 'x'.
std::string Q(const std::string& lang, const std::string& text) { return LabelIn(lang, "quoted", {text}); }

/// "'value'", "entry 2 of 'value'", "the document", "a key", as the reader
/// labels a value, in `lang`.
std::string LabelWords(const std::string& label, const std::string& lang) {
  std::smatch m;
  if (label == "the document") return LabelIn(lang, "rd_the_file");
  if (label == "a key") return LabelIn(lang, "rd_a_key");
  if (std::regex_match(label, m, std::regex("entry ([0-9]+) of (.+)")))
    return LabelIn(lang, "rd_entry_of", {LabelWords(m[2], lang), m[1]});
  if (std::regex_match(label, m, std::regex("'(.*)'"))) return Q(lang, m[1]);
  return Q(lang, label);
}

/// The owner a reader names ("factory", "answer 'x'"), in `lang`; "" for
/// the top level.
std::string OwnerWords(const std::string& owner, const std::string& lang) {
  std::smatch m;
  if (owner.empty()) return LabelIn(lang, "rd_top_level");
  if (std::regex_match(owner, m, std::regex("answer '(.*)'"))) return LabelIn(lang, "rd_in_answer", {m[1]});
  return LabelIn(lang, "rd_in_section", {owner});
}

/// What DescribeNode (yaml_source.h) says was found, in `lang`.
std::string FoundWords(const std::string& found, const std::string& lang) {
  std::smatch m;
  if (found == "nothing") return LabelIn(lang, "rd_found_nothing");
  if (found == "a map") return LabelIn(lang, "rd_found_map");
  if (found == "a sequence") return LabelIn(lang, "rd_found_list");
  if (found == "an empty string") return LabelIn(lang, "rd_found_empty");
  if (std::regex_match(found, m, std::regex("'([\\s\\S]*)'"))) return Q(lang, m[1]);
  return Q(lang, found);
}

/// The readers' "expected …" phrases that answers files and CSVs meet, in
/// `lang`; "" for another.
std::string ExpectedWords(const std::string& expected, const std::string& lang) {
  if (expected == "a map with 'factory' and 'answers'") return LabelIn(lang, "rd_expect_document");
  if (expected == "a map") return LabelIn(lang, "rd_expect_map");
  if (expected == "an id ([A-Za-z0-9_.-]+)") return LabelIn(lang, "rd_expect_id");
  if (expected == "a string") return LabelIn(lang, "rd_expect_text");
  if (expected == "a number") return LabelIn(lang, "rd_expect_number");
  if (expected == "an integer") return LabelIn(lang, "rd_expect_integer");
  if (expected == "true or false") return LabelIn(lang, "rd_expect_bool");
  if (expected == "a single value") return LabelIn(lang, "rd_expect_single");
  if (expected == "a list") return LabelIn(lang, "rd_expect_list");
  if (expected == "a value (number, option id, list of option ids, true/false, text or na)")
    return LabelIn(lang, "rd_expect_answer");
  return "";
}

/// libyaml's syntax messages (its `problem`, then what it was doing:
/// src/rubric/yaml_tree.cpp ParserMessage), by what a person did: an
/// unclosed bracket or quote, indentation, a tab.
std::string SyntaxWords(const std::string& parser, const std::string& lang) {
  auto has = [&](const char* words) { return parser.find(words) != std::string::npos; };
  if (has("expected ',' or '}'")) return LabelIn(lang, "rd_syntax_brace");
  if (has("expected ',' or ']'")) return LabelIn(lang, "rd_syntax_bracket");
  if (has("tab character")) return LabelIn(lang, "rd_syntax_tab");
  if (has("end of stream") && has("quoted scalar")) return LabelIn(lang, "rd_syntax_quote");
  if (has("escape") || has("hexdecimal number")) return LabelIn(lang, "rd_syntax_escape");
  if (has("mapping values are not allowed") || has("did not find expected key") ||
      has("did not find expected '-' indicator") || has("could not find expected ':'") ||
      has("block sequence entries are not allowed"))
    return LabelIn(lang, "rd_syntax_indent");
  return LabelIn(lang, "rd_syntax_other");
}

/// The message without the "OWNER: " a reader puts before a value's
/// problem; `owner` gets it ("" when there is none).
std::string WithoutOwner(const std::string& message, std::string& owner) {
  std::smatch m;
  static const std::regex owned("(factory|answers|answer '[^']*'): ([\\s\\S]*)");
  if (std::regex_match(message, m, owned)) {
    owner = m[1];
    return m[2];
  }
  owner.clear();
  return message;
}

/// The place a key is said to be in ("at top level", "in OWNER"), in `lang`.
std::string WhereWords(const std::string& where, const std::string& lang) {
  return where == "at top level" ? OwnerWords("", lang) : OwnerWords(where.substr(3), lang);
}

LocalDiagnostic Known(std::string text) { return {std::move(text), true}; }

/// The YAML reader's and the answers loader's messages; nullopt for others.
std::optional<LocalDiagnostic> YamlMessage(const Diagnostic& d, const std::string& lang) {
  std::smatch m;
  std::string owner;
  const std::string message = WithoutOwner(d.message, owner);
  if (std::regex_match(message, m, std::regex("invalid yaml: ([\\s\\S]*)"))) {
    // A tab in a line's indentation is what the parser calls a token that
    // cannot start, or a misplaced key or value.
    const size_t indent_end = d.source_line.find_first_not_of(" \t");
    const bool tab = d.source_line.substr(0, indent_end).find('\t') != std::string::npos;
    const std::string what = tab ? LabelIn(lang, "rd_syntax_tab") : SyntaxWords(m[1], lang);
    const std::string line = Excerpt(d.source_line, d.pos.column);
    return Known(line.empty() ? LabelIn(lang, "rd_syntax", {what}) : LabelIn(lang, "rd_syntax_at", {what, line}));
  }
  if (std::regex_match(message, m, std::regex("expected a string key, found ([\\s\\S]*)")))
    return Known(LabelIn(lang, "rd_string_key", {OwnerWords(owner, lang), FoundWords(m[1], lang)}));
  if (std::regex_match(message, m, std::regex("expected ([\\s\\S]+?) for ([\\s\\S]+), found ([\\s\\S]*)"))) {
    const std::string expected = ExpectedWords(m[1], lang);
    if (expected.empty()) return std::nullopt;
    if (m[2] == "the document") return Known(LabelIn(lang, "rd_type_document", {expected, FoundWords(m[3], lang)}));
    return Known(LabelIn(lang, "rd_type", {OwnerWords(owner, lang), LabelWords(m[2], lang), expected,
                                           FoundWords(m[3], lang)}));
  }
  if (std::regex_match(message, m, std::regex("unknown key '(.*)' (at top level|in .+?)(?:, did you mean '(.*)'\\?)?")))
    return Known(m[3].matched ? LabelIn(lang, "rd_unknown_key_near", {WhereWords(m[2], lang), m[1], m[3]})
                              : LabelIn(lang, "rd_unknown_key", {WhereWords(m[2], lang), m[1]}));
  if (std::regex_match(message, m, std::regex("duplicate key '(.*)' (at top level|in .+)")))
    return Known(LabelIn(lang, "rd_duplicate_key", {WhereWords(m[2], lang), m[1]}));
  if (std::regex_match(message, m, std::regex("missing required key '(.*)'")))
    return Known(LabelIn(lang, "rd_missing_key", {OwnerWords(owner, lang), m[1]}));
  if (owner == "factory" && message.rfind("credit_code: ", 0) == 0)
    return Known(LabelIn(lang, "rd_credit_code", {CreditCodeMessage(ScalarAt(d.source_line, d.pos.column), lang)}));
  if (std::regex_match(message, m, std::regex("(.+) must be >= 0, got (.+)")))
    return Known(LabelIn(lang, "rd_negative", {OwnerWords(owner, lang), m[1], m[2]}));
  if (message.rfind("empty criterion id", 0) == 0) return Known(LabelIn(lang, "rd_empty_id"));
  return std::nullopt;
}

/// The input checks' and the CSV reader's messages; nullopt for others.
std::optional<LocalDiagnostic> InputMessage(const Diagnostic& d, const std::string& lang) {
  std::smatch m;
  const std::string& message = d.message;
  if (std::regex_match(message, m, std::regex("file too large: (.+), the limit is (.+) \\(docs/limits.md\\)")))
    return Known(LabelIn(lang, "rd_too_large", {m[1], m[2]}));
  if (std::regex_match(message, m, std::regex("invalid UTF-8 \\(byte (0x[0-9A-F]+)\\)")))
    return Known(LabelIn(lang, "rd_not_utf8", {m[1]}));
  if (std::regex_match(message, m, std::regex("the document expands to more than ([0-9]+) nodes[\\s\\S]*")))
    return Known(LabelIn(lang, "rd_too_many_nodes", {m[1]}));
  if (std::regex_match(message, m, std::regex("nested deeper than ([0-9]+) levels[\\s\\S]*")))
    return Known(LabelIn(lang, "rd_too_deep", {m[1]}));
  if (message.rfind("unterminated quoted field", 0) == 0) return Known(LabelIn(lang, "rd_csv_open_quote"));
  if (message.rfind("unexpected text after a closing quote", 0) == 0)
    return Known(LabelIn(lang, "rd_csv_after_quote"));
  if (std::regex_match(message, m, std::regex("row has ([0-9]+) cells, the header has ([0-9]+)")))
    return Known(LabelIn(lang, "rd_csv_cells", {m[1], m[2]}));
  if (message.rfind("the table is empty", 0) == 0) return Known(LabelIn(lang, "rd_csv_empty"));
  if (std::regex_match(message, m, std::regex("cell of ([0-9]+) bytes, the limit is ([0-9]+)[\\s\\S]*")))
    return Known(LabelIn(lang, "rd_csv_long_cell", {m[1], m[2]}));
  if (std::regex_match(message, m, std::regex("more than ([0-9]+) rows, the limit[\\s\\S]*")))
    return Known(LabelIn(lang, "rd_csv_rows", {m[1]}));
  return std::nullopt;
}

}  // namespace

LocalDiagnostic LocalizeDiagnostic(const Diagnostic& d, const std::string& lang) {
  if (auto known = YamlMessage(d, lang)) return *known;
  if (auto known = InputMessage(d, lang)) return *known;
  // Not a message this table knows: English says it as the reader did;
  // Chinese says there is a problem here, and what the line holds.
  if (lang == "en") return {d.message, false};
  const std::string line = Excerpt(d.source_line, d.pos.column);
  return {line.empty() ? LabelIn(lang, "rd_other") : LabelIn(lang, "rd_other_at", {line}), false};
}

std::string ExpectedAnswer(const Rubric& rubric, const Criterion& c, const std::string& lang) {
  const AnswerForm form = c.kind->Form(rubric, c, nullptr);
  const std::string sep = LabelIn(lang, "list_separator");
  std::vector<std::string> choices;
  for (const auto& choice : form.choices) {
    const std::string label = choice.label.In(lang);
    choices.push_back(label.empty() || label == choice.value ? choice.value
                                                             : LabelIn(lang, "rd_choice", {choice.value, label}));
  }
  const std::string unit = form.unit.empty() ? "" : LabelIn(lang, "rd_unit", {form.unit});
  switch (form.input) {
    case AnswerForm::Input::kChoice: return LabelIn(lang, "rd_expect_one_of", {Join(choices, sep)});
    case AnswerForm::Input::kChoices: return LabelIn(lang, "rd_expect_some_of", {Join(choices, sep)});
    case AnswerForm::Input::kYesNo: return LabelIn(lang, "rd_expect_bool");
    case AnswerForm::Input::kText: return LabelIn(lang, "rd_expect_answer_text");
    case AnswerForm::Input::kNumber:
      if (form.min && form.max)
        return LabelIn(lang, "rd_expect_between", {FormatNumber(*form.min), FormatNumber(*form.max), unit});
      if (form.min) return LabelIn(lang, "rd_expect_at_least", {FormatNumber(*form.min), unit});
      if (form.max) return LabelIn(lang, "rd_expect_at_most", {FormatNumber(*form.max), unit});
      return LabelIn(lang, "rd_expect_any_number", {unit});
  }
  return LabelIn(lang, "rd_expect_answer");
}

}  // namespace fa::web
