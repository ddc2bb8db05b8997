#include "fuzz_input.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>

namespace unbake::fuzz {
namespace {

std::map<std::string, std::string>& scratch_files() {
  static std::map<std::string, std::string> files;
  return files;
}

void remove_scratch_files() {
  for (const auto& [ext, path] : scratch_files()) ::unlink(path.c_str());
}

}  // namespace

std::string write_input(const std::uint8_t* data, std::size_t size, const std::string& extension) {
  auto& files = scratch_files();
  auto it = files.find(extension);
  if (it == files.end()) {
    if (files.empty()) std::atexit(remove_scratch_files);
    const auto dir = std::filesystem::temp_directory_path();
    const std::string path =
        (dir / ("unbake-fuzz-" + std::to_string(::getpid()) + "-" + std::to_string(files.size()) + extension))
            .string();
    it = files.emplace(extension, path).first;
  }
  const int fd = ::open(it->second.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) broken("cannot create the scratch file");
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n <= 0) broken("cannot write the scratch file");
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  return it->second;
}

void broken(const char* what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

}  // namespace unbake::fuzz
