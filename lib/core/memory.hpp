#pragma once
// How much memory this process may use, for refusing work that cannot fit
// before allocating any of it.
#include <cstdint>
#include <string>

namespace unbake {

// The machine's physical memory, or the lowest of the limits placed on this
// process when one is lower: the control group's memory.max, `ulimit -v`
// (RLIMIT_AS) and `ulimit -d` (RLIMIT_DATA). 0 when none can be read.
std::uint64_t available_memory_bytes();

// "14.2 GB" (decimal gigabytes, one decimal).
std::string gigabytes_text(double bytes);

}  // namespace unbake
