// Writing synthetic factories out: as cohort CSV rows and as answer files.
#include <algorithm>
#include <functional>
#include <string_view>

#include "answers/cohort_csv.h"
#include "base/text.h"
#include "synth/synthetic_cohort_parts.h"

namespace fa {

namespace {

const char* kSyntheticText = "合成数据 (synthetic)";

// What each criterion's questionnaire offers, worked out once: the cell
// texts of its choices repeat on every row.
std::vector<AnswerForm> Forms(const Rubric& rubric) {
  std::vector<AnswerForm> forms;
  for (const Criterion* c : rubric.AllCriteria()) forms.push_back(c->kind->Form(rubric, *c));
  return forms;
}

// The answer as a cohort CSV cell (unquoted); "" when unanswered.
void AppendCell(const AnswerForm& form, const SynthAnswer& a, std::string& out) {
  switch (a.kind) {
    case SynthAnswer::kEmpty: return;
    case SynthAnswer::kNa: out += "na"; return;
    case SynthAnswer::kStep:
    case SynthAnswer::kOption: out += form.choices[a.index].value; return;
    case SynthAnswer::kOptions: {
      bool first = true;
      for (size_t o = 0; o < form.choices.size() && o < 64; ++o)
        if (a.options >> o & 1) {
          if (!first) out += ';';
          out += form.choices[o].value;
          first = false;
        }
      if (first) out += "[]";
      return;
    }
    case SynthAnswer::kNumber: out += FormatNumber(a.number); return;
    case SynthAnswer::kBool: out += a.yes ? "true" : "false"; return;
    case SynthAnswer::kText: out += kSyntheticText; return;
  }
}

void AppendProfile(const FactoryProfile& p, std::string& out) {
  out += CsvQuote(p.credit_code);
  out += ',';
  out += CsvQuote(p.name);
  out += ',';
  out += CsvQuote(p.town);
  out += ',';
  out += CsvQuote(p.industry);
  out += ',';
  out += CsvQuote(p.manufacturing_type);
  out += ',';
  if (p.employees) out += FormatNumber(*p.employees);
  out += ',';
  if (p.revenue) out += FormatNumber(*p.revenue);
}

std::string Yaml(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

namespace {

// A synthetic cohort as a cohort CSV, in order: `header` gets the header
// line, then `rows` each batch with its rows. Each batch's rows are
// formatted on the thread that generated it; what is held at once is one
// batch per thread.
void CsvBatches(const ScoringModel& model, const SynthOptions& options,
                const std::function<void(std::string_view)>& header,
                const std::function<void(const std::vector<SynthFactory>&, std::string_view)>& rows) {
  const Rubric& rubric = *model.rubric;
  const std::vector<const Criterion*> all = rubric.AllCriteria();
  const std::vector<AnswerForm> forms = Forms(rubric);
  {
    std::string line;
    const std::vector<std::string> columns = CohortCsvColumns(rubric);
    for (size_t i = 0; i < columns.size(); ++i) line += (i ? "," : "") + CsvQuote(columns[i]);
    line += '\n';
    header(line);
  }
  auto format = [&](const std::vector<SynthFactory>& batch) {
    std::string text;
    for (const SynthFactory& f : batch) {
      AppendProfile(f.profile, text);
      for (size_t c = 0; c < all.size(); ++c) {
        text += ',';
        if (f.answers[c].kind == SynthAnswer::kText) text += CsvQuote(kSyntheticText);
        else AppendCell(forms[c], f.answers[c], text);
      }
      text += '\n';
    }
    return text;
  };
  SynthesizeBatches(model, options, format,
                    [&](const std::vector<SynthFactory>& batch, std::string& text) { rows(batch, text); });
}

}  // namespace

void WriteSynthCohortCsv(const ScoringModel& model, const SynthOptions& options,
                         const std::function<void(std::string_view chunk)>& write,
                         std::vector<size_t>* level_counts) {
  if (level_counts) level_counts->clear();
  CsvBatches(model, options, write, [&](const std::vector<SynthFactory>& batch, std::string_view text) {
    write(text);
    if (!level_counts) return;
    for (const SynthFactory& f : batch) {
      const auto level = static_cast<size_t>(std::max(0, f.level));
      if (level_counts->size() <= level) level_counts->resize(level + 1, 0);
      ++(*level_counts)[level];
    }
  });
}

std::string SynthCohortCsv(const ScoringModel& model, const SynthOptions& options, std::vector<int>* levels) {
  std::string out;
  if (levels) levels->clear();
  bool reserved = false;
  CsvBatches(
      model, options, [&](std::string_view line) { out.append(line); },
      [&](const std::vector<SynthFactory>& batch, std::string_view text) {
        // Once, after the first batch: its bytes per row times the rows to
        // come, with 10% to spare.
        if (!reserved && !batch.empty()) {
          reserved = true;
          const double per_row = static_cast<double>(text.size()) / static_cast<double>(batch.size());
          out.reserve(out.size() + static_cast<size_t>(per_row * 1.1 * static_cast<double>(options.factories)));
        }
        out.append(text);
        if (levels)
          for (const SynthFactory& f : batch) levels->push_back(f.level);
      });
  return out;
}

std::vector<std::string> SynthCells(const Rubric& rubric, const SynthFactory& factory) {
  const std::vector<const Criterion*> all = rubric.AllCriteria();
  const std::vector<AnswerForm> forms = Forms(rubric);
  std::vector<std::string> out(all.size());
  for (size_t c = 0; c < all.size(); ++c) AppendCell(forms[c], factory.answers[c], out[c]);
  return out;
}

std::string SynthAnswerYaml(const Rubric& rubric, const SynthFactory& factory) {
  const std::vector<const Criterion*> all = rubric.AllCriteria();
  const FactoryProfile& p = factory.profile;
  std::string out = "# Synthetic factory " + std::to_string(factory.index + 1) +
                    ", generated by `factory-assess synth`; not a real company.\n";
  out += "rubric: " + Yaml(rubric.id) + "\nrubric_version: " + Yaml(rubric.version) + "\nfactory:\n";
  out += "  credit_code: " + Yaml(p.credit_code) + "\n  name: " + Yaml(p.name) + "\n  town: " + Yaml(p.town) +
         "\n  industry: " + Yaml(p.industry) + "\n  manufacturing_type: " + Yaml(p.manufacturing_type) + "\n";
  if (p.employees) out += "  employees: " + FormatNumber(*p.employees) + "\n";
  if (p.revenue) out += "  revenue: " + FormatNumber(*p.revenue) + "\n";
  out += "answers:\n";
  const std::vector<std::string> cells = SynthCells(rubric, factory);
  for (size_t c = 0; c < all.size(); ++c) {
    const SynthAnswer& a = factory.answers[c];
    if (a.kind == SynthAnswer::kEmpty) continue;
    out += "  " + all[c]->id + ": ";
    if (a.kind == SynthAnswer::kOptions) {
      std::string list = cells[c] == "[]" ? "" : cells[c];
      for (auto& ch : list)
        if (ch == ';') ch = ',';
      size_t at = 0;
      while ((at = list.find(',', at)) != std::string::npos) list.insert(++at, " ");
      out += "[" + list + "]";
    } else if (a.kind == SynthAnswer::kOption || a.kind == SynthAnswer::kText) {
      out += Yaml(cells[c]);
    } else {
      out += cells[c];
    }
    out += "\n";
  }
  return out;
}

}  // namespace fa
