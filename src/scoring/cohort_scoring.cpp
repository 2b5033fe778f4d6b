#include "scoring/cohort_scoring.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <thread>
#include <unordered_map>

#include "base/text.h"
#include "scoring/answer_matrix.h"
#include "scoring/batch_scorer.h"
#include "scoring/cohort_benchmarks.h"

namespace fa {

namespace {

// Rows encoded before a chunk is scored: the chunk's two matrices stay in
// cache while rows are written into them.
constexpr Eigen::Index kChunkRows = 256;

bool Answered(const Answer* a) {
  return a && a->kind != AnswerKind::kNone && a->kind != AnswerKind::kNotApplicable;
}

class ScoringSink : public CohortSink {
 public:
  explicit ScoringSink(const ScoringModel& model) : model_(model) {
    std::unordered_map<std::string, size_t> index;
    const auto all = model.rubric->AllCriteria();
    for (size_t i = 0; i < all.size(); ++i) index[all[i]->id] = i;
    for (const Criterion* c : model.criteria) rubric_index_.push_back(index.at(c->id));
  }

  void Start(int parts) override {
    parts_.resize(static_cast<size_t>(parts));
    const auto criteria = static_cast<Eigen::Index>(model_.criteria.size());
    for (Part& p : parts_) {
      p.chunk.points.setZero(kChunkRows, criteria);
      p.chunk.mask.setZero(kChunkRows, criteria);
      p.out.nodes = model_.nodes.size() - 1;
    }
  }

  void Row(int part, const CohortRow& row) override {
    Part& p = parts_[static_cast<size_t>(part)];
    double* points = p.chunk.points.data() + p.filled;
    double* mask = p.chunk.mask.data() + p.filled;
    const Rubric& rubric = *model_.rubric;
    for (size_t m = 0; m < rubric_index_.size(); ++m) {
      const size_t r = rubric_index_[m];
      const Answer* a = row.answers[r];
      const bool on = row.applies[r] && Answered(a);
      points[m * kChunkRows] = on ? AnswerPoints(*model_.criteria[m], *a, rubric) : 0.0;
      mask[m * kChunkRows] = on ? 1.0 : 0.0;
    }
    const FactoryProfile& f = row.profile;
    p.out.credit_code.push_back(f.credit_code);
    p.out.name.push_back(f.name);
    p.out.town.push_back(f.town);
    p.out.industry.push_back(f.industry);
    if (++p.filled == kChunkRows) Flush(p);
  }

  void Finish(int part) override { Flush(parts_[static_cast<size_t>(part)]); }

  CohortScores Take() {
    CohortScores out;
    out.nodes = model_.nodes.size() - 1;
    for (Part& p : parts_) {
      auto move = [](auto& to, auto& from) { to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end())); };
      move(out.credit_code, p.out.credit_code);
      move(out.name, p.out.name);
      move(out.town, p.out.town);
      move(out.industry, p.out.industry);
      move(out.level, p.out.level);
      move(out.score, p.out.score);
      move(out.node_score, p.out.node_score);
    }
    return out;
  }

 private:
  struct Part {
    AnswerMatrix chunk;
    BatchScores scores;
    Eigen::Index filled = 0;
    CohortScores out;
  };

  void Flush(Part& p) {
    if (p.filled == 0) return;
    if (p.filled == kChunkRows) {
      ScoreBatchInto(model_, p.chunk, p.scores);
    } else {
      AnswerMatrix tail{p.chunk.points.topRows(p.filled), p.chunk.mask.topRows(p.filled)};
      ScoreBatchInto(model_, tail, p.scores);
    }
    const BatchScores& s = p.scores;
    for (Eigen::Index r = 0; r < p.filled; ++r) {
      p.out.level.push_back(s.level[r]);
      p.out.score.push_back(s.score[r]);
      for (size_t n = 1; n < model_.nodes.size(); ++n) {
        const int col = model_.Column(static_cast<int>(n), 0);
        p.out.node_score.push_back(s.present(r, col) > 0 ? s.value(r, col) : std::numeric_limits<double>::quiet_NaN());
      }
    }
    p.filled = 0;
  }

