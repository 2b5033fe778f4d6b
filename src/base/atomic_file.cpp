#include "base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
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

// The umask, read without changing it (umask(2) would, for every thread).
mode_t CurrentUmask() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
  return 022;
}

std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// fsync of the directory, so that the rename itself survives a crash. File
// systems that cannot sync a directory (EINVAL) are let be.
void SyncDirectory(const std::string& path) {
  const int fd = ::open(DirectoryOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) Fail(path, errno);
  const int synced = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (synced != 0 && error != EINVAL) Fail(path, error);
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
    struct stat target;
    const mode_t mode = ::stat(path_.c_str(), &target) == 0 ? (target.st_mode & 07777) : (0666 & ~CurrentUmask());
    if (::fchmod(fd_, mode) != 0 || ::fsync(fd_) != 0) Fail(path_, errno);
    const int closed = ::close(fd_);
    fd_ = -1;
    if (closed != 0) Fail(path_, errno);
    if (::rename(name_.c_str(), path_.c_str()) != 0) Fail(path_, errno);
    committed_ = true;
  }

 private:
  std::string path_, name_;
  int fd_ = -1;
  bool committed_ = false;
};

}  // namespace

void WriteFileStreamed(const std::string& path, const std::function<void(std::ostream&)>& write) {
  TempFile temp(path);
  FdBuf buf(temp.fd());
  std::ostream out(&buf);
  write(out);
  out.flush();
  if (buf.error() != 0) Fail(path, buf.error());
  if (!out) Fail(path, EIO);
  temp.Commit();
  SyncDirectory(path);
}

void WriteFile(const std::string& path, const std::string& contents) {
  WriteFileStreamed(path, [&](std::ostream& out) { out.write(contents.data(), static_cast<std::streamsize>(contents.size())); });
}

}  // namespace fa
