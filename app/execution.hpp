#pragma once
// The command line's execution context: the --threads of the running command
// and the terminal progress line (a listener of the library's progress).
// Ctrl-C does not cancel through Execution::cancel yet: the signal handler in
// main.cpp removes pending outputs and ends the process.
#include <CLI/CLI.hpp>

#include <unbake/core/execution.hpp>

namespace unbake::app {

// Declares --threads on `app`, bound to the one thread count every command shares.
CLI::Option* add_threads_flag(CLI::App& app);

// Off with --quiet; the line is drawn only when stderr is a terminal.
void enable_progress(bool enabled);

// The context for the library calls of the running command.
Execution execution();

}  // namespace unbake::app