  const ScoringModel& model_;
  std::vector<size_t> rubric_index_;  // per model criterion: index in rubric.AllCriteria()
  std::vector<Part> parts_;
};

// Fixed-point with `digits` decimals (at most 6); nothing for NaN.
void AppendFixed(std::string& out, double v, int digits) {
  static const double kScale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  if (std::isnan(v)) return;
  const double scaled = std::round(std::fabs(v) * kScale[digits]);
  if (!(scaled < 1e15)) {
    out += FormatFixed(v, digits);
    return;
  }
  auto n = static_cast<unsigned long long>(scaled);
  const auto unit = static_cast<unsigned long long>(kScale[digits]);
  if (v < 0 && n != 0) out += '-';
  char buf[32];
  auto end = std::to_chars(buf, buf + sizeof buf, n / unit).ptr;
  out.append(buf, end);
  if (digits == 0) return;
  out += '.';
  unsigned long long frac = n % unit;
  char d[8];
  for (int i = digits - 1; i >= 0; --i, frac /= 10) d[i] = static_cast<char>('0' + frac % 10);
  out.append(d, static_cast<size_t>(digits));
}

void AppendRows(const CohortScores& s, size_t begin, size_t end, std::string& out) {
  for (size_t i = begin; i < end; ++i) {
    out += CsvQuote(s.credit_code[i]);
    out += ',';
    out += CsvQuote(s.name[i]);
    out += ',';
    out += CsvQuote(s.town[i]);
    out += ',';
    out += CsvQuote(s.industry[i]);
    out += ',';
    out += std::to_string(s.level[i]);
    out += ',';
    AppendFixed(out, s.score[i], 4);
    out += ',';
    AppendFixed(out, s.percentile_cohort[i], 1);
    out += ',';
    AppendFixed(out, s.percentile_industry[i], 1);
    for (size_t n = 0; n < s.nodes; ++n) {
      out += ',';
      AppendFixed(out, s.node_score[i * s.nodes + n], 4);
    }
    out += '\n';
  }
}

}  // namespace

std::optional<CohortScores> ScoreCohortCsv(const ScoringModel& model, std::string_view text, const std::string& file,
                                           Diagnostics& diags, const CohortCsvOptions& options,
                                           CohortCsvSummary* summary) {
  ScoringSink sink(model);
  CohortCsvSummary read = ReadCohortCsv(*model.rubric, text, file, sink, diags, options);
  if (summary) *summary = read;
  if (!read.ok()) return std::nullopt;
  CohortScores out = sink.Take();
  int industries = 0;
  const std::vector<int> industry = IndustryGroups(out.industry, industries);
  out.percentile_cohort = RankWithinGroups(out.score, std::vector<int>(out.size(), 0), 1).percentile;
  out.percentile_industry = RankWithinGroups(out.score, industry, industries).percentile;
  return out;
}

std::string CohortResultsCsv(const ScoringModel& model, const CohortScores& scores, int threads) {
  std::string header = "credit_code,name,town,industry,level,score,percentile_cohort,percentile_industry";
  for (size_t n = 1; n < model.nodes.size(); ++n) header += "," + CsvQuote(model.nodes[n].node->id);
  header += '\n';
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const size_t rows = scores.size();
  const size_t parts = std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(threads), rows / 4096));
  std::vector<std::string> text(parts);
  std::vector<std::thread> workers;
  for (size_t k = 0; k < parts; ++k) {
    auto work = [&, k] {
      text[k].reserve((rows / parts + 1) * (80 + 8 * scores.nodes));
      AppendRows(scores, rows * k / parts, rows * (k + 1) / parts, text[k]);
    };
    if (k + 1 < parts) workers.emplace_back(work); else work();
  }
  for (auto& w : workers) w.join();
  size_t total = header.size();
  for (const auto& t : text) total += t.size();
  std::string out;
  out.reserve(total);
  out += header;
  for (const auto& t : text) out += t;
  return out;
}

}  // namespace fa
