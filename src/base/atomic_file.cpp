#include "base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <ostream>
#include <stdexcept>
#include <streambuf>
#include <string_view>

namespace fa {

namespace {

[[noreturn]] void Fail(const std::string& path, int error) {
  throw std::runtime_error(path + ": cannot write: " + std::strerror(error));
}

// A buffered stream buffer over a file descriptor that keeps the errno of
// the first failed write.
class FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) sputc(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
  }
  int sync() override { return Drain() ? 0 : -1; }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n < static_cast<std::streamsize>(sizeof buffer_)) return std::streambuf::xsputn(s, n);
    if (!Drain() || !WriteAll(s, static_cast<size_t>(n))) return 0;  // large pieces go straight through
    return n;
  }

 private:
  bool Drain() {
    const bool ok = WriteAll(pbase(), static_cast<size_t>(pptr() - pbase()));
    setp(buffer_, buffer_ + sizeof buffer_);
    return ok;
  }
  bool WriteAll(const char* p, size_t size) {
    for (const char* end = p + size; error_ == 0 && p < end;) {
      const ssize_t n = ::write(fd_, p, static_cast<size_t>(end - p));
      if (n >= 0) p += n;
      else if (errno != EINTR) error_ = errno;
    }
    written_ += size;
    StartWriteback();
    return error_ == 0;
  }
  // Every few megabytes written, the disk is asked to start on them (and
  // not waited for), so the fsync that commits the file waits for its last
  // few megabytes instead of all of it. Only a head start: fsync decides.
  void StartWriteback() {
#if defined(__linux__)
    constexpr size_t kStep = size_t{4} << 20;
    if (written_ - started_ < kStep) return;
    ::sync_file_range(fd_, static_cast<off_t>(started_), static_cast<off_t>(written_ - started_),
                      SYNC_FILE_RANGE_WRITE);  // failures are fsync's to report
    started_ = written_;
#endif
  }
  int fd_;
  int error_ = 0;
  size_t written_ = 0, started_ = 0;  // bytes written, and handed to the disk
  char buffer_[1 << 16];
};

// The umask, read without changing it (umask(2) would, for every thread);
// read once: the program never sets it.
mode_t CurrentUmask() {
  static const mode_t umask = [] {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
      if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
    return static_cast<mode_t>(022);
  }();
  return umask;
}

std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// fsync of the directory, so that the rename itself survives a crash: 0 or
// the errno. File systems that cannot sync a directory (EINVAL) are let be.
int DirectorySyncError(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return errno;
  const int synced = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  return synced != 0 && error != EINVAL ? error : 0;
}

void SyncDirectory(const std::string& path) {
  if (const int error = DirectorySyncError(DirectoryOf(path))) Fail(path, error);
}

// The temporary file: removed (and closed) unless committed.
class TempFile {
 public:
  explicit TempFile(const std::string& path) : path_(path), name_(path + ".XXXXXX") {
    fd_ = ::mkstemp(name_.data());
    if (fd_ < 0) Fail(path_, errno);
  }
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(name_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  int fd() const { return fd_; }

  /// Sets the mode, syncs, closes and renames over the target.
  void Commit() {
    Close(true);
    if (::rename(name_.c_str(), path_.c_str()) != 0) Fail(path_, errno);
    committed_ = true;
  }

  /// Sets the mode and closes, not synced: the temporary file is left for
  /// the caller to sync, rename or remove. Its name.
  std::string Keep() {
    Close(false);
    committed_ = true;
    return name_;
  }

 private:
  void Close(bool sync) {
    struct stat target;
    const mode_t mode = ::stat(path_.c_str(), &target) == 0 ? (target.st_mode & 07777) : (0666 & ~CurrentUmask());
    if (::fchmod(fd_, mode) != 0 || (sync && ::fsync(fd_) != 0)) Fail(path_, errno);
    const int closed = ::close(fd_);
    fd_ = -1;
    if (closed != 0) Fail(path_, errno);
  }

  std::string path_, name_;
  int fd_ = -1;
  bool committed_ = false;
};

// Fills `temp` through `write`; throws as WriteFile does.
void WriteInto(TempFile& temp, const std::string& path, const std::function<void(std::ostream&)>& write) {
  FdBuf buf(temp.fd());
  std::ostream out(&buf);
  write(out);
  out.flush();
  if (buf.error() != 0) Fail(path, buf.error());
  if (!out) Fail(path, EIO);
}

void WriteWhole(std::ostream& out, const std::string& contents) {
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
}

}  // namespace

