#include "scoring/cohort_scoring.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "base/csv_text.h"
#include "base/parallel.h"
#include "base/text.h"
#include "scoring/answer_matrix.h"
#include "scoring/batch_scorer.h"
#include "scoring/cohort_benchmarks.h"
#include "scoring/cohort_chunk.h"

namespace fa {

namespace {

// Fixed-point with `digits` decimals (at most 6) written at `p`, which has
// room for 24 bytes; nothing for NaN. Returns the end, or nullptr for a
// value too large for this (FormatFixed writes it).
char* WriteFixed(char* p, double v, int digits) {
  static const double kScale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  if (std::isnan(v)) return p;
  const double scaled = std::fabs(v) * kScale[digits];
  const unsigned long long n = scaled < 1e15 ? RoundNonNegative(scaled) : 0;  // std::round(scaled)
  if (!(scaled < 1e15) || n >= 1000000000000000ull) return nullptr;
  const auto unit = static_cast<unsigned long long>(kScale[digits]);
  if (v < 0 && n != 0) *p++ = '-';
  p = std::to_chars(p, p + 16, n / unit).ptr;
  if (digits == 0) return p;
  *p++ = '.';
  unsigned long long frac = n % unit;
  for (int i = digits - 1; i >= 0; --i, frac /= 10) p[i] = static_cast<char>('0' + frac % 10);
  return p + digits;
}

void AppendFixed(std::string& out, double v, int digits) {
  char buf[24];
  if (char* end = WriteFixed(buf, v, digits)) out.append(buf, end);
  else out += FormatFixed(v, digits);
}

// A results row in three pieces, the percentiles in the middle one (so a
// row can wait for them): "code,name,town,industry,level,score,", then
// "cohort,industry", then ",node…\n".
void AppendHead(std::string& out, std::string_view code, std::string_view name, std::string_view town,
                std::string_view industry) {
  for (std::string_view v : {code, name, town, industry}) {
    AppendCsvQuoted(out, v);
    out += ',';
  }
}

void AppendLevelScore(std::string& out, int level, double score) {
  char buf[16];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, level).ptr);
  out += ',';
  AppendFixed(out, score, 4);
  out += ',';
}

void AppendPercentiles(std::string& out, double cohort, double industry) {
  AppendFixed(out, cohort, 1);
  out += ',';
  AppendFixed(out, industry, 1);
}

// A row's node scores, written into a buffer on the stack a few at a
// time and appended at once, not a few bytes at a time.
void AppendNodes(std::string& out, const double* node_score, size_t nodes) {
  char buf[512];
  char* p = buf;
  for (size_t n = 0; n < nodes; ++n) {
    if (p + 25 > buf + sizeof buf) {
      out.append(buf, p);
      p = buf;
    }
    *p++ = ',';
    if (char* end = WriteFixed(p, node_score[n], 4)) {
      p = end;
      continue;
    }
    out.append(buf, p);
    out += FormatFixed(node_score[n], 4);
    p = buf;
  }
  *p++ = '\n';
  out.append(buf, p);
}

class ScoringSink : public CohortSink {
 public:
  // `spooled`: rows are formatted into it as they are scored, instead of
  // kept as CohortScores.
  ScoringSink(const ScoringModel& model, CohortResults* spooled) : model_(model), spooled_(spooled), chunks_(model) {
    out_.nodes = model.nodes.size() - 1;
  }

  void Start(int parts, size_t estimated_rows) override {
    parts_.resize(static_cast<size_t>(parts));
    const size_t nodes = model_.nodes.size() - 1;
    for (Part& p : parts_) {
      p.node_score.resize(nodes);
      p.out.nodes = nodes;
    }
    // Reserved pages cost nothing until they are written.
    const size_t rows = estimated_rows * 11 / 10 + 16;
    if (spooled_) {
      for (auto* v : {&spooled_->head_bytes, &spooled_->row_bytes}) v->reserve(rows);
      spooled_->level.reserve(rows);
      spooled_->score.reserve(rows);
      spooled_->industry.reserve(rows);
      return;
    }
    for (auto* v : {&out_.credit_code, &out_.name, &out_.town, &out_.industry}) v->reserve(rows);
    out_.level.reserve(rows);
    out_.score.reserve(rows);
    out_.node_score.reserve(rows * nodes);
  }

