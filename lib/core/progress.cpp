#include <unbake/core/progress.hpp>

#include <unistd.h>

#include <cstdio>

namespace unbake {
namespace {
std::atomic<bool> g_enabled{true};
}

void Progress::set_enabled(bool enabled) { g_enabled = enabled; }

bool Progress::active() { return g_enabled && ::isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::string label, std::uint64_t total, bool show_bytes)
    : label_(std::move(label)),
      total_(total),
      show_bytes_(show_bytes),
      active_(active()),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() { finish(); }

void Progress::advance(std::uint64_t items, std::uint64_t bytes) {
  done_ += items;
  bytes_ += bytes;
  if (!active_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100)) return;
  std::unique_lock lock(draw_mutex_, std::try_to_lock);
  if (!lock.owns_lock()) return;
  last_draw_ = now;
  draw(false);
}

void Progress::finish() {
  if (!active_ || finished_) return;
  std::lock_guard lock(draw_mutex_);
  finished_ = true;
  draw(true);
}

void Progress::draw(bool final) {
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  char line[160];
  int n = std::snprintf(line, sizeof line, "\r%s %llu", label_.c_str(),
                        static_cast<unsigned long long>(done_.load()));
  if (total_ > 0 && n > 0 && n < static_cast<int>(sizeof line))
    n += std::snprintf(line + n, sizeof line - n, "/%llu", static_cast<unsigned long long>(total_));
  if (show_bytes_ && secs > 0 && n > 0 && n < static_cast<int>(sizeof line))
    n += std::snprintf(line + n, sizeof line - n, "  %.1f MB/s", bytes_.load() / 1e6 / secs);
  std::fprintf(stderr, "%s\x1b[K%s", line, final ? "\n" : "");
  std::fflush(stderr);
}

}  // namespace unbake
