// Writing a whole file so that a reader — or the next run after a crash —
// sees either the old contents or the new, never a mix or a stub: a
// temporary file of a unique name in the target's directory (mkstemp), made
// durable (fsync), renamed over the target, the directory synced too.
#pragma once

#include <functional>
#include <iosfwd>
#include <mutex>
#include <string>
#include <vector>

namespace fa {

/// Replaces the file at `path` with `contents`. A new file gets the mode a
/// plain create would (0666 less the umask); a replaced one keeps its mode.
/// Throws std::runtime_error "PATH: cannot write: REASON" (the errno text);
/// then no temporary file is left and, unless only the final directory sync
/// failed, the target is untouched. Concurrent writers of one target never
/// share a temporary file: the last rename wins, whole.
void WriteFile(const std::string& path, const std::string& contents);

/// WriteFile for contents produced piece by piece: `write` fills the stream,
/// so large output is never held whole. An exception from `write` removes
/// the temporary file and propagates; the target is untouched.
void WriteFileStreamed(const std::string& path, const std::function<void(std::ostream&)>& write);

/// Many files written as WriteFile writes one, with one flush to disk for
/// them all instead of one each (the flushes, not the writing, were most of
/// the time of writing 200 reports: docs/reports.md). Write puts each file
/// into its temporary file, from any thread; Commit flushes each file
/// system written to once (syncfs), then renames each temporary file over
/// its target and syncs each directory once. So after a crash a target is
/// old or new, never a mix, as with WriteFile; what was not committed (no
/// Commit, or the batch destroyed first) leaves no temporary file behind.
class AtomicFileBatch {
 public:
  AtomicFileBatch() = default;
  ~AtomicFileBatch();
  AtomicFileBatch(const AtomicFileBatch&) = delete;
  AtomicFileBatch& operator=(const AtomicFileBatch&) = delete;

  /// Writes `contents` for `path`, not yet in place. Throws as WriteFile
  /// does; then nothing of that file is left. A path written more than
  /// once gets the write of the highest `order` (of equal ones, the last);
  /// when that write failed, nothing is put in place for the path.
  void Write(const std::string& path, const std::string& contents, size_t order = 0);
  /// A write of `path` of that order that could not be made (its contents
  /// could not be produced): as a failed Write, it supersedes the earlier.
  void Withdraw(const std::string& path, size_t order);

  /// A file Commit could not put in place, and why ("PATH: cannot write: …").
  struct Failure {
    std::string path;
    std::string problem;
  };
  /// Puts every file written so far in place; the ones it could not.
  std::vector<Failure> Commit();

 private:
  struct Pending {
    std::string path;
    std::string temp;
    size_t order;
  };
  std::mutex mutex_;
  std::vector<Pending> pending_;
};

}  // namespace fa
