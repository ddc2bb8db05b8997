#pragma once
// The command line's execution context: the --threads of the running command,
// the terminal progress line (a listener of the library's progress), and the
// flag that Ctrl-C sets to cancel the running library call.
#include <atomic>

#include <CLI/CLI.hpp>

#include <unbake/core/execution.hpp>

namespace unbake::app {

// Declares --threads on `app`, bound to the one thread count every command shares.
CLI::Option* add_threads_flag(CLI::App& app);

// Off with --quiet; the line is drawn only when stderr is a terminal.
void enable_progress(bool enabled);
bool progress_line_active();

// Set from the signal handler while a cancellable library call runs.
std::atomic<bool>& cancel_flag();

// The context for the library calls of the running command.
Execution execution();

}  // namespace unbake::app
