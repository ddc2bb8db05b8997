#pragma once
// Scratch files for the io tests: each test writes its input text to a fresh
// file under the system temp folder.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/errors.hpp"

namespace unbake::test {

inline std::filesystem::path scratch_file(const std::string& name, const std::string& text) {
  auto dir = std::filesystem::temp_directory_path() / ("unbake-io-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto path = dir / name;
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
