#pragma once
// Scratch folders and files for the text tests.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace unbake::test {

// An empty folder of the temp folder, named for the test and this process.
inline std::filesystem::path fresh_dir(const std::string& prefix, const std::string& name) {
  auto d = std::filesystem::temp_directory_path() / (prefix + "-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

// Writes `bytes` to `p`, creating its folders.
inline void write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

}  // namespace unbake::test
