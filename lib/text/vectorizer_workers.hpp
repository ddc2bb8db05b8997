#pragma once
// Runs fn(worker) on `threads` workers (the caller is worker 0) and waits for
// all. Plain threads rather than OpenMP here: the vectorizer alternates short
// parallel and serial steps, and OpenMP's spinning idle workers cost tens of
// milliseconds per step on a busy machine. An exception from any worker is
// rethrown after all have finished (the lowest worker's first).
#include <exception>
#include <functional>
#include <thread>
#include <vector>

namespace unbake::text {

inline void run_workers(int threads, const std::function<void(int worker)>& fn) {
  std::vector<std::exception_ptr> errors(static_cast<std::size_t>(threads));
  auto guarded = [&](int w) {
    try {
      fn(w);
    } catch (...) {
      errors[static_cast<std::size_t>(w)] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (int w = 1; w < threads; ++w) pool.emplace_back(guarded, w);
  guarded(0);
  for (auto& t : pool) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace unbake::text
