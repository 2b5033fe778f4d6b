#include "ranking/ranking_config_judgments.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>

#include "base/input_limits.h"
#include "base/input_text.h"
#include "base/text.h"
#include "ranking/ranking_config_csv.h"
#include "ranking/ranking_yaml.h"

namespace fa {

namespace {

using Report = std::function<void(SourcePos, const std::string&)>;

const std::vector<std::string> kFileKeys = {"criteria", "matrix", "experts"};
const std::vector<std::string> kExpertKeys = {"name", "weight", "matrix"};

std::string Entry(size_t i, size_t j) {
  return "(" + std::to_string(i + 1) + ", " + std::to_string(j + 1) + ")";
}

std::string Over(const std::vector<std::string>& criteria, size_t i, size_t j) {
  if (i >= criteria.size() || j >= criteria.size()) return "";
  return " (" + criteria[i] + " over " + criteria[j] + ")";
}

// The exact reciprocal of entry (i, j), as it can be written: "1/3" for 3,
// "5" for "1/5", "1/1.5" for 1.5.
std::string ReciprocalText(const PairwiseJudgments& m, size_t i, size_t j) {
  const std::string text = JudgmentText(1 / m.matrix[i][j]);
  if (text.find('.') == std::string::npos) return text;
  return "1/" + m.cell_text[i][j];
}

// Positivity is checked as entries are read; this checks the diagonal and
// reciprocity of a complete matrix. Returns false when anything is wrong.
bool CheckComplete(const PairwiseJudgments& m, const std::vector<std::string>& criteria,
                   const Report& report) {
  bool ok = true;
  const size_t n = m.matrix.size();
  // Entries that are not usable (stored as 0, already reported) are skipped.
  for (size_t i = 0; i < n; ++i) {
    if (m.matrix[i][i] > 0 && m.matrix[i][i] != 1) {
      report(m.cell_pos[i][i], "entry " + Entry(i, i) + Over(criteria, i, i) +
                                   " is on the diagonal and must be 1, got " + m.cell_text[i][i]);
      ok = false;
    }
    for (size_t j = 0; j < i; ++j) {
      if (m.matrix[i][j] <= 0 || m.matrix[j][i] <= 0) continue;
      double expected = 1 / m.matrix[j][i];
      if (std::fabs(m.matrix[i][j] - expected) <= kJudgmentReciprocalTolerance * expected) continue;
      report(m.cell_pos[i][j], "entry " + Entry(i, j) + Over(criteria, i, j) +
                                   " must be the reciprocal of entry " + Entry(j, i) + " (" +
                                   m.cell_text[j][i] + "), i.e. " + ReciprocalText(m, j, i) +
                                   ", got " + m.cell_text[i][j]);
      ok = false;
    }
  }
  return ok;
}

std::string CriteriaList(const std::vector<std::string>& criteria) {
  return criteria.empty() ? "" : " (one per criterion: " + Join(criteria, ", ") + ")";
}

std::optional<std::vector<std::string>> ReadCriteria(const YamlValue& value) {
  if (value.absent()) return std::nullopt;
  if (!value.IsSequence()) {
    value.TypeError("a list of criterion names");
    return std::nullopt;
  }
  std::vector<std::string> names;
  std::set<std::string> seen;
  bool ok = true;
  for (const auto& item : value.NonEmptyItems()) {
    auto name = item.String();
    if (!name || name->empty()) {
      if (name) item.Error("a criterion name is empty");
      ok = false;
      continue;
    }
    if (!seen.insert(*name).second) {
      item.Error("criterion '" + *name + "' is listed twice");
      ok = false;
    }
    names.push_back(*name);
  }
  if (names.empty()) return std::nullopt;
  (void)ok;  // duplicates are reported; the matrix is still checked against every name
  return names;
}

// An expert's name (listed once: `names` holds those read so far) and
// relative weight; the map is then named after the expert.
ExpertJudgments ExpertNamed(YamlMap& map, std::map<std::string, SourcePos>& names) {
  ExpertJudgments expert;
  YamlValue name = map.Require("name");
  if (auto v = name.String()) {
    expert.name = *v;
    map.set_owner("expert '" + *v + "'");
    CheckListedOnce(names, *v, name, "expert '" + *v + "' is listed twice", "first listed here");
  }
  expert.weight = ReadRelativeWeight(map.Get("weight"));
  return expert;
}

// The experts of `experts:`, each with a name listed once, an optional
// relative weight (every expert's or none) and a matrix over `criteria`.
void ReadExperts(const YamlValue& experts, const std::optional<std::vector<std::string>>& criteria,
                 JudgmentsFile& out) {
  std::map<std::string, SourcePos> names;
  int n = 0;
  for (const auto& item : experts.NonEmptyItems()) {
    YamlMap map(item, "expert " + std::to_string(++n));
    if (!map.ok()) continue;
    map.CheckKeys(kExpertKeys);
    ExpertJudgments expert = ExpertNamed(map, names);
    YamlValue m = map.Require("matrix");
    if (!criteria || m.absent()) continue;
    YamlValue named(experts.source(), m.node(), m.pos(), map.owner(), m.label());
    if (auto judgments = ReadPairwiseMatrix(named, *criteria)) {
      expert.judgments = *judgments;
      out.experts.push_back(std::move(expert));
    }
  }
  bool any = false, all = true;
  for (const auto& e : out.experts) {
    if (e.weight)
      any = true;
    else
      all = false;
  }
  if (any && !all) experts.Error("give every expert a weight, or none (equal weights)");
}

void ReadJudgments(const YamlMap& top, JudgmentsFile& out) {
  top.CheckKeys(kFileKeys);
  auto criteria = ReadCriteria(top.Require("criteria"));
  if (criteria) out.criteria = *criteria;
  YamlValue matrix = top.Get("matrix");
  YamlValue experts = top.Get("experts");
  out.has_experts_key = !experts.absent();
  if (top.ok() && matrix.absent() && experts.absent()) {
    top.Error("expected 'matrix' (one set of judgments) or 'experts' (several)");
  } else if (!matrix.absent() && !experts.absent()) {
    experts.Error("give either 'matrix' or 'experts', not both");
  } else if (!matrix.absent() && criteria) {
    if (auto m = ReadPairwiseMatrix(matrix, *criteria)) out.experts.push_back({"", {}, *m});
  } else if (!experts.absent()) {
    ReadExperts(experts, criteria, out);
  }
}

std::optional<JudgmentsFile> LoadYamlJudgments(const std::string& path, const std::string& text,
                                               Diagnostics& diags) {
  JudgmentsFile out;
  out.file = path;
  if (!ReadYamlDocument(text, path, diags, [&](const YamlMap& top) { ReadJudgments(top, out); }))
    return std::nullopt;
  return out;
}

std::optional<JudgmentsFile> LoadCsvJudgments(const std::string& path, const std::string& text,
                                              Diagnostics& diags) {
  Diagnostics found;
  std::optional<CsvTable> table = ParseCsv(text, path, found);
  diags.AddSource(path, text.rfind("\xEF\xBB\xBF", 0) == 0 ? text.substr(3) : text);
  JudgmentsFile out;
  out.file = path;
  const size_t columns = table ? table->header.size() - (table->header.front().text.empty() ? 1 : 0) : 0;
  if (columns > static_cast<size_t>(kMaxJudgmentCriteria)) {
    found.Error(path, table->header.front().pos, TooManyToCompare(columns));
    table.reset();
  }
  if (table) {
    auto report = [&](SourcePos pos, const std::string& message) {
      found.Error(path, pos, message);
    };
    const bool labelled = table->header.front().text.empty();
    std::set<std::string> seen;
    for (size_t c = labelled ? 1 : 0; c < table->header.size(); ++c) {
      const CsvCell& cell = table->header[c];
      if (cell.text.empty())
        report(cell.pos, "criterion name " + std::to_string(c + 1) + " is empty");
      else if (!seen.insert(cell.text).second)
        report(cell.pos, "criterion '" + cell.text + "' is listed twice");
      out.criteria.push_back(cell.text);
    }
    const size_t n = out.criteria.size();
    PairwiseJudgments m;
    m.file = path;
    m.pos = table->header.front().pos;
    bool complete = true;
    if (table->rows.size() != n) {
      report(table->rows.size() < n ? table->end : table->rows[n].front().pos,
             "the matrix has " + std::to_string(table->rows.size()) + " rows, expected " +
                 std::to_string(n) + CriteriaList(out.criteria));
      complete = false;
    }
    for (size_t r = 0; r < table->rows.size() && r < n; ++r) {
      const auto& row = table->rows[r];
      if (labelled && row.front().text != out.criteria[r]) {
        report(row.front().pos, "row " + std::to_string(r + 1) + " must be criterion '" +
                                    out.criteria[r] + "', found '" + row.front().text + "'");
        complete = false;
      }
      m.matrix.emplace_back();
      m.cell_pos.emplace_back();
      m.cell_text.emplace_back();
      for (size_t c = labelled ? 1 : 0; c < row.size(); ++c) {
        const CsvCell& cell = row[c];
        size_t j = labelled ? c - 1 : c;
        std::optional<double> v = ParseRatio(cell.text);
        if (!v) {
          report(cell.pos, "entry " + Entry(r, j) + Over(out.criteria, r, j) +
                               ": expected a number or a fraction such as 1/5, found '" +
                               cell.text + "'");
        } else if (*v <= 0) {
          report(cell.pos, "entry " + Entry(r, j) + Over(out.criteria, r, j) +
                               " must be > 0, got " + cell.text);
          v.reset();
        }
        complete = complete && v.has_value();
        m.matrix.back().push_back(v.value_or(0));
        m.cell_pos.back().push_back(cell.pos);
        m.cell_text.back().push_back(cell.text);
      }
    }
    bool square = table->rows.size() == n && m.matrix.size() == n;
    if (square && CheckComplete(m, out.criteria, report) && complete)
      out.experts.push_back({"", {}, m});
  }
  AppendInFileOrder(found, diags, {path});
  if (found.HasErrors()) return std::nullopt;
  return out;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string JudgmentText(double a) {
  if (std::fabs(a - std::round(a)) < 1e-9) return FormatNumber(std::round(a));
  const double inverse = 1 / a;
  if (std::fabs(inverse - std::round(inverse)) < 1e-9)
    return "1/" + FormatNumber(std::round(inverse));
  return FormatFixed(a, 2);
}

std::optional<PairwiseJudgments> ReadPairwiseMatrix(const YamlValue& value,
                                                    const std::vector<std::string>& criteria) {
  const YamlSource& src = value.source();
  auto report = [&](SourcePos pos, const std::string& message) {
    src.Error(pos, value.owner().empty() ? message : value.owner() + ": " + message);
  };
  if (value.absent()) return std::nullopt;
  if (!value.IsSequence()) {
    value.TypeError("a matrix (a list of rows)");
    return std::nullopt;
  }
  const size_t n = criteria.size();
  if (n > static_cast<size_t>(kMaxJudgmentCriteria)) {
    value.Error(TooManyToCompare(n));
    return std::nullopt;
  }
  PairwiseJudgments m;
  m.file = src.file();
  m.pos = value.pos();
  bool complete = true;
  if (value.node().size() != n) {
    value.Error("the matrix has " + std::to_string(value.node().size()) + " rows, expected " +
                std::to_string(n) + CriteriaList(criteria));
    complete = false;
  }
  // A matrix square in itself but of the wrong order is one error, not one per row.
  bool self_square = true;
  for (const auto& row : value.node())
    self_square = self_square && row.IsSequence() && row.size() == value.node().size();
  const bool check_rows = !self_square || value.node().size() == n;
  size_t r = 0;
  for (const auto& row : value.Items()) {
    YamlValue labelled(src, row.node(), row.pos(), row.owner(),
                       "matrix row " + std::to_string(r + 1));
    if (!row.IsSequence()) {
      labelled.TypeError("a list of " + std::to_string(n) + " numbers");
      complete = false;
      ++r;
      continue;
    }
    if (row.node().size() != n && check_rows) {
      labelled.Error("matrix row " + std::to_string(r + 1) + " has " +
                     std::to_string(row.node().size()) + " entries, expected " + std::to_string(n) +
                     " (the matrix must be square)");
    }
    if (row.node().size() != n) complete = false;
    m.matrix.emplace_back();
    m.cell_pos.emplace_back();
    m.cell_text.emplace_back();
    size_t c = 0;
    for (const auto& cell : labelled.Items()) {
      YamlValue entry(src, cell.node(), cell.pos(), cell.owner(),
                      "entry " + Entry(r, c) + Over(criteria, r, c));
      std::optional<double> v = entry.Ratio();
      if (v && *v <= 0) {
        entry.Error("entry " + Entry(r, c) + Over(criteria, r, c) + " must be > 0, got " +
                    entry.Text());
        v.reset();
      }
      complete = complete && v.has_value();
      m.matrix.back().push_back(v.value_or(0));
      m.cell_pos.back().push_back(entry.pos());
      m.cell_text.back().push_back(entry.Text());
      ++c;
    }
    ++r;
  }
  bool square = m.matrix.size() == n;
  for (const auto& row : m.matrix) square = square && row.size() == n;
  if (!square) return std::nullopt;
  if (!CheckComplete(m, criteria, report) || !complete) return std::nullopt;
  return m;
}

std::optional<JudgmentsFile> LoadJudgmentsFile(const std::string& path, Diagnostics& diags) {
  std::optional<std::string> text = ReadSource(path, diags, "a judgments file");
  if (!text) return std::nullopt;
  return LoadJudgmentsFromString(*text, path, diags);
}

std::optional<JudgmentsFile> LoadJudgmentsFromString(const std::string& text, const std::string& file,
                                                     Diagnostics& diags) {
  if (EndsWith(file, ".csv") || EndsWith(file, ".CSV")) return LoadCsvJudgments(file, text, diags);
  return LoadYamlJudgments(file, text, diags);
}

}  // namespace fa
