#pragma once
// Options that take several values take them the way their help shows them:
// `--stopwords de en DIR` is `--stopwords de --stopwords en DIR`. After an
// option's first value, an argument that names an existing file or folder
// ends its list, so the input placed after it is not swallowed as a value
// (a second stopword file needs its own --stopwords).
#include <string>
#include <vector>

namespace unbake::app {

// The options read this way.
const std::vector<std::string>& list_options();

// argv with every list option's values spread, one "--option value" pair each.
std::vector<std::string> spread_list_values(int argc, const char* const* argv);

}  // namespace unbake::app