void WriteFileStreamed(const std::string& path, const std::function<void(std::ostream&)>& write) {
  TempFile temp(path);
  WriteInto(temp, path, write);
  temp.Commit();
  SyncDirectory(path);
}

void WriteFile(const std::string& path, const std::string& contents) {
  WriteFileStreamed(path, [&](std::ostream& out) { WriteWhole(out, contents); });
}

AtomicFileBatch::~AtomicFileBatch() {
  for (const Pending& p : pending_)
    if (!p.temp.empty()) ::unlink(p.temp.c_str());
}

void AtomicFileBatch::Write(const std::string& path, const std::string& contents, size_t order) {
  std::string name;
  try {
    TempFile temp(path);
    WriteInto(temp, path, [&](std::ostream& out) { WriteWhole(out, contents); });
    name = temp.Keep();
  } catch (...) {
    Withdraw(path, order);
    throw;
  }
  const std::lock_guard<std::mutex> lock(mutex_);
  pending_.push_back({path, std::move(name), order});
}

void AtomicFileBatch::Withdraw(const std::string& path, size_t order) {
  const std::lock_guard<std::mutex> lock(mutex_);
  pending_.push_back({path, "", order});  // no temporary file: it supersedes, and puts nothing in place
}

std::vector<AtomicFileBatch::Failure> AtomicFileBatch::Commit() {
  std::vector<Failure> failures;
  std::vector<Pending> pending;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    pending.swap(pending_);
  }
  // Of the writes of one path, only the one of the highest order is put in
  // place (stable: of equal orders, the last written).
  std::stable_sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
    return a.path != b.path ? a.path < b.path : a.order < b.order;
  });
  std::vector<Pending> kept;
  for (size_t i = 0; i < pending.size(); ++i) {
    const bool superseded = i + 1 < pending.size() && pending[i].path == pending[i + 1].path;
    if (superseded || pending[i].temp.empty()) {
      if (!pending[i].temp.empty()) ::unlink(pending[i].temp.c_str());
    } else {
      kept.push_back(std::move(pending[i]));
    }
  }
  pending.swap(kept);
  // One flush of each file system written to: every temporary file's data
  // and its name on disk, before any is renamed over its target.
  std::map<std::string, int> synced;  // directory -> 0 or the errno of its flush
  for (const Pending& p : pending) {
    const std::string dir = DirectoryOf(p.path);
    if (synced.count(dir)) continue;
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int error = fd < 0 ? errno : 0;
    if (fd >= 0) {
      if (::syncfs(fd) != 0) error = errno;
      ::close(fd);
    }
    synced[dir] = error;
  }
  std::map<std::string, std::vector<size_t>> renamed;  // directory -> the files renamed into it
  for (size_t i = 0; i < pending.size(); ++i) {
    const Pending& p = pending[i];
    int error = synced[DirectoryOf(p.path)];
    if (error == 0 && ::rename(p.temp.c_str(), p.path.c_str()) != 0) error = errno;
    if (error == 0) {
      renamed[DirectoryOf(p.path)].push_back(i);
    } else {
      ::unlink(p.temp.c_str());
      failures.push_back({p.path, p.path + ": cannot write: " + std::strerror(error)});
    }
  }
  for (const auto& [dir, files] : renamed)
    if (const int error = DirectorySyncError(dir))
      for (size_t i : files)
        failures.push_back({pending[i].path, pending[i].path + ": cannot write: " + std::strerror(error)});
  return failures;
}

}  // namespace fa
