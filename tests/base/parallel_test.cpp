// base/parallel.h: fork/join that joins every thread and hands exceptions to
// the caller.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "base/parallel.h"

namespace fa {

TEST_CASE("parallel for: every task runs once, and the results are the same on 1 and N threads") {
  auto run = [](int threads) {
    std::vector<long long> out(1000, 0);
    ParallelFor(out.size(), [&](size_t i) { out[i] = static_cast<long long>(i * i) % 97; }, threads);
    return out;
  };
  const std::vector<long long> one = run(1);
  CHECK(one[10] == 100 % 97);
  for (int threads : {2, 3, 8, 0}) CHECK(run(threads) == one);
  size_t calls = 0;
  ParallelFor(0, [&](size_t) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("parallel for: tasks run on min(n, threads) threads, the caller's among them") {
  std::mutex mutex;
  std::set<std::thread::id> seen;
  ParallelFor(
      64,
      [&](size_t) {
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        std::lock_guard<std::mutex> lock(mutex);
        seen.insert(std::this_thread::get_id());
      },
      4);
  CHECK(seen.size() <= 4);
  CHECK(seen.count(std::this_thread::get_id()) == 1);
  seen.clear();
  ParallelFor(2, [&](size_t) { std::lock_guard<std::mutex> lock(mutex); seen.insert(std::this_thread::get_id()); }, 8);
  CHECK(seen.size() <= 2);
}

TEST_CASE("parallel for: an exception in a worker reaches the caller after every thread has joined") {
  std::atomic<int> finished{0};
  auto throwing = [&](size_t i) {
    if (i == 5) throw std::runtime_error("task 5 failed");
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ++finished;
  };
  CHECK_THROWS_WITH_AS(ParallelFor(16, throwing, 4), "task 5 failed", std::runtime_error);
  CHECK(finished.load() < 16);  // tasks not yet started were skipped
  CHECK_THROWS_WITH_AS(ParallelFor(16, throwing, 1), "task 5 failed", std::runtime_error);
}

TEST_CASE("parallel for, each free: every task once, and a held-up thread does not hold up the rest") {
  for (int threads : {1, 2, 3, 8}) {
    CAPTURE(threads);
    std::vector<std::atomic<int>> runs(500);
    ParallelForEachFree(runs.size(), [&](size_t i) { ++runs[i]; }, threads);
    for (const auto& r : runs) CHECK(r.load() == 1);
  }
  // Task 0 waits for every other task: the other thread must take them all
  // meanwhile (dealt round robin, task 2 would wait for task 0's thread).
  std::atomic<int> others{0};
  bool waited_out = false;
  ParallelForEachFree(
      21,
      [&](size_t i) {
        if (i > 0) {
          ++others;
          return;
        }
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (others.load() < 20 && std::chrono::steady_clock::now() < give_up)
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        waited_out = others.load() == 20;
      },
      2);
  CHECK(waited_out);
  size_t calls = 0;
  ParallelForEachFree(0, [&](size_t) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("parallel for, each free: an exception reaches the caller, and tasks not yet started are skipped") {
  std::atomic<int> finished{0};
  auto throwing = [&](size_t i) {
    if (i == 5) throw std::runtime_error("task 5 failed");
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ++finished;
  };
  CHECK_THROWS_WITH_AS(ParallelForEachFree(64, throwing, 4), "task 5 failed", std::runtime_error);
  CHECK(finished.load() < 63);
}

TEST_CASE("thread count: a request wins, else one per core, capped when asked") {
  CHECK(ThreadCount(3) == 3);
  CHECK(ThreadCount(3, 2) == 3);
  CHECK(ThreadCount() >= 1);
  CHECK(ThreadCount(0, 1) == 1);
  CHECK(ThreadCount(-1) == ThreadCount());
}

}  // namespace fa
