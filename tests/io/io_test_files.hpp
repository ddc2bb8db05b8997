#pragma once
// Scratch files for the io tests: each test writes its input text to a fresh
// file under the system temp folder.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include <doctest/doctest.h>

#include <unbake/core/errors.hpp>

namespace unbake::test {

// This test process's scratch folder; removed when the process exits, so a
// run of the suite leaves nothing behind in the temp folder.
inline const std::filesystem::path& scratch_dir() {
  struct Dir {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("unbake-io-test-" + std::to_string(::getpid()));
    Dir() { std::filesystem::create_directories(path); }
    ~Dir() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  };
  static const Dir dir;
  return dir.path;
}

inline std::filesystem::path scratch_file(const std::string& name, const std::string& text) {
  auto path = scratch_dir() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// The message of the InputError that `f` throws, or "" when it throws none.
template <class F>
std::string input_error(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// Bad input, and a piece of the message it must give (e.g. "file.csv:3: row has").
struct ErrorCase {
  const char* name;
  std::string text;
  const char* expect;
};

// Writes each case to its file, reads it with `read`, and checks the message.
template <class Read>
void check_error_cases(const std::vector<ErrorCase>& cases, Read read) {
  for (const auto& c : cases) {
    std::string name = c.name;
    auto path = scratch_file(name, c.text).string();
    auto msg = input_error([&] { read(path); });
    CAPTURE(name);
    CAPTURE(msg);
    CHECK(msg.find(c.expect) != std::string::npos);
  }
}

}  // namespace unbake::test
