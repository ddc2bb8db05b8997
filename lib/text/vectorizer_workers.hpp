#pragma once
// Runs fn(worker) on `threads` workers (the caller is worker 0) and waits for
// all. Plain threads rather than OpenMP here: the vectorizer alternates short
// parallel and serial steps, and OpenMP's spinning idle workers cost tens of
// milliseconds per step on a busy machine. An exception from any worker is
// rethrown after all have finished (the lowest worker's first).
#include <exception>
#include <functional>
#include <system_error>
#include <thread>
#include <vector>

#include <unbake/core/threads.hpp>

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
  try {
    for (int w = 1; w < threads; ++w) pool.emplace_back(guarded, w);
  } catch (const std::system_error& e) {
    // A joinable std::thread destroyed during unwinding terminates the
    // process: join the started ones, then fail as an error.
    for (auto& t : pool) t.join();
    throw_thread_failure(threads, e.code().value());
  }
  guarded(0);
  for (auto& t : pool) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace unbake::text
