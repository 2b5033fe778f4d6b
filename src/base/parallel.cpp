#include "base/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace fa {

int ThreadCount(int requested, int default_cap) {
  if (requested > 0) return requested;
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return default_cap > 0 ? std::min(cores, default_cap) : cores;
}

namespace {

// Runs `lane(0)` … `lane(lanes - 1)`, each on its own thread (the caller's
// runs lane 0), and joins them.
void RunLanes(size_t lanes, const std::function<void(size_t)>& lane) {
  std::vector<std::thread> workers;
  workers.reserve(lanes - 1);
  try {
    for (size_t t = 1; t < lanes; ++t) workers.emplace_back(lane, t);
  } catch (...) {  // no thread to be had: the caller's takes the missing lanes
    for (size_t t = workers.size() + 1; t < lanes; ++t) lane(t);
  }
  lane(0);
  for (auto& w : workers) w.join();
}

// Task `i`, its exception kept (the first one) and the rest called off.
class Tasks {
 public:
  explicit Tasks(const std::function<void(size_t)>& task) : task_(task) {}
  bool failed() const { return failed_.load(std::memory_order_relaxed); }
  void Run(size_t i) {
    try {
      task_(i);
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!first_) first_ = std::current_exception();
      failed_ = true;
    }
  }
  void Rethrow() {
    if (first_) std::rethrow_exception(first_);
  }

 private:
  const std::function<void(size_t)>& task_;
  std::atomic<bool> failed_{false};
  std::exception_ptr first_;
  std::mutex mutex_;
};

}  // namespace

void ParallelFor(size_t n, const std::function<void(size_t)>& task, int threads) {
  if (n == 0) return;
  const size_t lanes = std::min(n, static_cast<size_t>(ThreadCount(threads)));
  Tasks tasks(task);
  RunLanes(lanes, [&](size_t t) {
    for (size_t i = t; i < n && !tasks.failed(); i += lanes) tasks.Run(i);
  });
  tasks.Rethrow();
}

void ParallelForEachFree(size_t n, const std::function<void(size_t)>& task, int threads) {
  if (n == 0) return;
  const size_t lanes = std::min(n, static_cast<size_t>(ThreadCount(threads)));
  Tasks tasks(task);
  std::atomic<size_t> next{0};
  RunLanes(lanes, [&](size_t) {
    for (size_t i; !tasks.failed() && (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) tasks.Run(i);
  });
  tasks.Rethrow();
}

}  // namespace fa
