#pragma once
// The command line's execution context: the --threads of the running command,
// the terminal progress line (a listener of the library's progress), and the
// cancel flag that Ctrl-C and kill set.
//
// Interrupting: while a command computes, the first SIGINT or SIGTERM only
// sets the flag (main.cpp's handler calls request_cancel()), and the library
// throws Cancelled at its next check (every iteration, document and fit);
// main() then cleans up and ends the process. Writing outputs checks
// nothing, so from write_outputs() on a signal stops the process at once, as
// every other signal always does.
#include <vector>

#include <CLI/CLI.hpp>

#include <unbake/core/execution.hpp>
#include <unbake/io/output_guard.hpp>

namespace unbake::app {

// Declares --threads on `app`, bound to the one thread count every command shares.
CLI::Option* add_threads_flag(CLI::App& app);

// Off with --quiet; the line is drawn only when stderr is a terminal. With
// -v and no line drawn, the start of each task is logged instead.
void enable_progress(bool enabled);

// The context for the library calls of the running command.
Execution execution();

// Whether a signal may cancel cooperatively: set by main() before a command
// runs, cleared by write_outputs(). Async-signal-safe.
void start_computing() noexcept;
bool computing() noexcept;

// Sets the cancel flag of every execution() context. Async-signal-safe.
void request_cancel() noexcept;
bool cancel_requested() noexcept;

// Writes a command's outputs (io::write_in_order) once it has computed them.
// A cancel asked during a step that never checked throws Cancelled here,
// before anything is written.
void write_outputs(const std::vector<io::PendingWrite>& writes);

}  // namespace unbake::app
