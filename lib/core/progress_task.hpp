#pragma once
// The library's side of progress: one task's counter, advanced from any
// thread, handed to the Execution's listener one update at a time. Does
// nothing (beyond counting) when the Execution has no listener.
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

#include <unbake/core/execution.hpp>

namespace unbake {

class ProgressTask {
 public:
  ProgressTask(const Execution& exec, std::string task, std::uint64_t total);
  ~ProgressTask();  // finishes the task
  ProgressTask(const ProgressTask&) = delete;
  ProgressTask& operator=(const ProgressTask&) = delete;

  void advance(std::uint64_t items = 1, std::uint64_t bytes = 0);
  void finish();

 private:
  void notify(bool finished);
  const ProgressListener* listener_;
  std::string task_;
  std::uint64_t total_;
  std::atomic<std::uint64_t> done_{0}, bytes_{0};
  std::mutex mutex_;
  bool finished_ = false;
};

}  // namespace unbake
