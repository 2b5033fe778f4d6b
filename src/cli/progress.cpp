#include "cli/progress.h"

#include <unistd.h>

#include <chrono>
#include <iostream>

namespace fa {

namespace {

// Redraws take this long apart at least: fast enough to look alive, slow
// enough to cost nothing next to the work.
constexpr double kInterval = 0.2;

// Carriage return, then erase to the end of the line (ANSI, which every
// terminal emulator in use understands).
constexpr const char* kRewind = "\r\x1b[K";

double SteadySeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// 1234567 → "1,234,567".
std::string Grouped(size_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
    digits.insert(static_cast<size_t>(i), ",");
  return digits;
}

}  // namespace

bool ProgressWanted(const std::ostream& out, const std::ostream& err) {
  if (err.rdbuf() != std::cerr.rdbuf() || !isatty(STDERR_FILENO)) return false;
  return !(out.rdbuf() == std::cout.rdbuf() && isatty(STDOUT_FILENO));
}

Progress::Progress(std::ostream& err, bool enabled, Clock clock)
    : err_(err), enabled_(enabled), clock_(clock ? std::move(clock) : Clock(SteadySeconds)) {}

Progress::~Progress() { Clear(); }

void Progress::Phase(const std::string& text) {
  if (!enabled_) return;
  Draw(text + "...");
  last_draw_ = clock_();
}

void Progress::Count(const std::string& text, size_t done, size_t total) {
  if (!enabled_) return;
  const double now = clock_();
  if (done < total && last_draw_ >= 0 && now - last_draw_ < kInterval) return;
  last_draw_ = now;
  std::string line = text + ": " + Grouped(done) + " / " + Grouped(total);
  if (total > 0) line += " (" + std::to_string(done * 100 / total) + "%)";
  Draw(line);
}

void Progress::Clear() {
  if (!shown_) return;
  err_ << kRewind << std::flush;
  shown_ = false;
}

void Progress::Draw(const std::string& line) {
  err_ << kRewind << (prefix_.empty() ? "" : prefix_ + ": ") << line << std::flush;
  shown_ = true;
}

}  // namespace fa
