#pragma once
// Command-line mistakes a newcomer makes, caught before CLI11 parses so that
// the message says what was meant: no command at all, a mistyped command, a
// mistyped option ("did you mean --stopwords?").
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace unbake::app {

// Edit distance (insertions, deletions, substitutions, adjacent swaps).
std::size_t edit_distance(const std::string& a, const std::string& b);

// The candidate nearest to `word`, when it is near enough to be a typo.
std::optional<std::string> nearest(const std::string& word, const std::vector<std::string>& candidates);

// One error line for a command line that names no command, an unknown
// command or an unknown long option of its command; nullopt when none of
// these is wrong (CLI11 then judges the rest).
std::optional<std::string> command_line_mistake(const CLI::App& root, int argc, const char* const* argv);

}  // namespace unbake::app
