// Store: every acknowledged answer save survives the process being killed
// (SIGKILL) in the middle of a burst of saves.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <sstream>

#include "store_fixture.h"

namespace fa::store {
namespace {

using namespace test;

// The child saves answers to criteria c0..c9 round-robin and, after each save
// the store acknowledged, writes "criterion version value\n" to the pipe.
[[noreturn]] void SaveUntilKilled(const std::string& url, int64_t assessment, int64_t user, int out) {
  try {
    auto store = OpenStore(url);
    std::map<std::string, int64_t> versions;
    for (int i = 0;; ++i) {
      const std::string criterion = "c" + std::to_string(i % 10);
      SaveAnswer save;
      save.assessment_id = assessment;
      save.criterion = criterion;
      save.value_json = std::to_string(i);
      save.base_version = versions[criterion];
      auto result = store->SaveAnswerValue(save, Actor{user, "carl"});
      if (result.status != EditStatus::kSaved) _exit(3);
      versions[criterion] = result.current.version;
      const std::string line = criterion + " " + std::to_string(result.current.version) + " " +
                               std::to_string(i) + "\n";
      if (write(out, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(4);
    }
  } catch (...) {
    _exit(5);
  }
}

TEST_CASE_TEMPLATE("store: every acknowledged answer survives SIGKILL in a burst of saves", T, FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  int64_t assessment = 0, user = 0;
  {
    auto store = db.Open();
    user = store->CreateUser(MakeUser("carl"), Admin()).current.id;
    AssessmentRecord draft;
    draft.factory_id = store->CreateFactory(MakeFactory("F1"), Admin()).current.id;
    draft.rubric_pk = store->PutRubric(MakeRubric(), Admin()).id;
    assessment = store->CreateAssessment(draft, Admin()).current.id;
  }
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(fds[0]);
    SaveUntilKilled(db.url(), assessment, user, fds[1]);
  }
  close(fds[1]);
  std::string acks;
  char buf[4096];
  while (std::count(acks.begin(), acks.end(), '\n') < 200) {
    const ssize_t n = read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    acks.append(buf, n);
  }
  kill(child, SIGKILL);  // mid-burst: the child is saving as fast as it can
  int status = 0;
  waitpid(child, &status, 0);
  CHECK(WIFSIGNALED(status));
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) acks.append(buf, n);
  close(fds[0]);

  // The last acknowledgement of each criterion must be stored (a save after it
  // may be stored too, if the kill came between commit and acknowledgement).
  std::map<std::string, std::pair<int64_t, std::string>> last;
  std::istringstream lines(acks);
  std::string criterion, value;
  int64_t version = 0;
  int count = 0;
  while (lines >> criterion >> version >> value) {
    last[criterion] = {version, value};
    ++count;
  }
  REQUIRE(count >= 200);
  auto store = db.Open();
  std::map<std::string, AnswerRecord> stored;
  for (const AnswerRecord& a : store->ListAnswers(assessment)) stored[a.criterion] = a;
  REQUIRE(last.size() == 10);
  for (const auto& entry : last) {
    const std::string& name = entry.first;  // a plain name: doctest's INFO captures it in a lambda
    const auto& acked = entry.second;
    INFO("criterion ", name);
    REQUIRE(stored.count(name));
    CHECK(stored[name].version >= acked.first);
    CHECK(stored[name].version <= acked.first + 1);
    if (stored[name].version == acked.first) CHECK(stored[name].value_json == acked.second);
  }
}

}  // namespace
}  // namespace fa::store
