// A progress line on stderr for long batch runs (score --cohort, synth,
// weights over a cohort): one line, redrawn in place — a phase ("reading
// cohort.csv (812 MB)") or a count ("generating: 41,000 / 100,000 (41%)"),
// counts at most every 0.2 s — and erased when the run ends. Shown only when
// stderr is a terminal, so pipes, files and tests never see it.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <utility>

namespace fa {

/// True when `err` is the process's stderr and that is a terminal, and
/// `out` is not a terminal too (results printed there would mix with it).
bool ProgressWanted(const std::ostream& out, const std::ostream& err);

class Progress {
 public:
  /// Seconds on a steady clock (injected in tests).
  using Clock = std::function<double()>;

  /// Draws on `err` only when `enabled` (normally ProgressWanted(...)).
  Progress(std::ostream& err, bool enabled, Clock clock = {});
  ~Progress();  ///< erases the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// A step of unknown length: drawn at once, as "`prefix`: `text`…".
  void Phase(const std::string& text);
  /// `done` of `total` things: drawn when at least 0.2 s have passed since
  /// the last drawing (and always when done == total).
  void Count(const std::string& text, size_t done, size_t total);
  /// Erases the line (again only if something is shown).
  void Clear();

  /// Whether anything is drawn (callers may skip work done only for it).
  bool enabled() const { return enabled_; }

  /// Every line starts "`prefix`: ", e.g. the command name.
  void set_prefix(std::string prefix) { prefix_ = std::move(prefix); }

 private:
  void Draw(const std::string& line);

  std::ostream& err_;
  bool enabled_;
  Clock clock_;
  std::string prefix_;
  double last_draw_ = -1;
  bool shown_ = false;
};

}  // namespace fa
