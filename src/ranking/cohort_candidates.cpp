#include "ranking/cohort_candidates.h"

#include <optional>
#include <unordered_map>
#include <vector>

#include "scoring/cohort_chunk.h"
#include "scoring/tiers.h"

namespace fa {

namespace {

class CandidateSink : public CohortSink {
 public:
  CandidateSink(const ScoringModel& model, const std::string& path, RankingInputBuilder& builder)
      : model_(model), path_(path), builder_(builder), chunks_(model), tiers_(model.rubric->tiers, model),
        nodes_(model.nodes.size() - 1) {
    for (size_t n = 1; n < model.nodes.size(); ++n) node_index_[model.nodes[n].node->id] = n - 1;
  }

  void Start(int parts, size_t estimated_rows) override {
    builder_.Reserve(estimated_rows * 11 / 10 + 16);
    parts_.resize(static_cast<size_t>(parts));
  }

  void Row(int part, const CohortRow& row) override {
    Part& p = parts_[static_cast<size_t>(part)];
    if (!p.chunk) p.chunk = chunks_.Take();
    p.staged.push_back(row.profile);
    if (p.chunk->Add(row)) Flush(p);
  }

  void Finish(int part) override {
    Part& p = parts_[static_cast<size_t>(part)];
    if (!p.chunk) return;
    Flush(p);
    chunks_.Give(p.chunk);
    p.chunk = nullptr;
  }

  // The window's rows, part after part, in file order, to the builder.
  void EndWindow() override {
    const TierScheme& scheme = model_.rubric->tiers;
    for (Part& p : parts_) {
      for (size_t i = 0; i < p.done.size(); ++i) Hand(p, i, scheme);
      if (!p.done.empty() && !scheme.tiers.empty()) builder_.AddTierNames(scheme);
      p.done.clear();
      p.node_score.clear();
      p.node_applies.clear();
      p.eligible.clear();
    }
  }

 private:
  // A scored row waiting for its window's end.
  struct Scored {
    FactoryProfile profile;
    int level = 0;
    double score = 0;
  };
  struct Part {
    CohortChunk* chunk = nullptr;  // from chunks_, while the part is read
    std::vector<FactoryProfile> staged;  // the chunk's rows' profiles
    std::vector<Scored> done;
    std::vector<double> node_score;           // done × nodes
    std::vector<unsigned char> node_applies;  // done × nodes
    std::vector<unsigned char> eligible;      // done × tiers
    std::vector<unsigned char> verdicts;      // one row's
  };

  // Scores the chunk's rows, keeping what a candidate reads of each.
  void Flush(Part& p) {
    const Eigen::Index rows = p.chunk->rows();
    if (rows == 0) return;
    const BatchScores& s = p.chunk->Score();
    for (Eigen::Index r = 0; r < rows; ++r) {
      for (size_t n = 1; n <= nodes_; ++n) {
        const int col = model_.Column(static_cast<int>(n), 0);
        p.node_score.push_back(s.value(r, col));
        p.node_applies.push_back(s.present(r, col) > 0);
      }
      FactoryProfile& profile = p.staged[static_cast<size_t>(r)];
      tiers_.Evaluate(*p.chunk, s, r, profile, p.verdicts);
      p.eligible.insert(p.eligible.end(), p.verdicts.begin(), p.verdicts.end());
      p.done.push_back({std::move(profile), s.level[r], s.score[r]});
    }
    p.staged.clear();
    p.chunk->Clear();
  }

  // Done row `i` of `p` as a candidate, as CandidateOf makes one of its
  // Assessment, with what AddAssessment reads of it.
  void Hand(Part& p, size_t i, const TierScheme& scheme) {
    Scored& row = p.done[i];
    FactoryProfile& f = row.profile;
    RankingCandidate c;
    // The profile's names move to the candidate: a ranking reads only its
    // numeric fields (employees, revenue and the further ones) besides.
    c.id = f.credit_code.empty() ? f.name : std::move(f.credit_code);
    c.name = std::move(f.name);
    c.town = std::move(f.town);
    c.industry = std::move(f.industry);
    c.level = row.level;
    c.maturity = row.score;
    c.file.reserve(path_.size() + 16);
    c.file += path_;
    c.file += ", row ";
    c.file += std::to_string(++rows_);
    if (!scheme.tiers.empty() && !scheme.id.empty()) {
      c.tiers.emplace();
      for (size_t t = 0; t < scheme.tiers.size(); ++t)
        if (p.eligible[i * scheme.tiers.size() + t]) c.tiers->push_back(scheme.tiers[t].id);
    }
    // Captured by one pointer, so the std::function holds it without allocating.
    const struct {
      const std::unordered_map<std::string, size_t>& index;
      const double* score;
      const unsigned char* applies;
    } nodes{node_index_, p.node_score.data() + i * nodes_, p.node_applies.data() + i * nodes_};
    const ScoredFactory scored{model_.rubric->id, f, row.score, row.level,
                               [at = &nodes](const std::string& id) -> std::optional<NodeValue> {
                                 auto it = at->index.find(id);
                                 if (it == at->index.end()) return std::nullopt;
                                 return NodeValue{at->applies[it->second] != 0, at->score[it->second]};
                               },
                               [this] {
                                 std::vector<std::string> ids;
                                 for (size_t n = 1; n < model_.nodes.size(); ++n) ids.push_back(model_.nodes[n].node->id);
                                 return ids;
                               }};
    builder_.AddScored(std::move(c), scored);
  }

  const ScoringModel& model_;
  const std::string& path_;
  RankingInputBuilder& builder_;
  CohortChunkPool chunks_;
  const TierEligibility tiers_;
  const size_t nodes_;  // below the root
  std::unordered_map<std::string, size_t> node_index_;  // id → index below the root
  std::vector<Part> parts_;
  size_t rows_ = 0;  // handed so far
};

}  // namespace

CohortCsvOptions RankCohortWindows() {
  CohortCsvOptions options;
  options.window_bytes = size_t{1} << 20;
  options.min_part_bytes = size_t{256} << 10;
  return options;
}

CohortCsvSummary AddCohortCandidates(const ScoringModel& model, const std::string& path,
                                     RankingInputBuilder& builder, Diagnostics& diags,
                                     const CohortCsvOptions& options) {
  CandidateSink sink(model, path, builder);
  return ReadCohortCsvFile(*model.rubric, path, sink, diags, options);
}

}  // namespace fa
