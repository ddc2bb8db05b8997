#include "core/memory.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace unbake {
namespace {

// The cgroup v2 limit of this process ("max" or unreadable: none).
std::uint64_t cgroup_limit() {
  std::ifstream self("/proc/self/cgroup");
  std::string line, path;
  while (std::getline(self, line))
    if (line.rfind("0::", 0) == 0) path = line.substr(3);
  if (path.empty()) return 0;
  std::ifstream limit("/sys/fs/cgroup" + path + "/memory.max");
  std::string text;
  if (!(limit >> text) || text == "max") return 0;
  try {
    return std::stoull(text);
  } catch (...) {
    return 0;
  }
}

// The lower of the address-space and data-segment limits (`ulimit -v`,
// `ulimit -d`), or 0 when neither is set.
std::uint64_t rlimit_bytes() {
  std::uint64_t lowest = 0;
  for (int resource : {RLIMIT_AS, RLIMIT_DATA}) {
    struct rlimit r {};
    if (::getrlimit(resource, &r) != 0 || r.rlim_cur == RLIM_INFINITY) continue;
    const auto bytes = static_cast<std::uint64_t>(r.rlim_cur);
    if (lowest == 0 || bytes < lowest) lowest = bytes;
  }
  return lowest;
}

}  // namespace

std::uint64_t available_memory_bytes() {
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  std::uint64_t physical = pages > 0 && page > 0 ? std::uint64_t(pages) * std::uint64_t(page) : 0;
  for (const std::uint64_t limit : {cgroup_limit(), rlimit_bytes()})
    if (limit > 0 && (physical == 0 || limit < physical)) physical = limit;
  return physical;
}

std::string gigabytes_text(double bytes) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1f GB", bytes / 1e9);
  return buf;
}

}  // namespace unbake
