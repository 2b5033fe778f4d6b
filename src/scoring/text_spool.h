// TextSpool: the results of a cohort as they wait for its percentiles
// (cohort_scoring.h), in memory up to a limit and then in a temporary file.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace fa {

/// Text written once and read back once, in order: in memory up to a limit,
/// then in an unnamed temporary file under $TMPDIR (or /tmp), so a cohort's
/// results never have to be held whole. The file is written on a thread of
/// its own, a megabyte or more at a time (at most 8 MB waiting), so whoever
/// appends does not wait for the disk.
class TextSpool {
 public:
  explicit TextSpool(size_t memory_bytes) : memory_bytes_(memory_bytes) {}
  ~TextSpool();
  TextSpool(const TextSpool&) = delete;
  TextSpool& operator=(const TextSpool&) = delete;
  /// Throws std::runtime_error when the temporary file fails.
  void Append(std::string_view text);
  /// The next `bytes` bytes after what was read so far; valid until the next
  /// call. Throws std::runtime_error when the temporary file fails.
  std::string_view Read(size_t bytes);
  bool in_memory() const { return fd_ < 0; }

 private:
  void Spill();
  void Hand();     // buffer_ to the writer
  void Write();    // the writer's thread
  void Close();    // waits for everything handed to be written
  void Throw();    // a failed write, as an exception
  size_t memory_bytes_;
  std::string buffer_;  // everything while in memory; then the bytes not yet handed over, or read
  int fd_ = -1;
  size_t read_at_ = 0;  // within buffer_
  bool reading_ = false;
  std::thread writer_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::string> queue_;   // handed to the writer, in order
  std::vector<std::string> spare_;  // written, kept for reuse
  size_t queued_bytes_ = 0;
  bool closing_ = false;
  int error_ = 0;  // errno of the first failed write
};

}  // namespace fa
