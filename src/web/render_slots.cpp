#include "web/render_slots.h"

#include <chrono>

namespace fa::web {

bool RenderSlots::Acquire(int wait_ms) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!freed_.wait_for(lock, std::chrono::milliseconds(wait_ms > 0 ? wait_ms : 0), [this] { return free_ > 0; }))
    return false;
  --free_;
  return true;
}

void RenderSlots::Release() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++free_;
  }
  freed_.notify_one();
}

int RenderSlots::Free() {
  std::lock_guard<std::mutex> lock(mutex_);
  return free_;
}

}  // namespace fa::web
