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

void ParallelFor(size_t n, const std::function<void(size_t)>& task, int threads) {
  if (n == 0) return;
  const size_t lanes = std::min(n, static_cast<size_t>(ThreadCount(threads)));
  std::atomic<bool> failed{false};
  std::exception_ptr first;
  std::mutex mutex;
  auto lane = [&](size_t t) {
    for (size_t i = t; i < n && !failed.load(std::memory_order_relaxed); i += lanes) {
      try {
        task(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!first) first = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(lanes - 1);
  try {
    for (size_t t = 1; t < lanes; ++t) workers.emplace_back(lane, t);
  } catch (...) {  // no thread to be had: the caller's takes the missing lanes
    for (size_t t = workers.size() + 1; t < lanes; ++t) lane(t);
  }
  lane(0);
  for (auto& w : workers) w.join();
  if (first) std::rethrow_exception(first);
}

}  // namespace fa
