// base/atomic_file.h: whole-file writes through a unique temporary file,
// synced and renamed into place.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "base/atomic_file.h"
#include "base/env.h"
#include "base/text.h"

namespace fa {
namespace {

std::set<std::string> Names(const std::string& dir) {
  std::set<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

mode_t Mode(const std::string& path) {
  struct stat s;
  REQUIRE(::stat(path.c_str(), &s) == 0);
  return s.st_mode & 07777;
}

}  // namespace

TEST_CASE("atomic file: the target gets the whole contents and no temporary file is left") {
  TempDir dir("fa-atomic");
  const std::string path = dir.File("out.txt");
  WriteFile(path, "first");
  CHECK(ReadFile(path) == "first");
  const std::string big(3 << 20, 'x');  // larger than any buffer
  WriteFileStreamed(path, [&](std::ostream& out) { out << "head\n" << big; });
  CHECK(ReadFile(path) == "head\n" + big);
  CHECK(Names(dir.path()) == std::set<std::string>{"out.txt"});
}

TEST_CASE("atomic file: a writer that fails leaves the target untouched and no temporary file") {
  TempDir dir("fa-atomic");
  const std::string path = dir.File("out.txt");
  WriteFile(path, "old");
  CHECK_THROWS_WITH(WriteFileStreamed(path, [](std::ostream& out) {
                      out << "half of it";
                      throw std::runtime_error("generator failed");
                    }),
                    "generator failed");
  CHECK(ReadFile(path) == "old");
  CHECK(Names(dir.path()) == std::set<std::string>{"out.txt"});
}

TEST_CASE("atomic file: an error names the path and the errno text") {
  TempDir dir("fa-atomic");
  const std::string path = dir.File("no-such-dir/out.txt");
  CHECK_THROWS_WITH(WriteFile(path, "x"), (path + ": cannot write: No such file or directory").c_str());
  CHECK(Names(dir.path()).empty());
}

TEST_CASE("atomic file: a new file gets the usual mode, a replaced one keeps its own") {
  TempDir dir("fa-atomic");
  const std::string path = dir.File("out.txt");
  const mode_t mask = ::umask(022);
  ::umask(mask);
  WriteFile(path, "a");
  CHECK(Mode(path) == (0666 & ~mask));
  REQUIRE(::chmod(path.c_str(), 0600) == 0);
  WriteFile(path, "b");
  CHECK(Mode(path) == 0600);
}

TEST_CASE("atomic file: concurrent writers of one target never collide, the last rename wins whole") {
  TempDir dir("fa-atomic");
  const std::string path = dir.File("shared.txt");
  constexpr int kWriters = 8, kRounds = 10;
  std::vector<std::string> contents;
  for (int w = 0; w < kWriters; ++w) contents.push_back(std::string(64 << 10, static_cast<char>('a' + w)));
  std::vector<int> failures(kWriters, 0);
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w)
    threads.emplace_back([&, w] {
      for (int r = 0; r < kRounds; ++r) {
        try {
          WriteFile(path, contents[static_cast<size_t>(w)]);
        } catch (const std::exception&) {
          ++failures[static_cast<size_t>(w)];
        }
      }
    });
  for (auto& t : threads) t.join();
  CHECK(failures == std::vector<int>(kWriters, 0));
  const std::string last = ReadFile(path);
  CHECK(std::find(contents.begin(), contents.end(), last) != contents.end());
  CHECK(Names(dir.path()) == std::set<std::string>{"shared.txt"});
}

}  // namespace fa
