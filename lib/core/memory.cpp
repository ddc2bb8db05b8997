#include "core/memory.hpp"

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

}  // namespace

std::uint64_t available_memory_bytes() {
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  std::uint64_t physical = pages > 0 && page > 0 ? std::uint64_t(pages) * std::uint64_t(page) : 0;
  const std::uint64_t group = cgroup_limit();
  if (group > 0 && (physical == 0 || group < physical)) physical = group;
  return physical;
}

std::string gigabytes_text(double bytes) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1f GB", bytes / 1e9);
  return buf;
}

}  // namespace unbake
