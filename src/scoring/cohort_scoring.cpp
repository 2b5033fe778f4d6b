#include "scoring/cohort_scoring.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "base/parallel.h"
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

  void Start(int parts, size_t estimated_rows) override {
    parts_.resize(static_cast<size_t>(parts));
    const auto criteria = static_cast<Eigen::Index>(model_.criteria.size());
    const size_t nodes = model_.nodes.size() - 1;
    for (size_t k = 0; k < parts_.size(); ++k) {
      Part& p = parts_[k];
      p.chunk.points.setZero(kChunkRows, criteria);
      p.chunk.mask.setZero(kChunkRows, criteria);
      p.points.assign(static_cast<size_t>(kChunkRows * criteria), 0.0);
      p.mask.assign(static_cast<size_t>(kChunkRows * criteria), 0.0);
      p.out.nodes = nodes;
      // The first part will take the others' rows too (Take), so it gets
      // room for all; reserved pages cost nothing until they are written.
      const size_t rows = (k == 0 ? estimated_rows : estimated_rows / parts_.size()) * 11 / 10 + 16;
      for (auto* v : {&p.out.credit_code, &p.out.name, &p.out.town, &p.out.industry}) v->reserve(rows);
      p.out.level.reserve(rows);
      p.out.score.reserve(rows);
      p.out.node_score.reserve(rows * nodes);
    }
  }

  void Row(int part, const CohortRow& row) override {
    Part& p = parts_[static_cast<size_t>(part)];
    // Written row by row into row-major staging (contiguous), turned into
    // the scorer's column-major chunk once per chunk.
    double* points = p.points.data() + static_cast<size_t>(p.filled) * rubric_index_.size();
    double* mask = p.mask.data() + static_cast<size_t>(p.filled) * rubric_index_.size();
    const Rubric& rubric = *model_.rubric;
    for (size_t m = 0; m < rubric_index_.size(); ++m) {
      const size_t r = rubric_index_[m];
      const Answer* a = row.answers[r];
      const bool on = row.applies[r] && Answered(a);
      points[m] = on ? AnswerPoints(*model_.criteria[m], *a, rubric) : 0.0;
      mask[m] = on ? 1.0 : 0.0;
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
    CohortScores out = std::move(parts_[0].out);
    for (size_t k = 1; k < parts_.size(); ++k) {
      Part& p = parts_[k];
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
  using Staged = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>;

  struct Part {
    std::vector<double> points, mask;  // row-major staging, kChunkRows x criteria
    AnswerMatrix chunk;
    BatchScores scores;
    Eigen::Index filled = 0;
    CohortScores out;
  };

  void Flush(Part& p) {
    if (p.filled == 0) return;
    const auto criteria = static_cast<Eigen::Index>(rubric_index_.size());
    if (p.filled == kChunkRows) {
      p.chunk.points = Staged(p.points.data(), kChunkRows, criteria);
      p.chunk.mask = Staged(p.mask.data(), kChunkRows, criteria);
      ScoreBatchInto(model_, p.chunk, p.scores);
    } else {
      AnswerMatrix tail{Staged(p.points.data(), p.filled, criteria), Staged(p.mask.data(), p.filled, criteria)};
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

void WriteCohortResultsCsv(const ScoringModel& model, const CohortScores& scores,
                           const std::function<void(std::string_view)>& write, int threads) {
  std::string header = "credit_code,name,town,industry,level,score,percentile_cohort,percentile_industry";
  for (size_t n = 1; n < model.nodes.size(); ++n) header += "," + CsvQuote(model.nodes[n].node->id);
  header += '\n';
  write(header);
  threads = ThreadCount(threads);
  // Blocks of rows formatted side by side into buffers that are reused, so
  // memory stays flat however large the cohort.
  constexpr size_t kBlockRows = 4096;
  const size_t rows = scores.size();
  const size_t blocks = (rows + kBlockRows - 1) / kBlockRows;
  const size_t lanes = std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(threads), blocks));
  std::vector<std::string> buffer(lanes);
  for (size_t first = 0; first < blocks; first += lanes) {
    ParallelFor(
        lanes,
        [&](size_t lane) {
          const size_t block = first + lane;
          buffer[lane].clear();
          if (block < blocks) AppendRows(scores, block * kBlockRows, std::min(rows, (block + 1) * kBlockRows), buffer[lane]);
        },
        static_cast<int>(lanes));
    for (const auto& b : buffer) write(b);
  }
}

std::string CohortResultsCsv(const ScoringModel& model, const CohortScores& scores, int threads) {
  std::string out;
  WriteCohortResultsCsv(model, scores, [&](std::string_view piece) { out.append(piece); }, threads);
  return out;
}

}  // namespace fa
