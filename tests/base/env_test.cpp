// base/env.h: the clock seam and temporary directories.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "base/env.h"

namespace fa {

TEST_CASE("env: a fixed clock stands still until advanced and reads as ISO 8601 UTC") {
  FixedClockEnv env(1795766400);
  CHECK(env.Now() == 1795766400);
  CHECK(env.NowUtc() == "2026-11-27T08:00:00Z");
  env.Advance(90);
  CHECK(env.NowUtc() == "2026-11-27T08:01:30Z");
  const std::time_t before = std::time(nullptr);
  CHECK(Env::Default().Now() >= before);
}

TEST_CASE("env: every temporary directory is new, and its guard removes it with its contents") {
  std::string kept;
  {
    TempDir a("fa-env-test"), b("fa-env-test");
    CHECK(a.path() != b.path());
    CHECK(std::filesystem::is_directory(a.path()));
    CHECK(std::filesystem::is_empty(a.path()));
    std::filesystem::create_directories(a.File("sub"));
    std::ofstream(a.File("sub/x.txt")) << "x";
    kept = a.path();
  }
  CHECK_FALSE(std::filesystem::exists(kept));
}

// Sets $TMPDIR for one scope.
class ScopedTmpdir {
 public:
  explicit ScopedTmpdir(const std::string& value) {
    if (const char* old = std::getenv("TMPDIR")) old_ = old;
    ::setenv("TMPDIR", value.c_str(), 1);
  }
  ~ScopedTmpdir() {
    if (old_) ::setenv("TMPDIR", old_->c_str(), 1);
    else ::unsetenv("TMPDIR");
  }

 private:
  std::optional<std::string> old_;
};

TEST_CASE("env: temporary directories are made under $TMPDIR") {
  TempDir outer("fa-env-tmpdir");
  std::string inner;
  {
    ScopedTmpdir tmpdir(outer.path() + "/");
    inner = TempDir("inner").path();
  }
  CHECK(inner.rfind(outer.path() + "/inner-", 0) == 0);
  CHECK(inner.size() == outer.path().size() + 1 + 12);  // "inner-XXXXXX"
}

TEST_CASE("env: a temporary directory that cannot be made is an error naming it") {
  ScopedTmpdir tmpdir("/proc/no-such-dir");
  CHECK_THROWS_WITH(Env::Default().MakeTempDir("fa-x"),
                    "/proc/no-such-dir/fa-x-XXXXXX: cannot create a temporary directory: No such file or directory");
}

}  // namespace fa
