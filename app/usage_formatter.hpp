#pragma once
// Help that reads as the command is typed: "Usage: unbake fit DIR [options]",
// the input first (CLI11's own line is "fit [OPTIONS] DIR", without the program).
#include <memory>

#include <CLI/CLI.hpp>

namespace unbake::app {

std::shared_ptr<CLI::Formatter> usage_formatter();

}  // namespace unbake::app
