#include "list_values.hpp"

#include <sys/stat.h>

#include <algorithm>

namespace unbake::app {

namespace {

bool exists(const std::string& path) {
  struct stat st;
  return !path.empty() && ::stat(path.c_str(), &st) == 0;
}

}  // namespace

const std::vector<std::string>& list_options() {
  static const std::vector<std::string> kOptions{"--stopwords", "--ext", "--exclude", "--meta"};
  return kOptions;
}

std::vector<std::string> spread_list_values(int argc, const char* const* argv) {
  std::vector<std::string> out;
  if (argc > 0) out.emplace_back(argv[0]);
  const auto& lists = list_options();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") {
      for (; i < argc; ++i) out.emplace_back(argv[i]);
      break;
    }
    if (std::find(lists.begin(), lists.end(), arg) == lists.end()) {
      out.push_back(arg);
      continue;
    }
    // The first value is always a value (it may be a stopword file); the
    // others while they look like neither an option nor an existing path.
    int j = i + 1;
    for (; j < argc; ++j) {
      const std::string value = argv[j];
      const bool option = value.size() > 1 && value[0] == '-';
      if (option || (j > i + 1 && exists(value))) break;
      out.push_back(arg);
      out.push_back(value);
    }
    if (j == i + 1) out.push_back(arg);  // no value: CLI11 says so
    i = j - 1;
  }
  return out;
}

}  // namespace unbake::app
