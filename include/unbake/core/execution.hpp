#pragma once
// How the library runs a job, kept apart from what the job computes: the
// option structs say what (and are saved with models and reports), this says
// with how many threads, whom to tell about progress, and when to give up.
// Nothing here changes a result: every job gives the same bytes for any
// thread count, with or without a listener.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string_view>

namespace unbake {

// One step of a long task. `done` counts up to `total` (0 when the total is
// not known); `bytes` is the input read so far, for tasks that read.
struct ProgressUpdate {
  std::string_view task;  // "Reading", "factorizing, iteration", "sweep, fit"
  std::uint64_t done = 0;
  std::uint64_t total = 0;
  std::uint64_t bytes = 0;
  bool finished = false;  // the task's last update
};

// Called from the library's worker threads, one call at a time, possibly
// thousands of times a second: it should return quickly (throttle drawing).
using ProgressListener = std::function<void(const ProgressUpdate&)>;

struct Execution {
  int threads = 0;              // 0 = all cores
  ProgressListener progress{};  // none = silent
  // Checked between iterations, documents and fits; once it reads true the
  // running call throws unbake::Cancelled. May be set from a signal handler.
  const std::atomic<bool>* cancel = nullptr;

  bool cancelled() const { return cancel != nullptr && cancel->load(std::memory_order_relaxed); }
  void throw_if_cancelled() const;  // throws Cancelled when cancelled()
  // The same settings without the listener, for jobs that run many inner
  // fits and report their own progress instead.
  Execution silent() const { return {threads, {}, cancel}; }
};

}  // namespace unbake
