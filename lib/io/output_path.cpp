#include <unbake/io/output_path.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <unbake/core/errors.hpp>

namespace unbake::io {

int named_descriptor(const std::string& resolved) {
  const std::string own = "/proc/" + std::to_string(::getpid()) + "/fd/";
  for (const std::string& prefix : {std::string("/dev/fd/"), std::string("/proc/self/fd/"), own}) {
    if (resolved.size() <= prefix.size() || resolved.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string number = resolved.substr(prefix.size());
    if (number.find_first_not_of("0123456789") != std::string::npos || number.size() > 6) return -1;
    return std::stoi(number);
  }
  return -1;
}

std::string resolve_links(const std::string& path) {
  std::string current = path;
  for (int depth = 0; depth < 40; ++depth) {
    struct stat st {};
    // /proc/self/fd/N is itself a link, to the file behind the descriptor:
    // stop there, the descriptor is what must be written.
    if (named_descriptor(current) >= 0) return current;
    if (::lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return current;
    std::error_code ec;
    const std::filesystem::path target = std::filesystem::read_symlink(current, ec);
    if (ec) return current;
    current = target.is_absolute() ? target.string()
                                   : (std::filesystem::path(current).parent_path() / target).string();
  }
  throw OutputError("cannot write " + path + ": too many levels of symbolic links: " + std::strerror(ELOOP));
}

bool is_stream_output(const std::string& path) {
  return path == "-" || (!path.empty() && named_descriptor(resolve_links(path)) >= 0);
}

}  // namespace unbake::io
