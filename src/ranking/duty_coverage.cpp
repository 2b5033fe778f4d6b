#include "ranking/duty_coverage.h"

#include <algorithm>
#include <map>
#include <set>

#include "answers/credit_code.h"
#include "base/text.h"
#include "ranking/ranking_config_csv.h"

namespace fa {

namespace {

const std::vector<std::string> kDutyFields = {"credit_code", "name", "town", "industry", "provider", "consultant"};

/// The field a heading names: a field id, or one of the district's headings.
std::string DutyFieldOf(const std::string& heading, const District* district) {
  const std::string bare = AsciiLower(WithoutBrackets(heading));
  for (const auto& f : kDutyFields)
    if (bare == f) return f;
  if (!district) return "";
  std::string field = district->FieldOfHeading(heading);
  return std::find(kDutyFields.begin(), kDutyFields.end(), field) != kDutyFields.end() ? field : "";
}

/// A town or industry by id or name, stored by id; an error when the
/// district does not know it.
std::string ReadChoiceCell(const CsvCell& cell, const District* district, ChoiceList list, const char* what,
                           const std::string& file, Diagnostics& diags) {
  if (cell.text.empty() || !district) return cell.text;
  if (const DistrictChoice* c = district->Find(list, cell.text)) return c->id;
  std::vector<std::string> ids;
  for (const auto& c : district->Choices(list)) ids.push_back(c.id);
  diags.Error(file, cell.pos,
              std::string("unknown ") + what + " '" + cell.text + "'" + DidYouMean(cell.text, ids) +
                  " (the district's " + what + "s are in " + district->file + ")");
  return cell.text;
}

/// Groups by a key of the entries, most listed first, then by name; the
/// entries without a key last.
std::vector<DutyGroup> Sorted(std::map<std::string, DutyGroup>& groups) {
  std::vector<DutyGroup> out;
  for (auto& [key, g] : groups) out.push_back(g);
  std::stable_sort(out.begin(), out.end(), [](const DutyGroup& a, const DutyGroup& b) {
    if (a.name.empty() != b.name.empty()) return b.name.empty();
    if (a.listed != b.listed) return a.listed > b.listed;
    return a.name < b.name;
  });
  return out;
}

void Add(DutyGroup& g, DutyStatus status) {
  ++g.listed;
  if (status == DutyStatus::kDiagnosed) ++g.diagnosed;
  if (status == DutyStatus::kInProgress) ++g.in_progress;
  if (status == DutyStatus::kNotYet) ++g.not_yet;
}

/// Whether round/date `a` is later than `b` (by round, then date).
bool Later(const DiagnosisRecord& a, const std::string& round, const std::string& date) {
  if (a.round != round) return a.round > round;
  return a.date > date;
}

}  // namespace

std::optional<DutyList> ParseDutyList(const std::string& text, const std::string& file, const District* district,
                                      Diagnostics& diags) {
  const size_t errors_before = diags.ErrorCount();
  std::optional<CsvTable> table = ParseCsv(text, file, diags);
  if (!table) return std::nullopt;
  DutyList list;
  list.file = file;
  std::map<std::string, size_t> column;
  for (size_t c = 0; c < table->header.size(); ++c) {
    const CsvCell& h = table->header[c];
    const std::string field = DutyFieldOf(h.text, district);
    if (field.empty()) continue;
    if (!column.emplace(field, c).second)
      diags.Error(file, h.pos, "a second column for " + field + " ('" + h.text + "')");
  }
  if (!column.count("credit_code") && !column.count("name")) {
    diags.Error(file, table->header.empty() ? SourcePos{1, 1} : table->header.front().pos,
                "expected a column of credit codes (credit_code or a heading the district lists for it) or of "
                "names; found " +
                    Join(table->ColumnNames(), ", "));
    return std::nullopt;
  }
  list.has_provider = column.count("provider") > 0;
  list.has_consultant = column.count("consultant") > 0;
  auto cell = [&](const std::vector<CsvCell>& row, const char* field) -> const CsvCell* {
    auto it = column.find(field);
    return it == column.end() || it->second >= row.size() ? nullptr : &row[it->second];
  };
  std::map<std::string, int> code_line, name_line;
  for (const auto& row : table->rows) {
    if (row.empty()) continue;
    DutyEntry e;
    e.line = row.front().pos.line;
    const CsvCell* code = cell(row, "credit_code");
    const CsvCell* name = cell(row, "name");
    if (code) e.credit_code = AsciiUpper(code->text);
    if (name) e.name = name->text;
    if (e.credit_code.empty() && e.name.empty()) {
      diags.Error(file, row.front().pos, "a factory without a credit code and without a name");
      continue;
    }
    if (!e.credit_code.empty()) {
      if (std::string problem = CheckCreditCode(e.credit_code); !problem.empty())
        diags.Error(file, code->pos, "credit code '" + code->text + "': " + problem);
      else if (auto [it, fresh] = code_line.emplace(e.credit_code, e.line); !fresh)
        diags.Error(file, code->pos,
                    "credit code " + e.credit_code + " is listed twice (first on line " + std::to_string(it->second) +
                        ")");
    } else if (auto [it, fresh] = name_line.emplace(e.name, e.line); !fresh) {
      diags.Error(file, name->pos,
                  "'" + e.name + "' is listed twice without a credit code (first on line " +
                      std::to_string(it->second) + ")");
    }
    if (const CsvCell* c = cell(row, "town")) e.town = ReadChoiceCell(*c, district, ChoiceList::kTown, "town", file, diags);
    if (const CsvCell* c = cell(row, "industry"))
      e.industry = ReadChoiceCell(*c, district, ChoiceList::kIndustry, "industry", file, diags);
    if (const CsvCell* c = cell(row, "provider")) e.provider = c->text;
    if (const CsvCell* c = cell(row, "consultant")) e.consultant = c->text;
    list.entries.push_back(std::move(e));
  }
  if (list.entries.empty() && diags.ErrorCount() == errors_before)
    diags.Error(file, table->end, "the list holds no factory");
  if (diags.ErrorCount() > errors_before) return std::nullopt;
  return list;
}

std::optional<DutyList> LoadDutyList(const std::string& file, const District* district, Diagnostics& diags) {
  std::optional<std::string> text = ReadSource(file, diags, "the above-scale list (CSV)");
  if (!text) return std::nullopt;
  return ParseDutyList(*text, file, district, diags);
}

DutyCoverage CountDutyCoverage(const DutyList& list, const std::vector<DiagnosisRecord>& records) {
  DutyCoverage out;
  out.file = list.file;
  out.has_provider = list.has_provider;
  out.has_consultant = list.has_consultant;
  std::map<std::string, size_t> by_code, by_name;
  for (size_t i = 0; i < list.entries.size(); ++i) {
    const DutyEntry& e = list.entries[i];
    if (!e.credit_code.empty()) by_code.emplace(e.credit_code, i);
    if (!e.name.empty()) by_name.emplace(e.name, i);
  }
  out.factories.resize(list.entries.size());
  std::vector<bool> seen(list.entries.size(), false), drafted(list.entries.size(), false);
  std::set<std::string> not_listed;
  for (const DiagnosisRecord& r : records) {
    const std::string code = AsciiUpper(r.credit_code);
    std::optional<size_t> at;
    if (auto it = by_code.find(code); !code.empty() && it != by_code.end()) at = it->second;
    if (!at) {  // by name, when the list or the diagnosis has no code
      auto it = by_name.find(r.name);
      if (it != by_name.end() && (code.empty() || list.entries[it->second].credit_code.empty())) at = it->second;
    }
    if (!at) {
      if (r.submitted) not_listed.insert(r.name.empty() ? r.credit_code : r.name);
      continue;
    }
    DutyFactory& f = out.factories[*at];
    if (!r.submitted) {
      drafted[*at] = true;
      continue;
    }
    if (!seen[*at] || Later(r, f.round, f.date)) {
      f.round = r.round;
      f.date = r.date;
    }
    seen[*at] = true;
  }
  std::map<std::string, DutyGroup> towns, industries, providers, consultants;
  for (size_t i = 0; i < list.entries.size(); ++i) {
    const DutyEntry& e = list.entries[i];
    DutyFactory& f = out.factories[i];
    f.entry = e;
    f.status = seen[i] ? DutyStatus::kDiagnosed : drafted[i] ? DutyStatus::kInProgress : DutyStatus::kNotYet;
    Add(out.district, f.status);
    for (auto [groups, key] : {std::pair{&towns, &e.town}, std::pair{&industries, &e.industry},
                               std::pair{&providers, &e.provider}, std::pair{&consultants, &e.consultant}}) {
      DutyGroup& g = (*groups)[*key];
      g.name = *key;
      Add(g, f.status);
    }
  }
  out.by_town = Sorted(towns);
  out.by_industry = Sorted(industries);
  if (list.has_provider) out.by_provider = Sorted(providers);
  if (list.has_consultant) out.by_consultant = Sorted(consultants);
  out.not_listed.assign(not_listed.begin(), not_listed.end());
  return out;
}

std::vector<DiagnosisRecord> DiagnosisRecordsOf(const std::vector<Assessment>& assessments) {
  std::vector<DiagnosisRecord> out;
  out.reserve(assessments.size());
  for (const Assessment& a : assessments)
    out.push_back({a.factory.credit_code, a.factory.name, a.round, a.date, true});
  return out;
}

const char* DutyStatusId(DutyStatus status) {
  switch (status) {
    case DutyStatus::kDiagnosed: return "diagnosed";
    case DutyStatus::kInProgress: return "in_progress";
    case DutyStatus::kNotYet: return "not_yet";
  }
  return "not_yet";
}

}  // namespace fa
