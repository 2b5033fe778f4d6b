// base/atomic_file.h: whole-file writes through a unique temporary file,
// synced and renamed into place.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

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
#include "base/input_text.h"
#include "base/mapped_file.h"
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

TEST_CASE("atomic file batch: files written from many threads appear only at the commit, whole") {
  TempDir dir("fa-atomic");
  WriteFile(dir.File("kept.txt"), "old");
  REQUIRE(::chmod(dir.File("kept.txt").c_str(), 0600) == 0);
  std::set<std::string> expected{"kept.txt"};
  {
    AtomicFileBatch batch;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&, t] {
        for (int i = 0; i < 25; ++i) batch.Write(dir.File(std::to_string(t * 25 + i) + ".html"), std::to_string(i));
      });
    for (auto& thread : threads) thread.join();
    batch.Write(dir.File("kept.txt"), "new");
    CHECK(ReadFile(dir.File("kept.txt")) == "old");  // nothing in place before the commit
    CHECK(Names(dir.path()).size() == 102);          // the old file and 101 temporary ones
    CHECK(batch.Commit().empty());
  }
  for (int n = 0; n < 100; ++n) expected.insert(std::to_string(n) + ".html");
  CHECK(Names(dir.path()) == expected);
  CHECK(ReadFile(dir.File("37.html")) == "12");
  CHECK(ReadFile(dir.File("kept.txt")) == "new");
  CHECK(Mode(dir.File("kept.txt")) == 0600);
}

TEST_CASE("atomic file batch: what is not committed, or cannot be, leaves no temporary file") {
  TempDir dir("fa-atomic");
  {
    AtomicFileBatch batch;
    batch.Write(dir.File("a.html"), "a");
  }
  CHECK(Names(dir.path()).empty());
  const std::string missing = dir.File("no-such-dir/b.html");
  AtomicFileBatch batch;
  CHECK_THROWS_WITH(batch.Write(missing, "b"), (missing + ": cannot write: No such file or directory").c_str());
  std::filesystem::create_directory(dir.File("c.html"));  // a directory where the file should go
  batch.Write(dir.File("c.html"), "c");
  batch.Write(dir.File("d.html"), "d");
  const std::vector<AtomicFileBatch::Failure> failures = batch.Commit();
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].path == dir.File("c.html"));
  CHECK(failures[0].problem == dir.File("c.html") + ": cannot write: Is a directory");
  CHECK(Names(dir.path()) == std::set<std::string>{"c.html", "d.html"});
  CHECK(ReadFile(dir.File("d.html")) == "d");
}

TEST_CASE("atomic file batch: a path written twice gets the write of the highest order, or none when that one failed") {
  TempDir dir("fa-atomic");
  AtomicFileBatch batch;
  batch.Write(dir.File("a.html"), "third", 3);
  batch.Write(dir.File("a.html"), "first", 1);
  batch.Write(dir.File("b.html"), "b old", 1);
  std::filesystem::create_directory(dir.File("sub"));
  batch.Write(dir.File("sub/c.html"), "c", 1);
  std::filesystem::remove_all(dir.File("sub"));  // the next write of c fails: no directory
  CHECK_THROWS(batch.Write(dir.File("sub/c.html"), "c again", 2));
  batch.Write(dir.File("d.html"), "d old", 1);
  batch.Withdraw(dir.File("d.html"), 2);  // its later contents could not be made
  CHECK(batch.Commit().empty());
  CHECK(Names(dir.path()) == std::set<std::string>{"a.html", "b.html"});
  CHECK(ReadFile(dir.File("a.html")) == "third");
}

TEST_CASE("mapped file: a file's text in place, a pipe's read whole, a directory or a missing file said") {
  TempDir dir("fa-mapped");
  WriteFile(dir.File("a.json"), "{\"a\": 1}");
  CHECK(MappedFile(dir.File("a.json"), "a JSON file").text() == "{\"a\": 1}");
  WriteFile(dir.File("empty.json"), "");
  CHECK(MappedFile(dir.File("empty.json"), "a JSON file").text().empty());
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  REQUIRE(::write(fds[1], "piped", 5) == 5);
  ::close(fds[1]);
  const std::string pipe = "/dev/fd/" + std::to_string(fds[0]);
  CHECK_THROWS_WITH(MappedFile(pipe, "a cohort"), (pipe + ": cannot open: not a regular file").c_str());
  CHECK(MappedFile(pipe, "a JSON file", 1000).text() == "piped");
  ::close(fds[0]);
  REQUIRE(::pipe(fds) == 0);
  REQUIRE(::write(fds[1], "0123456789", 10) == 10);
  ::close(fds[1]);
  CHECK_THROWS_WITH(MappedFile("/dev/fd/" + std::to_string(fds[0]), "a JSON file", 5),
                    ("/dev/fd/" + std::to_string(fds[0]) + ": " + TooLargeMessage(10, 5)).c_str());
  ::close(fds[0]);
  Diagnostics d;
  CHECK_FALSE(MapSource(dir.path(), d, "an Assessment JSON file"));
  CHECK_FALSE(MapSource(dir.File("missing.json"), d, ""));
  CHECK(d.Format() == dir.path() + ": error: is a directory, expected an Assessment JSON file\n" + dir.File("missing.json") +
                          ": error: cannot open: No such file or directory\n");
}

}  // namespace fa
