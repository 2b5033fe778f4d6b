// A cap on work done at once, with a bounded wait for a turn: the PDF
// route takes a slot for each Chromium it starts, so a burst of PDF
// requests cannot start a browser each (docs/api.md, "Server limits").
#pragma once

#include <condition_variable>
#include <mutex>

namespace fa::web {

class RenderSlots {
 public:
  /// At most `slots` (at least 1) holders at once.
  explicit RenderSlots(int slots) : free_(slots < 1 ? 1 : slots) {}

  /// A slot held until the Turn is destroyed; false when none came free
  /// within the wait.
  class Turn {
   public:
    Turn(RenderSlots& slots, int wait_ms) : slots_(slots), held_(slots.Acquire(wait_ms)) {}
    ~Turn() {
      if (held_) slots_.Release();
    }
    Turn(const Turn&) = delete;
    Turn& operator=(const Turn&) = delete;
    explicit operator bool() const { return held_; }

   private:
    RenderSlots& slots_;
    bool held_;
  };

  /// Slots free now.
  int Free();

 private:
  bool Acquire(int wait_ms);
  void Release();

  std::mutex mutex_;
  std::condition_variable freed_;
  int free_;
};

}  // namespace fa::web
