#include "base/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "base/input_limits.h"
#include "base/input_text.h"

namespace fa {

MappedFile::MappedFile(const std::string& path, const std::string& what, size_t pipe_limit) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw std::runtime_error(path + ": is a directory, expected " + what);
  }
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode) && pipe_limit == 0) {
    ::close(fd);
    throw std::runtime_error(path + ": cannot open: not a regular file");
  }
  if (!S_ISREG(st.st_mode)) {  // a pipe: read to its end
    char buffer[1 << 16];
    for (;;) {
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n == 0) break;
      if (n > 0) {
        read_.append(buffer, static_cast<size_t>(n));
        if (read_.size() > pipe_limit) {
          ::close(fd);
          throw std::runtime_error(path + ": " + TooLargeMessage(read_.size(), pipe_limit));
        }
      } else if (errno != EINTR) {
        const int error = errno;
        ::close(fd);
        throw std::runtime_error(path + ": cannot read: " + std::strerror(error));
      }
    }
    ::close(fd);
    data_ = read_.data();
    size_ = read_.size();
    return;
  }
  size_ = static_cast<size_t>(st.st_size);
  if (size_ > 0) {
    // MAP_POPULATE maps every page up front: one call instead of a page
    // fault per few pages, which is what a file read end to end needs.
    void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (p == MAP_FAILED) {
      ::close(fd);
      throw std::runtime_error(path + ": cannot read: " + std::strerror(errno));
    }
    data_ = static_cast<const char*>(p);
    mapped_ = true;
  }
  ::close(fd);
}

MappedFile::~MappedFile() {
  if (mapped_) ::munmap(const_cast<char*>(data_), size_);
}

std::unique_ptr<MappedFile> MapSource(const std::string& path, Diagnostics& diags, const std::string& what) {
  const std::string expected = what.empty() ? std::string("a file") : what;
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && !S_ISDIR(st.st_mode) &&
      static_cast<unsigned long long>(st.st_size) > kMaxDocumentBytes) {
    diags.Error(path, {}, TooLargeMessage(static_cast<size_t>(st.st_size), kMaxDocumentBytes));
    return nullptr;  // not read: the limit is there to spare the memory
  }
  try {
    return std::make_unique<MappedFile>(path, expected, kMaxDocumentBytes);
  } catch (const std::runtime_error& e) {
    std::string message = e.what();
    if (message.rfind(path + ": ", 0) == 0) message.erase(0, path.size() + 2);
    diags.Error(path, {}, message);
    return nullptr;
  }
}

}  // namespace fa
