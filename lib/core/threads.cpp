#include "core/threads.hpp"

#include <omp.h>

#include <thread>

#include "core/errors.hpp"

namespace unbake {

int resolve_threads(int requested) {
  if (requested < 0)
    throw UsageError("--threads must be >= 0 (0 = all cores), got " + std::to_string(requested));
  if (requested == 0) {
    unsigned hw = std::thread::hardware_concurrency();
    return hw == 0 ? 1 : static_cast<int>(hw);
  }
  return requested;
}

}  // namespace unbake
