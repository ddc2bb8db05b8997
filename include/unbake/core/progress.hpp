#pragma once
// A one-line progress display for long steps. It draws on stderr only when
// stderr is a terminal (and progress is enabled), so pipes and CI logs stay
// clean. Thread-safe: workers call advance(); redraws are throttled.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace unbake {

class Progress {
 public:
  // total = 0 means unknown. `unit_bytes` makes the line show MB/s from the
  // byte count passed to advance().
  Progress(std::string label, std::uint64_t total, bool show_bytes = false);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void advance(std::uint64_t items = 1, std::uint64_t bytes = 0);
  void finish();

  // Global switch (app/ turns it off for --quiet). Default: on.
  static void set_enabled(bool enabled);
  static bool active();  // enabled and stderr is a terminal

 private:
  void draw(bool final);
  std::string label_;
  std::uint64_t total_;
  bool show_bytes_;
  bool active_;
  std::atomic<std::uint64_t> done_{0};
  std::atomic<std::uint64_t> bytes_{0};
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  std::mutex draw_mutex_;
  bool finished_ = false;
};

}  // namespace unbake
