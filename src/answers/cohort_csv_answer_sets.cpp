// A cohort CSV's clean rows as AnswerSets (cohort_csv.h): whole, or window
// by window for a cohort of any size.
#include <string>
#include <vector>

#include "answers/cohort_csv.h"
#include "base/hash.h"

namespace fa {

namespace {

class AnswerSetSink : public CohortSink {
 public:
  AnswerSetSink(const Rubric& rubric, const std::string& file)
      : rubric_(rubric), file_(file), criteria_(rubric.AllCriteria()) {}
  void Start(int parts, size_t) override { parts_.assign(static_cast<size_t>(parts), {}); }
  void EndWindow() override {
    for (auto& p : parts_) {
      for (auto& s : p) sets_.push_back(std::move(s));
      p.clear();
    }
  }
  void Row(int part, const CohortRow& row) override {
    AnswerSet s;
    s.file = file_;
    s.sha256 = Sha256Hex(std::string(row.text));
    s.rubric = rubric_.id;
    s.rubric_version = rubric_.version;
    s.factory = row.profile;
    for (size_t c = 0; c < criteria_.size(); ++c) {
      if (!row.answers[c]) continue;
      s.answers.push_back(*row.answers[c]);
      s.answers.back().criterion = criteria_[c]->id;
    }
    parts_[static_cast<size_t>(part)].push_back(std::move(s));
  }
  std::vector<AnswerSet> Take() { return std::move(sets_); }

 protected:
  std::vector<AnswerSet>& sets() { return sets_; }

 private:
  const Rubric& rubric_;
  const std::string& file_;
  std::vector<const Criterion*> criteria_;
  std::vector<std::vector<AnswerSet>> parts_;
  std::vector<AnswerSet> sets_;
};

}  // namespace

CohortCsvSummary ReadCohortAnswerSetWindows(
    const Rubric& rubric, const std::string& path, Diagnostics& diags,
    const std::function<void(std::vector<AnswerSet>& sets, size_t first_row)>& on_window,
    const CohortCsvOptions& options) {
  // The sets of each window go to `on_window` as soon as it is read.
  class WindowSink : public AnswerSetSink {
   public:
    WindowSink(const Rubric& rubric, const std::string& file,
               const std::function<void(std::vector<AnswerSet>&, size_t)>& on_window)
        : AnswerSetSink(rubric, file), on_window_(on_window) {}
    void EndWindow() override {
      AnswerSetSink::EndWindow();
      if (sets().empty()) return;
      on_window_(sets(), first_row_);
      first_row_ += sets().size();
      sets().clear();
    }

   private:
    const std::function<void(std::vector<AnswerSet>&, size_t)>& on_window_;
    size_t first_row_ = 0;
  };
  WindowSink sink(rubric, path, on_window);
  return ReadCohortCsvFile(rubric, path, sink, diags, options);
}

std::vector<AnswerSet> ReadCohortAnswerSets(const Rubric& rubric, std::string_view text, const std::string& file,
                                            Diagnostics& diags, const CohortCsvOptions& options) {
  AnswerSetSink sink(rubric, file);
  CohortCsvSummary summary = ReadCohortCsv(rubric, text, file, sink, diags, options);
  if (!summary.ok()) return {};
  return sink.Take();
}

}  // namespace fa
