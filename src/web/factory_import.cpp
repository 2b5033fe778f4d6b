#include "web/factory_import.h"

#include <map>
#include <set>

#include "base/text.h"
#include "ranking/ranking_config_csv.h"
#include "web/factory_form.h"
#include "web/reader_messages.h"
#include "web/web_labels.h"

namespace fa::web {

namespace {

/// The heading of the column `cell` (a cell of `row`) is in; "" for none.
std::string Header(const CsvTable& table, const std::vector<CsvCell>& row, const CsvCell* cell) {
  if (!cell) return "";
  const size_t column = static_cast<size_t>(cell - row.data());
  return column < table.header.size() ? table.header[column].text : "";
}

/// The provider of `catalogue` named `text` by id or by name; null when none.
const Provider* ProviderNamed(const ProviderCatalogue& catalogue, const std::string& text) {
  if (const Provider* p = catalogue.Find(text)) return p;
  for (const auto& p : catalogue.providers)
    if (text == p.name.zh || text == p.name.en) return &p;
  return nullptr;
}

}  // namespace

std::string ImportFieldOfHeader(const District& district, const std::string& header) {
  const std::string h = AsciiLower(WithoutBrackets(header));
  if (std::string field = district.FieldOfHeading(header); !field.empty()) {
    // Headings of other lists' columns (the above-scale list's provider and
    // consultant, src/ranking/duty_coverage.h) are no field of a factory.
    for (const auto& known : kFactoryTextFields)
      if (field == known) return field;
    if (district.Field(field)) return field;
    return "";
  }
  for (const auto& field : kFactoryTextFields)
    if (h == field) return field;
  for (const auto& f : district.profile_fields)
    if (h == f.id || h == AsciiLower(f.name.zh) || h == AsciiLower(f.name.en)) return f.id;
  return "";
}

ImportPlan PlanFactoryImport(const District& district, const std::string& csv,
                             const std::vector<store::Factory>& existing, const std::string& lang,
                             const ProviderCatalogue* catalogue) {
  ImportPlan plan;
  Diagnostics diags;
  std::optional<CsvTable> table = ParseCsv(csv, "import.csv", diags);
  for (const auto& d : diags.items())
    if (d.severity == Severity::kError)
      plan.problems.push_back({d.pos.line, d.pos.column, "", LocalizeDiagnostic(d, lang).text});
  if (!table || !plan.problems.empty()) return plan;
  if (table->rows.size() > kMaxImportRows) {
    plan.problems.push_back({0, 0, "", LabelIn(lang, "import_too_many_rows", {std::to_string(kMaxImportRows)})});
    return plan;
  }
  std::vector<std::string> fields;
  std::set<std::string> seen_fields;
  std::optional<size_t> provider_column;
  for (const auto& h : table->header) {
    std::string field = ImportFieldOfHeader(district, h.text);
    if (catalogue && field.empty() && !provider_column &&
        (district.FieldOfHeading(h.text) == "provider" || AsciiLower(WithoutBrackets(h.text)) == "provider")) {
      provider_column = fields.size();
      fields.push_back("");
      continue;
    }
    if (!field.empty() && !seen_fields.insert(field).second)
      plan.problems.push_back({h.pos.line, h.pos.column, h.text, LabelIn(lang, "import_same_field")});
    if (field.empty() && !h.text.empty()) plan.ignored_columns.push_back(h.text);
    fields.push_back(field);
  }
  if (!seen_fields.count("credit_code") || !seen_fields.count("name")) {
    plan.problems.push_back({1, 0, "", LabelIn(lang, "import_needs_columns")});
    return plan;
  }
  std::map<std::string, const store::Factory*> by_code;
  for (const auto& f : existing)
    if (!f.credit_code.empty()) by_code[f.credit_code] = &f;
  std::map<std::string, int> in_file;  // credit code → line
  for (const auto& row : table->rows) {
    FactoryInput in;
    std::map<std::string, const CsvCell*> cell_of;
    for (size_t c = 0; c < row.size() && c < fields.size(); ++c)
      if (!fields[c].empty()) {
        in[fields[c]] = row[c].text;
        cell_of[fields[c]] = &row[c];
      }
    const int line = row.empty() ? 0 : row.front().pos.line;
    std::string code;  // as ApplyFactoryInput stores it: no blanks, upper case
    for (char ch : in["credit_code"])
      if (ch != ' ' && ch != '\t') code += (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
    store::Factory f;
    auto known = by_code.find(code);
    if (known != by_code.end()) {
      f = *known->second;
      for (auto it = in.begin(); it != in.end();)  // empty cells keep what is stored
        it = it->second.empty() ? in.erase(it) : std::next(it);
    }
    for (const auto& p : ApplyFactoryInput(district, in, lang, f)) {
      const CsvCell* cell = cell_of.count(p.field) ? cell_of[p.field] : nullptr;
      plan.problems.push_back({line, cell ? cell->pos.column : 0, Header(*table, row, cell), p.message});
    }
    if (provider_column && *provider_column < row.size()) {  // an empty cell keeps what is stored
      const CsvCell& cell = row[*provider_column];
      const size_t from = cell.text.find_first_not_of(" \t"), to = cell.text.find_last_not_of(" \t");
      const std::string named = from == std::string::npos ? "" : cell.text.substr(from, to - from + 1);
      if (const Provider* p = named.empty() ? nullptr : ProviderNamed(*catalogue, named)) f.provider = p->id;
      else if (!named.empty())
        plan.problems.push_back({line, cell.pos.column, Header(*table, row, &cell),
                                 LabelIn(lang, "import_unknown_provider", {named})});
    }
    if (auto [it, fresh] = in_file.emplace(f.credit_code, line); !fresh && !f.credit_code.empty())
      plan.problems.push_back({line, cell_of["credit_code"]->pos.column, Header(*table, row, cell_of["credit_code"]),
                               LabelIn(lang, "import_duplicate_code", {std::to_string(it->second)})});
    (known != by_code.end() ? plan.updated : plan.created)++;
    plan.factories.push_back(std::move(f));
    plan.lines.push_back(line);
  }
  return plan;
}

}  // namespace fa::web
