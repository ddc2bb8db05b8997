#include "execution.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include <unbake/core/errors.hpp>
#include <unbake/core/threads.hpp>
#include "core/log.hpp"
#include "number_flags.hpp"

namespace unbake::app {
namespace {

int g_threads = 0;
bool g_progress = true;

// Written from signal handlers: lock-free atomics only.
std::atomic<bool> g_computing{false};
std::atomic<bool> g_cancel{false};
static_assert(std::atomic<bool>::is_always_lock_free);

// "42 s", "7 min", "3.5 h".
std::string duration(double seconds) {
  char text[32];
  if (seconds < 90)
    std::snprintf(text, sizeof text, "%.0f s", seconds);
  else if (seconds < 5400)
    std::snprintf(text, sizeof text, "%.0f min", seconds / 60);
  else
    std::snprintf(text, sizeof text, "%.1f h", seconds / 3600);
  return text;
}

// One line on stderr, redrawn at most ten times a second: "label done/total",
// and the read rate when the task reports bytes.
class ProgressLine {
 public:
  void operator()(const ProgressUpdate& u) {
    const auto now = std::chrono::steady_clock::now();
    if (u.task != task_) {
      task_ = std::string(u.task);
      start_ = now;
      last_draw_ = now;
    }
    if (!u.finished && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    char line[160];
    int n =
        std::snprintf(line, sizeof line, "\r%s %llu", task_.c_str(), static_cast<unsigned long long>(u.done));
    if (u.total > 0 && n > 0 && n < static_cast<int>(sizeof line))
      n += std::snprintf(line + n, sizeof line - n, "/%llu", static_cast<unsigned long long>(u.total));
    if (u.bytes > 0 && secs > 0 && n > 0 && n < static_cast<int>(sizeof line))
      n += std::snprintf(line + n, sizeof line - n, "  %.1f MB/s", static_cast<double>(u.bytes) / 1e6 / secs);
    // After a second, the time so far and, at the pace so far, the time left
    // to the total (for iterations an upper bound: most fits stop earlier).
    if (!u.finished && secs >= 1 && u.total > 0 && u.done > 0 && u.done < u.total && n > 0 &&
        n < static_cast<int>(sizeof line)) {
      const double left = secs * static_cast<double>(u.total - u.done) / static_cast<double>(u.done);
      n += std::snprintf(line + n, sizeof line - n, "  %s, at most %s left", duration(secs).c_str(),
                         duration(left).c_str());
    }
    std::fprintf(stderr, "%s\x1b[K%s", line, u.finished ? "\n" : "");
    std::fflush(stderr);
    if (u.finished) task_.clear();
  }

 private:
  std::string task_;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

// The library lowers a count above its cap itself, with a warning that names
// the field; lowering it here first makes the one warning name the flag.
int capped_threads(int requested) {
  const int cap = thread_cap();
  if (requested <= cap) return requested;
  static bool warned = false;
  if (!warned)
    log().warn("--threads {} is more than {} x the {} cores; using {}", requested, kThreadsPerCoreCap,
               cap / kThreadsPerCoreCap, cap);
  warned = true;
  return cap;
}

}  // namespace

CLI::Option* add_threads_flag(CLI::App& app) {
  return add_number(app, "--threads", g_threads,
                    "Worker threads (0 = all cores); results do not depend on it")
      ->type_name("N");
}

void enable_progress(bool enabled) { g_progress = enabled; }

Execution execution() {
  Execution exec;
  exec.threads = capped_threads(g_threads);
  exec.cancel = &g_cancel;
  if (g_progress && ::isatty(STDERR_FILENO) == 1) {
    auto line = std::make_shared<ProgressLine>();
    exec.progress = [line](const ProgressUpdate& u) { (*line)(u); };
  } else if (log().should_log(spdlog::level::debug)) {
    // Where no line is drawn, -v says when each task is under way (a script
    // waiting for the factorization to start reads this).
    auto last = std::make_shared<std::string>();
    exec.progress = [last](const ProgressUpdate& u) {
      if (u.task == *last) return;
      *last = std::string(u.task);
      if (u.total > 0)
        log().debug("{} {}/{}", u.task, u.done, u.total);
      else
        log().debug("{} {}", u.task, u.done);
    };
  }
  return exec;
}

void start_computing() noexcept { g_computing.store(true); }
bool computing() noexcept { return g_computing.load(); }
void request_cancel() noexcept { g_cancel.store(true); }
bool cancel_requested() noexcept { return g_cancel.load(); }

void write_outputs(const std::vector<io::PendingWrite>& writes) {
  g_computing.store(false);
  if (g_cancel.load()) throw Cancelled();
  io::write_in_order(writes);
}

}  // namespace unbake::app
