// The program's seam to its surroundings, after leveldb's Env: the clock and
// temporary directories are asked of an Env, so a test can stop the clock
// (FixedClockEnv) and every test works in a directory of its own (TempDir).
// The base class is the real system; a subclass overrides what it fakes.
#pragma once

#include <atomic>
#include <ctime>
#include <string>

namespace fa {

class Env {
 public:
  virtual ~Env() = default;

  /// The real system: the system clock, directories under $TMPDIR.
  static const Env& Default();

  /// Seconds since the epoch (the system clock).
  virtual std::time_t Now() const;

  /// Now() as ISO 8601 UTC text (FormatUtc).
  std::string NowUtc() const;

  /// Creates a new, empty directory "PREFIX-XXXXXX" under $TMPDIR (or /tmp)
  /// with mkdtemp, so concurrent processes and threads never get the same
  /// one; returns its path. Throws std::runtime_error naming the directory
  /// and the errno text.
  virtual std::string MakeTempDir(const std::string& prefix) const;
};

/// An Env whose clock stands still at `start` until advanced; everything
/// else is the system's. Safe to read and advance from many threads.
class FixedClockEnv : public Env {
 public:
  explicit FixedClockEnv(std::time_t start) : now_(start) {}
  std::time_t Now() const override { return now_.load(); }
  void Advance(std::time_t seconds) { now_ += seconds; }

 private:
  std::atomic<std::time_t> now_;
};

/// A directory of Env::MakeTempDir, removed with all its contents when the
/// guard goes out of scope.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "fa", const Env& env = Env::Default())
      : path_(env.MakeTempDir(prefix)) {}
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  /// The path of `name` inside the directory.
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace fa
