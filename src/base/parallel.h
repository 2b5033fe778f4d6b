// Fork/join for the stages that split work across cores (cohort reading and
// scoring, rank stability, synthetic cohorts): a fixed set of tasks on a few
// threads, all joined before the call returns, and an exception in any task
// rethrown on the caller's thread instead of ending the program.
#pragma once

#include <cstddef>
#include <functional>

namespace fa {

/// The number of threads to use: `requested` when it is above 0, else one
/// per core (at least 1), at most `default_cap` when that is above 0.
int ThreadCount(int requested = 0, int default_cap = 0);

/// Runs task(0) … task(n - 1) on min(n, ThreadCount(threads)) threads, the
/// caller's among them, and returns when every one has finished. Thread t
/// runs the tasks t, t + T, t + 2T, … in that order (T threads), so which
/// thread runs a task never depends on timing. When tasks throw, the tasks
/// not yet started are skipped, the rest run to their end, and the first
/// exception caught is rethrown here.
void ParallelFor(size_t n, const std::function<void(size_t)>& task, int threads = 0);

/// The same, but each thread takes the next task not yet started whenever
/// it is free, so a thread held up (by another process, or a slower task)
/// does not hold up the rest: for many tasks of uneven cost. Tasks are
/// taken in order 0, 1, …; which thread runs one depends on timing.
void ParallelForEachFree(size_t n, const std::function<void(size_t)>& task, int threads = 0);

}  // namespace fa
