#include <unbake/core/threads.hpp>

#include <pthread.h>

#include <atomic>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <unbake/core/errors.hpp>
#include "core/log.hpp"

namespace unbake {
namespace {

void* idle(void*) { return nullptr; }

int core_count() {
  const unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : static_cast<int>(hw);
}

// The largest count already started once in this process: a pool that size
// could be had, so later calls need no probe.
std::atomic<int> proven{1};

// Starts threads - 1 threads (the caller is the first) with the default
// attributes, as libgomp does without OMP_STACKSIZE, and joins them.
void probe(int threads) {
  std::vector<pthread_t> started;
  started.reserve(static_cast<std::size_t>(threads));
  int err = 0;
  for (int i = 1; i < threads && err == 0; ++i) {
    pthread_t t;
    err = pthread_create(&t, nullptr, idle, nullptr);
    if (err == 0) started.push_back(t);
  }
  for (pthread_t t : started) pthread_join(t, nullptr);
  if (err != 0) throw_thread_failure(threads, err);
}

}  // namespace

void throw_thread_failure(int threads, int err) {
  throw Error("cannot start " + std::to_string(threads) + " threads: " + std::strerror(err));
}

int thread_cap() { return kThreadsPerCoreCap * core_count(); }

int resolve_threads(int requested) {
  if (requested < 0)
    throw UsageError("threads", "must be >= 0 (0 = all cores), got " + std::to_string(requested));
  const int cores = core_count();
  int threads = requested == 0 ? cores : requested;
  const int cap = thread_cap();
  if (threads > cap) {
    // One warning per process: sweep and fit resolve the count many times.
    static std::atomic<bool> warned{false};
    if (!warned.exchange(true))
      log().warn("threads {} is more than {} x the {} cores; using {}", requested, kThreadsPerCoreCap, cores,
                 cap);
    threads = cap;
  }
  if (threads > proven.load()) {
    probe(threads);
    int seen = proven.load();
    while (seen < threads && !proven.compare_exchange_weak(seen, threads)) {
    }
  }
  return threads;
}

}  // namespace unbake
