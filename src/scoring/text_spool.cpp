#include "scoring/text_spool.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace fa {

TextSpool::~TextSpool() {
  if (writer_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
    }
    changed_.notify_all();
    writer_.join();
  }
  if (fd_ >= 0) ::close(fd_);
}

namespace {
// 0, or the errno of the write that failed.
int WriteAll(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : EIO;
    text.remove_prefix(static_cast<size_t>(n));
  }
  return 0;
}

constexpr size_t kHandBytes = size_t{1} << 20;    // handed to the writer a megabyte or more at a time
constexpr size_t kWaitingBytes = size_t{8} << 20;  // at most this much waiting to be written
}  // namespace

void TextSpool::Throw() {
  throw std::runtime_error(std::string("cannot write a temporary file: ") + std::strerror(error_));
}

void TextSpool::Spill() {
  const char* dir = std::getenv("TMPDIR");
  std::string name = std::string(dir && *dir ? dir : "/tmp") + "/fa-spool-XXXXXX";
  fd_ = ::mkstemp(name.data());
  if (fd_ < 0) throw std::runtime_error("cannot create a temporary file in " + name + ": " + std::strerror(errno));
  ::unlink(name.c_str());  // gone with the descriptor, however the program ends
  writer_ = std::thread([this] { Write(); });
}

void TextSpool::Write() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return !queue_.empty() || closing_; });
    if (queue_.empty()) return;  // closing, and everything written
    std::string piece = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    const int error = error_ == 0 ? WriteAll(fd_, piece) : 0;  // error_ is only ever set here
    lock.lock();
    if (error != 0) error_ = error;
    queued_bytes_ -= piece.size();
    piece.clear();
    if (spare_.size() < 2 && piece.capacity() <= 4 * kHandBytes) spare_.push_back(std::move(piece));
    changed_.notify_all();
  }
}

void TextSpool::Hand() {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] { return queued_bytes_ < kWaitingBytes || error_ != 0; });
  if (error_ != 0) Throw();
  queued_bytes_ += buffer_.size();
  queue_.push_back(std::move(buffer_));
  buffer_ = std::string();
  if (!spare_.empty()) {
    buffer_ = std::move(spare_.back());
    spare_.pop_back();
  }
  lock.unlock();
  changed_.notify_all();
}

void TextSpool::Close() {
  if (!buffer_.empty()) Hand();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  writer_.join();
  if (error_ != 0) Throw();
}

void TextSpool::Append(std::string_view text) {
  buffer_.append(text);
  // In memory up to the limit; once spilled, handed to the writer a
  // megabyte or more at a time.
  if (buffer_.size() <= (fd_ < 0 ? memory_bytes_ : kHandBytes)) return;
  if (fd_ < 0) Spill();
  Hand();
}

std::string_view TextSpool::Read(size_t bytes) {
  if (!reading_) {
    reading_ = true;
    if (fd_ >= 0) {
      Close();
      if (::lseek(fd_, 0, SEEK_SET) != 0) throw std::runtime_error(std::string("cannot read a temporary file: ") + std::strerror(errno));
    }
  }
  if (fd_ >= 0 && buffer_.size() - read_at_ < bytes) {  // read on, a megabyte or more at a time
    buffer_.erase(0, read_at_);
    read_at_ = 0;
    const size_t have = buffer_.size();
    buffer_.resize(std::max(bytes, size_t{1} << 20));
    size_t filled = have;
    while (filled < bytes) {
      const ssize_t n = ::read(fd_, &buffer_[filled], buffer_.size() - filled);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw std::runtime_error("a temporary file ended early");
      filled += static_cast<size_t>(n);
    }
    buffer_.resize(filled);
  }
  if (buffer_.size() - read_at_ < bytes) throw std::runtime_error("a spool ended early");
  const std::string_view out(buffer_.data() + read_at_, bytes);
  read_at_ += bytes;
  return out;
}

}  // namespace fa
