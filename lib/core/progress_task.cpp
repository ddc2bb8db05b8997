#include "core/progress_task.hpp"

namespace unbake {

ProgressTask::ProgressTask(const Execution& exec, std::string task, std::uint64_t total)
    : listener_(exec.progress ? &exec.progress : nullptr), task_(std::move(task)), total_(total) {}

ProgressTask::~ProgressTask() {
  // A listener that throws must not take the process down from a destructor.
  try {
    finish();
  } catch (...) {
  }
}

void ProgressTask::advance(std::uint64_t items, std::uint64_t bytes) {
  done_ += items;
  bytes_ += bytes;
  if (listener_) notify(false);
}

void ProgressTask::finish() {
  if (listener_) notify(true);
}

void ProgressTask::notify(bool finished) {
  std::lock_guard lock(mutex_);
  if (finished_) return;
  finished_ = finished;
  (*listener_)(ProgressUpdate{task_, done_.load(), total_, bytes_.load(), finished});
}

}  // namespace unbake