  void Row(int part, const CohortRow& row) override {
    Part& p = parts_[static_cast<size_t>(part)];
    if (!p.chunk) p.chunk = chunks_.Take();
    const bool full = p.chunk->Add(row);
    const FactoryProfile& f = row.profile;
    if (spooled_) {
      AppendHead(p.heads, f.credit_code, f.name, f.town, f.industry);
      p.head_end.push_back(p.heads.size());
      p.out_industry.push_back(Industry(p, f.industry));
    } else {
      p.out.credit_code.push_back(f.credit_code);
      p.out.name.push_back(f.name);
      p.out.town.push_back(f.town);
      p.out.industry.push_back(f.industry);
    }
    if (full) Flush(p);
  }

  void Finish(int part) override {
    Part& p = parts_[static_cast<size_t>(part)];
    if (!p.chunk) return;
    Flush(p);
    chunks_.Give(p.chunk);
    p.chunk = nullptr;
  }

  void EndWindow() override {
    auto move = [](auto& to, auto& from) {
      to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
      from.clear();
    };
    for (Part& p : parts_) {
      if (spooled_) {
        spooled_->text->Append(p.text);
        p.text.clear();
        move(spooled_->head_bytes, p.out_head_bytes);
        move(spooled_->row_bytes, p.out_row_bytes);
        move(spooled_->level, p.out.level);
        move(spooled_->score, p.out.score);
        for (int local : p.out_industry) spooled_->industry.push_back(local < 0 ? -1 : Global(p, local));
        p.out_industry.clear();
        continue;
      }
      move(out_.credit_code, p.out.credit_code);
      move(out_.name, p.out.name);
      move(out_.town, p.out.town);
      move(out_.industry, p.out.industry);
      move(out_.level, p.out.level);
      move(out_.score, p.out.score);
      move(out_.node_score, p.out.node_score);
    }
  }

  CohortScores Take() { return std::move(out_); }

 private:
  struct Part {
    CohortChunk* chunk = nullptr;  // from chunks_, while the part is read
    CohortScores out;  // spooled: only level and score
    std::vector<double> node_score;  // one row's
    // Spooled: the chunk's heads as formatted, where each ends; the rows
    // formatted since the window began, with their sizes and industries
    // (numbered within the part, in `industries`).
    std::string heads, text;
    std::vector<size_t> head_end;
    std::vector<std::uint32_t> out_head_bytes, out_row_bytes;
    std::vector<int> out_industry;
    std::vector<std::string> industries;
  };

  // The part's own number for `industry`, -1 for none: a cohort has a few.
  static int Industry(Part& p, std::string_view industry) {
    if (industry.empty()) return -1;
    for (size_t i = 0; i < p.industries.size(); ++i)
      if (p.industries[i] == industry) return static_cast<int>(i);
    p.industries.emplace_back(industry);
    return static_cast<int>(p.industries.size() - 1);
  }

  // The cohort's number for the part's industry `local`, numbered in the
  // order industries first appear (as IndustryGroups does).
  int Global(const Part& p, int local) {
    const std::string& name = p.industries[static_cast<size_t>(local)];
    for (size_t i = 0; i < industries_.size(); ++i)
      if (industries_[i] == name) return static_cast<int>(i);
    industries_.push_back(name);
    return static_cast<int>(industries_.size() - 1);
  }

