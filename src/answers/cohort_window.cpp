#include "answers/cohort_window.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace fa {

namespace {

constexpr size_t kLeast = 64;  // bytes in a window, at the least

// Bytes from `read`, a window's worth at a time, in a buffer that is reused.
class ReadWindow : public CohortWindow {
 public:
  ReadWindow(const CohortByteReader& read, size_t bytes) : read_(read), buffer_(std::max(bytes, kLeast)) { Fill(); }
  std::string_view text() const override { return std::string_view(buffer_.data(), size_); }
  bool at_end() const override { return at_end_; }
  void Grow() override {
    buffer_.resize(buffer_.size() * 2);
    Fill();
  }
  void Drop(size_t offset) override {
    std::memmove(buffer_.data(), buffer_.data() + offset, size_ - offset);
    size_ -= offset;
    Fill();
  }

 private:
  void Fill() {
    while (size_ < buffer_.size() && !at_end_) {
      const size_t n = read_(buffer_.data() + size_, buffer_.size() - size_);
      if (n == 0) at_end_ = true;
      size_ += n;
    }
  }
  const CohortByteReader& read_;
  std::vector<char> buffer_;
  size_t size_ = 0;
  bool at_end_ = false;
};

// A window onto input whose every byte can be reached at its offset
// (`Span`): moving on is only moving the view.
class SpanWindow : public CohortWindow {
 public:
  SpanWindow(size_t total, size_t bytes) : total_(total), bytes_(std::max(bytes, kLeast)) {}
  std::string_view text() const override { return text_; }
  bool at_end() const override { return begin_ + text_.size() >= total_; }
  void Grow() override {
    bytes_ *= 2;
    Show();
  }
  void Drop(size_t offset) override {
    begin_ += offset;
    Show();
  }

 protected:
  /// The input's bytes [begin, begin + size).
  virtual std::string_view Span(size_t begin, size_t size) = 0;
  void Show() { text_ = Span(begin_, std::min(bytes_, total_ - begin_)); }

 private:
  size_t total_, bytes_;
  size_t begin_ = 0;
  std::string_view text_;
};

class TextWindow : public SpanWindow {
 public:
  TextWindow(std::string_view text, size_t bytes) : SpanWindow(text.size(), bytes), whole_(text) { Show(); }

 private:
  std::string_view Span(size_t begin, size_t size) override { return whole_.substr(begin, size); }
  std::string_view whole_;
};

class MappedWindow : public SpanWindow {
 public:
  MappedWindow(int fd, size_t size, size_t bytes, const std::string& path)
      : SpanWindow(size, bytes), fd_(fd), path_(path), page_(static_cast<size_t>(::sysconf(_SC_PAGESIZE))) {}
  ~MappedWindow() override { Unmap(); }
  /// Maps the first window; false when the file cannot be mapped.
  bool Start() {
    try {
      Show();
      return true;
    } catch (const std::runtime_error&) {
      return false;
    }
  }

 private:
  std::string_view Span(size_t begin, size_t size) override {
    Unmap();
    if (size == 0) return {};
    const size_t from = begin / page_ * page_;  // a map starts on a page
    const size_t length = begin + size - from;
    // MAP_POPULATE: every page mapped in one call, not one fault a few pages.
    void* p = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd_, static_cast<off_t>(from));
    if (p == MAP_FAILED) throw std::runtime_error(path_ + ": cannot read: " + std::strerror(errno));
    map_ = p;
    map_length_ = length;
    return std::string_view(static_cast<const char*>(p) + (begin - from), size);
  }
  void Unmap() {
    if (map_) ::munmap(map_, map_length_);
    map_ = nullptr;
  }
  int fd_;
  std::string path_;
  size_t page_;
  void* map_ = nullptr;
  size_t map_length_ = 0;
};

}  // namespace

std::unique_ptr<CohortWindow> TextWindows(std::string_view text, size_t bytes) {
  return std::make_unique<TextWindow>(text, bytes);
}

std::unique_ptr<CohortWindow> ReadWindows(const CohortByteReader& read, size_t bytes) {
  return std::make_unique<ReadWindow>(read, bytes);
}

std::unique_ptr<CohortWindow> MappedWindows(int fd, size_t size, size_t bytes, const std::string& path) {
  auto window = std::make_unique<MappedWindow>(fd, size, bytes, path);
  if (!window->Start()) return nullptr;
  return window;
}

}  // namespace fa
