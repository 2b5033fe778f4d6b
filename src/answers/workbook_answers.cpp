#include "answers/workbook_answers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "answers/credit_code.h"
#include "answers/workbook_layout.h"
#include "answers/xlsx_reader.h"
#include "base/hash.h"
#include "base/text.h"

namespace fa {

namespace {

std::string Trimmed(const std::string& s) {
  const size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

namespace workbook {

std::string ChoiceValue(const std::string& cell) { return Trimmed(cell.substr(0, cell.find(kChoiceSeparator))); }

}  // namespace workbook

namespace {

namespace wb = workbook;

// An Excel date serial (days since 1899-12-30) as YYYY-MM-DD; the text as
// it is when it is not a plausible date.
std::string DateText(const XlsxCell& cell) {
  if (cell.type != XlsxCell::Type::kNumber) return Trimmed(cell.text);
  const double serial = std::strtod(cell.text.c_str(), nullptr);
  if (!(serial >= 1 && serial < 2958466)) return cell.text;
  long z = static_cast<long>(std::floor(serial)) - 25569 + 719468;  // days since 0000-03-01
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  const long y = yoe + era * 400 + (m <= 2);
  char out[48];
  std::snprintf(out, sizeof out, "%04ld-%02ld-%02ld", y, m, d);
  return out;
}

// The cells of one sheet by row, each row's cells by column.
using Rows = std::map<int, std::map<int, const XlsxCell*>>;

Rows RowsOf(const XlsxSheet& sheet) {
  Rows rows;
  for (const XlsxCell& c : sheet.cells) rows[c.row][c.column] = &c;
  return rows;
}

const XlsxCell* CellAt(const std::map<int, const XlsxCell*>& row, int column) {
  if (column == 0) return nullptr;
  auto it = row.find(column);
  return it == row.end() ? nullptr : it->second;
}

std::string TextAt(const std::map<int, const XlsxCell*>& row, int column) {
  const XlsxCell* c = CellAt(row, column);
  return c ? Trimmed(c->text) : "";
}

class WorkbookReader {
 public:
  WorkbookReader(const Rubric& rubric, const XlsxWorkbook& book, const std::string& file,
                 const WorkbookReadOptions& options, Diagnostics& diags)
      : rubric_(rubric), book_(book), file_(file), options_(options), diags_(diags) {}

  std::optional<AnswerSet> Read(const std::string& sha256) {
    set_.file = file_;
    set_.sha256 = sha256;
    if (!ReadMeta()) return std::nullopt;
    for (size_t i = 0; i < book_.sheets.size(); ++i) {
      const XlsxSheet& sheet = book_.sheets[i];
      if (sheet.name == wb::kMetaSheet || sheet.name == wb::kListsSheet) continue;
      ReadSheet(sheet, static_cast<int>(i) + 1);
    }
    if (!saw_requirements_) {
      diags_.Error(file_, {}, "no sheet has the columns of a questionnaire (a criterion id and an answer column)");
      return std::nullopt;
    }
    for (Answer& a : set_.answers) {
      if (a.assessor.empty()) a.assessor = set_.assessor;
      if (a.date.empty()) a.date = set_.date;
    }
    if (changed_) ListNewCriteria();
    return std::move(set_);
  }

 private:
  SourcePos At(int sheet, int row, int column) const { return SourcePos{row, column, sheet}; }

  // The hidden sheet of facts: format, rubric and the column headings.
  bool ReadMeta() {
    int index = 0;
    for (size_t i = 0; i < book_.sheets.size(); ++i)
      if (book_.sheets[i].name == wb::kMetaSheet) index = static_cast<int>(i) + 1;
    if (index == 0) {
      diags_.Error(file_, {}, std::string("not a questionnaire workbook of factory-assess (it has no sheet '") +
                                  wb::kMetaSheet + "'); write one with `factory-assess workbook`");
      return false;
    }
    std::map<std::string, std::pair<std::string, SourcePos>> meta;
    for (const auto& [row, cells] : RowsOf(book_.sheets[static_cast<size_t>(index) - 1])) {
      const std::string key = TextAt(cells, 1);
      if (key.empty()) continue;
      meta[key] = {TextAt(cells, 2), At(index, row, 2)};
      if (key.rfind(wb::kMetaAnswerVersionPrefix, 0) == 0) fingerprints_[key] = TextAt(cells, 3);
      if (key.rfind(wb::kMetaHeaderPrefix, 0) == 0)
        headings_[TextAt(cells, 2)] = key.substr(std::string(wb::kMetaHeaderPrefix).size());
    }
    auto value = [&](const char* key) { return meta.count(key) ? meta[key].first : std::string(); };
    ReadOrigin(meta);
    if (value(wb::kMetaFormat) != wb::kFormat || value(wb::kMetaFormatVersion) != wb::kFormatVersion) {
      diags_.Error(file_, At(index, 0, 0), std::string("not a questionnaire workbook of factory-assess, format ") +
                                               wb::kFormatVersion + " (its sheet '" + wb::kMetaSheet +
                                               "' says format '" + value(wb::kMetaFormat) + "' " +
                                               value(wb::kMetaFormatVersion) + ")");
      return false;
    }
    set_.rubric = value(wb::kMetaRubric);
    set_.rubric_version = value(wb::kMetaRubricVersion);
    set_.rubric_pos = meta[wb::kMetaRubric].second;
    if (set_.rubric != rubric_.id) {
      diags_.Error(file_, set_.rubric_pos, "the workbook is for rubric '" + set_.rubric + "', not '" + rubric_.id + "'");
      return false;
    }
    const std::string sha = value(wb::kMetaRubricSha256);
    if (sha != rubric_.sha256) {
      const std::string what = "the workbook was made for another text of rubric '" + rubric_.id + "' (version " +
                               set_.rubric_version + ", SHA-256 " + sha.substr(0, 12) + "…; this rubric: version " +
                               rubric_.version + ", SHA-256 " + rubric_.sha256.substr(0, 12) + "…)";
      if (!options_.allow_rubric_change) {
        diags_.Error(file_, meta[wb::kMetaRubricSha256].second,
                     what + "; give --allow-rubric-change to read its answers by criterion id");
        return false;
      }
      diags_.Warning(file_, meta[wb::kMetaRubricSha256].second, what + "; its answers are read by criterion id");
      changed_ = true;
    }
    return true;
  }

  // Where a web download came from; nothing when a row does not read.
  void ReadOrigin(const std::map<std::string, std::pair<std::string, SourcePos>>& meta) {
    auto number = [](const std::string& text) -> std::optional<int64_t> {
      if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
      return std::stoll(text);
    };
    auto id = meta.find(wb::kMetaAssessment), version = meta.find(wb::kMetaAssessmentVersion);
    if (id == meta.end() || version == meta.end()) return;
    auto assessment = number(id->second.first), at = number(version->second.first);
    if (!assessment || !at) return;
    wb::Origin origin;
    origin.assessment = *assessment;
    origin.assessment_version = *at;
    const std::string prefix = wb::kMetaAnswerVersionPrefix;
    for (const auto& [key, cell] : meta) {
      if (key.rfind(prefix, 0) != 0) continue;
      auto n = number(cell.first);
      if (!n) return;
      wb::AnswerMark& mark = origin.answers[key.substr(prefix.size())];
      mark.version = *n;
      mark.fingerprint = fingerprints_[key];
    }
    origin_ = std::move(origin);
  }

 public:
  const wb::Origin& origin() const { return origin_; }

 private:
  // Column key -> column number, from the first row that has a heading.
  std::map<std::string, int> Columns(const Rows& rows, int& header_row) const {
    std::map<std::string, int> columns;
    for (const auto& [row, cells] : rows) {
      for (const auto& [column, cell] : cells) {
        auto it = headings_.find(Trimmed(cell->text));
        if (it != headings_.end() && !columns.count(it->second)) columns[it->second] = column;
      }
      if (!columns.empty()) {
        header_row = row;
        return columns;
      }
    }
    return columns;
  }

  void ReadSheet(const XlsxSheet& sheet, int index) {
    const Rows rows = RowsOf(sheet);
    int header = 0;
    const std::map<std::string, int> columns = Columns(rows, header);
    auto col = [&](const char* key) { return columns.count(key) ? columns.at(key) : 0; };
    if (col(wb::kColField) && col(wb::kColValue)) {
      for (auto it = rows.upper_bound(header); it != rows.end(); ++it)
        ReadField(it->second, col(wb::kColField), col(wb::kColValue), index, it->first);
      return;
    }
    if (!col(wb::kColId) || !col(wb::kColAnswer)) return;  // a sheet of the user's own
    if (!saw_requirements_) set_.answers_pos = At(index, header, col(wb::kColAnswer));
    saw_requirements_ = true;
    for (auto it = rows.upper_bound(header); it != rows.end(); ++it)
      ReadRequirement(it->second, columns, index, it->first);
  }

  void ReadField(const std::map<int, const XlsxCell*>& cells, int field_col, int value_col, int index, int row) {
    const std::string field = TextAt(cells, field_col);
    if (field.empty()) return;
    const XlsxCell* cell = CellAt(cells, value_col);
    const SourcePos pos = At(index, row, value_col);
    if (cell && !Usable(*cell, pos)) return;
    const std::string value = cell ? wb::ChoiceValue(cell->text) : "";
    FactoryProfile& p = set_.factory;
    set_.profile_pos[field] = pos;
    if (field == "round") set_.round = value;
    else if (field == "assessor") set_.assessor = value;
    else if (field == "date") set_.date = cell ? DateText(*cell) : "";
    else if (field == "credit_code") p.credit_code = value;
    else if (field == "name") p.name = value;
    else if (field == "town") p.town = value;
    else if (field == "industry") p.industry = value;
    else if (field == "manufacturing_type") p.manufacturing_type = value;
    else if (field == "employees" || field == "revenue") {
      if (value.empty()) return;
      char* end = nullptr;
      const double n = std::strtod(value.c_str(), &end);
      if (end != value.c_str() + value.size() || !std::isfinite(n))
        diags_.Error(file_, pos, field + ": expected a number, found " + Quoted(value));
      else if (n < 0)
        diags_.Error(file_, pos, field + " must be >= 0, got " + FormatNumber(n));
      else
        (field == "employees" ? p.employees : p.revenue) = n;
    } else if (!value.empty()) {
      p.extra[field] = value;
    }
    if (field == "credit_code") CheckCode(pos);
    if (field == "name" && value.empty()) diags_.Error(file_, pos, "factory: missing 'name'");
  }

  // False, with the error, for a cell that holds no value to read.
  bool Usable(const XlsxCell& cell, SourcePos pos) {
    if (cell.type == XlsxCell::Type::kError)
      diags_.Error(file_, pos, "the cell holds the error " + Quoted(cell.text) + ", not a value");
    else if (cell.type == XlsxCell::Type::kUncomputed)
      diags_.Error(file_, pos, "the cell holds the formula " + Quoted(cell.text) +
                                   " whose value was never computed; open the workbook in Excel or LibreOffice "
                                   "and save it");
    return cell.type != XlsxCell::Type::kError && cell.type != XlsxCell::Type::kUncomputed;
  }

  void CheckCode(SourcePos pos) {
    const std::string& code = set_.factory.credit_code;
    if (code.empty()) {
      diags_.Error(file_, pos, "factory: missing 'credit_code'");
      return;
    }
    const std::string problem = CheckCreditCode(code);
    if (problem.empty()) return;
    if (problem.rfind("check character", 0) == 0)
      diags_.Warning(file_, pos, "credit_code: " + problem);
    else
      diags_.Error(file_, pos, "credit_code: " + problem);
  }

  void ReadRequirement(const std::map<int, const XlsxCell*>& cells, const std::map<std::string, int>& columns,
                       int index, int row) {
    auto col = [&](const char* key) { return columns.count(key) ? columns.at(key) : 0; };
    const std::string id = TextAt(cells, col(wb::kColId));
    const int answer_col = col(wb::kColAnswer);
    const XlsxCell* value = CellAt(cells, answer_col);
    Answer a;
    a.criterion = id;
    a.key_pos = At(index, row, col(wb::kColId));
    a.pos = At(index, row, answer_col);
    a.evidence = TextAt(cells, col(wb::kColEvidence));
    a.note = TextAt(cells, col(wb::kColNote));
    a.assessor = TextAt(cells, col(wb::kColAssessor));
    if (const XlsxCell* date = CellAt(cells, col(wb::kColDate))) a.date = DateText(*date);
    const std::string raw = value ? wb::ChoiceValue(value->text) : "";
    const bool given = !raw.empty() || !a.evidence.empty() || !a.note.empty();
    if (id.empty()) {
      if (given)
        diags_.Error(file_, a.pos, "this row has an answer but no criterion id in column " +
                                       CellName(0, col(wb::kColId)) +
                                       " (a row added by hand? copy the whole row of the question instead)");
      return;
    }
    auto [first, inserted] = seen_.emplace(id, a.key_pos);
    if (!inserted) {
      diags_.Error(file_, a.key_pos, "criterion '" + id + "' has a second row");
      diags_.Note(file_, first->second, "its first row");
      return;
    }
    const Criterion* criterion = rubric_.FindCriterion(id);
    if (!criterion && changed_) {
      dropped_.push_back(id);
      if (given) diags_.Warning(file_, a.key_pos, "criterion '" + id + "' is not in this rubric any more; its answer is left out");
      return;
    }
    if (value && !Usable(*value, a.pos)) return;
    if (raw.empty()) {
      set_.blank_pos[id] = a.pos;
      if (!a.evidence.empty() || !a.note.empty()) set_.answers.push_back(std::move(a));
      return;
    }
    if (raw == "na" || raw == "NA" || raw == "n/a") {
      a.kind = AnswerKind::kNotApplicable;
      a.text = raw;
    } else if (criterion && criterion->kind->takes_list()) {
      a.kind = AnswerKind::kOptions;
      if (raw != "[]") a.options = SplitList(raw);
    } else {
      a.kind = AnswerKind::kText;
      a.text = raw;
    }
    set_.answers.push_back(std::move(a));
  }

  // "a, b; c" -> {a, b, c}: commas and semicolons, ASCII or full-width
  // (U+FF0C, U+FF1B).
  static std::vector<std::string> SplitList(const std::string& raw) {
    std::string text = raw;
    for (const char* wide : {"\xEF\xBC\x8C", "\xEF\xBC\x9B"})
      for (size_t at = text.find(wide); at != std::string::npos; at = text.find(wide, at)) text.replace(at, 3, ",");
    std::replace(text.begin(), text.end(), ';', ',');
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find(',', start);
      if (end == std::string::npos) end = text.size();
      std::string item = Trimmed(text.substr(start, end - start));
      if (!item.empty()) out.push_back(std::move(item));
      start = end + 1;
    }
    return out;
  }

  // Under --allow-rubric-change: the criteria the workbook has no row for.
  void ListNewCriteria() {
    std::vector<std::string> added;
    for (const Criterion* c : rubric_.AllCriteria())
      if (!seen_.count(c->id)) added.push_back(c->id);
    if (!dropped_.empty())
      diags_.Note(file_, {}, std::to_string(dropped_.size()) + " row(s) of criteria no longer in the rubric left out: " +
                                 Join(dropped_, ", "));
    if (!added.empty())
      diags_.Note(file_, {}, std::to_string(added.size()) + " criteria of the rubric have no row in the workbook: " +
                                 Join(added, ", "));
  }

  const Rubric& rubric_;
  const XlsxWorkbook& book_;
  const std::string& file_;
  const WorkbookReadOptions& options_;
  Diagnostics& diags_;
  AnswerSet set_;
  std::map<std::string, std::string> headings_;  // heading -> column key
  std::map<std::string, SourcePos> seen_;       // criterion id -> its id cell
  std::vector<std::string> dropped_;
  bool changed_ = false;
  bool saw_requirements_ = false;
  wb::Origin origin_;
  std::map<std::string, std::string> fingerprints_;  // answer_version:ID -> its third cell
};

}  // namespace

bool IsWorkbookPath(const std::string& path) {
  if (path.size() < 5) return false;
  std::string ext = path.substr(path.size() - 5);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xlsx";
}

std::optional<AnswerSet> WorkbookAnswersFromBytes(const Rubric& rubric, const std::string& bytes,
                                                  const std::string& file, const WorkbookReadOptions& options,
                                                  Diagnostics& diags, workbook::Origin* origin) {
  std::optional<XlsxWorkbook> book = ReadXlsx(bytes, file, diags);
  if (!book) return std::nullopt;
  WorkbookReader reader(rubric, *book, file, options, diags);
  std::optional<AnswerSet> set = reader.Read(Sha256Hex(bytes));
  if (origin && reader.origin().assessment > 0) *origin = reader.origin();
  return set;
}

std::optional<AnswerSet> LoadWorkbookAnswers(const Rubric& rubric, const std::string& path,
                                             const WorkbookReadOptions& options, Diagnostics& diags) {
  std::optional<std::string> bytes = ReadSource(path, diags, "a workbook");
  if (!bytes) return std::nullopt;
  return WorkbookAnswersFromBytes(rubric, *bytes, path, options, diags);
}

}  // namespace fa