  void Flush(Part& p) {
    const Eigen::Index filled = p.chunk->rows();
    if (filled == 0) return;
    const BatchScores& s = p.chunk->Score();
    for (Eigen::Index r = 0; r < filled; ++r) {
      p.out.level.push_back(s.level[r]);
      p.out.score.push_back(s.score[r]);
      for (size_t n = 1; n < model_.nodes.size(); ++n) {
        const int col = model_.Column(static_cast<int>(n), 0);
        p.node_score[n - 1] = s.present(r, col) > 0 ? s.value(r, col) : std::numeric_limits<double>::quiet_NaN();
      }
      if (!spooled_) {
        p.out.node_score.insert(p.out.node_score.end(), p.node_score.begin(), p.node_score.end());
        continue;
      }
      const size_t begin = p.text.size();
      const size_t head = r == 0 ? 0 : p.head_end[static_cast<size_t>(r - 1)];
      p.text.append(p.heads, head, p.head_end[static_cast<size_t>(r)] - head);
      AppendLevelScore(p.text, s.level[r], s.score[r]);
      p.out_head_bytes.push_back(static_cast<std::uint32_t>(p.text.size() - begin));
      AppendNodes(p.text, p.node_score.data(), p.node_score.size());
      p.out_row_bytes.push_back(static_cast<std::uint32_t>(p.text.size() - begin));
    }
    p.heads.clear();
    p.head_end.clear();
    p.chunk->Clear();
  }

  const ScoringModel& model_;
  CohortResults* spooled_;
  CohortChunkPool chunks_;
  std::vector<Part> parts_;
  CohortScores out_;
  std::vector<std::string> industries_;  // spooled: the cohort's, by number
};

void AppendRows(const CohortScores& s, size_t begin, size_t end, std::string& out) {
  for (size_t i = begin; i < end; ++i) {
    AppendHead(out, s.credit_code[i], s.name[i], s.town[i], s.industry[i]);
    AppendLevelScore(out, s.level[i], s.score[i]);
    AppendPercentiles(out, s.percentile_cohort[i], s.percentile_industry[i]);
    AppendNodes(out, s.node_score.data() + i * s.nodes, s.nodes);
  }
}

std::string ResultsHeader(const ScoringModel& model) {
  std::string header = "credit_code,name,town,industry,level,score,percentile_cohort,percentile_industry";
  for (size_t n = 1; n < model.nodes.size(); ++n) header += "," + CsvQuote(model.nodes[n].node->id);
  header += '\n';
  return header;
}

}  // namespace

std::optional<CohortScores> ScoreCohortCsv(const ScoringModel& model, std::string_view text, const std::string& file,
                                           Diagnostics& diags, const CohortCsvOptions& options,
                                           CohortCsvSummary* summary) {
  ScoringSink sink(model, nullptr);
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
  write(ResultsHeader(model));
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

std::optional<CohortResults> ScoreCohortStreamed(const ScoringModel& model,
                                                 const std::function<CohortCsvSummary(CohortSink&)>& read,
                                                 size_t memory_bytes) {
  CohortResults out;
  out.text = std::make_unique<TextSpool>(memory_bytes);
  ScoringSink sink(model, &out);
  if (!read(sink).ok()) return std::nullopt;
  return out;
}

void WriteCohortResults(const ScoringModel& model, CohortResults& results,
                        const std::function<void(std::string_view)>& write) {
  write(ResultsHeader(model));
  const size_t rows = results.size();
  int industries = 0;
  for (int g : results.industry) industries = std::max(industries, g + 1);
  std::vector<double> cohort, industry;  // side by side: each sorts every score
  ParallelFor(
      2,
      [&](size_t k) {
        if (k == 0) cohort = RankWithinGroups(results.score, std::vector<int>(rows, 0), 1).percentile;
        else industry = RankWithinGroups(results.score, results.industry, industries).percentile;
      },
      2);
  // A block of rows at a time into one buffer, so memory stays flat.
  constexpr size_t kBlockRows = 4096;
  std::string buffer;
  for (size_t first = 0; first < rows; first += kBlockRows) {
    buffer.clear();
    for (size_t i = first; i < std::min(rows, first + kBlockRows); ++i) {
      const std::string_view row = results.text->Read(results.row_bytes[i]);
      const size_t head = results.head_bytes[i];
      buffer.append(row.data(), head);
      AppendPercentiles(buffer, cohort[i], industry[i]);
      buffer.append(row.data() + head, row.size() - head);
    }
    write(buffer);
  }
}

std::string CohortResultsCsv(const ScoringModel& model, const CohortScores& scores, int threads) {
  std::string out;
  WriteCohortResultsCsv(model, scores, [&](std::string_view piece) { out.append(piece); }, threads);
  return out;
}

}  // namespace fa
