// unbake: topics hidden in a folder of documents, by non-negative matrix
// factorization. main() parses the command line, dispatches to a subcommand,
// and is the only place that catches library errors and picks the exit code:
// 0 success, 1 runtime failure (bad input, unwritable output, numeric), 2 usage.
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/progress.hpp"
#include "core/version.hpp"
#include "io/atomic_file.hpp"

namespace {

// Read once at start: isatty is not safe to call inside a signal handler.
bool g_stderr_is_terminal = false;

extern "C" void on_signal(int sig) {
  // Ctrl-C, kill or a closed terminal: drop half-written outputs (finished
  // ones stay), say so in one line, then die of the same signal so that the
  // shell sees it (exit status 128 + signal: 130 for Ctrl-C).
  unbake::io::remove_pending_temp_files();
  static const char kLine[] = "\nerror: interrupted (no partial output left behind)\n";
  // A progress line may be on the terminal: start on a fresh line there only.
  const char* line = g_stderr_is_terminal ? kLine : kLine + 1;
  const auto length = static_cast<std::size_t>(kLine + sizeof kLine - 1 - line);
  if (::write(STDERR_FILENO, line, length) < 0) {
    // Nothing more can be done about it inside a signal handler.
  }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// --help and --version print and succeed; a command-line mistake is one
// error line like every other failure (CLI11 would add a second line), exit 2.
int parse_failure(CLI::App& root, const CLI::ParseError& e) {
  if (e.get_exit_code() == 0) return root.exit(e);
  unbake::log().error("{} (see --help)", e.what());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  g_stderr_is_terminal = ::isatty(STDERR_FILENO) != 0;
  // A signal ignored by whoever started us (nohup, `unbake ... &` in a
  // script) stays ignored.
  for (int sig : {SIGINT, SIGTERM, SIGHUP})
    if (std::signal(sig, on_signal) == SIG_IGN) std::signal(sig, SIG_IGN);

  CLI::App root{"unbake: the topics hidden in a folder of documents (non-negative matrix factorization)"};
  root.set_version_flag("--version", std::string(unbake::kName) + " " + unbake::kVersion);
  root.require_subcommand(1);
  bool verbose = false, quiet = false;
  root.add_flag("-v,--verbose", verbose, "More detail in the log (stderr)");
  root.add_flag("-q,--quiet", quiet, "Errors only; no progress line");
  root.fallthrough();

  auto commands = unbake::app::make_commands();
  std::vector<CLI::App*> subs;
  for (auto& c : commands) subs.push_back(c->setup(root));

  try {
    root.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_failure(root, e);
  }

  unbake::configure_logging(verbose, quiet);
  unbake::Progress::set_enabled(!quiet);
  try {
    for (std::size_t i = 0; i < commands.size(); ++i)
      if (subs[i]->parsed()) commands[i]->run();
    // A report printed to a full disk or a closed descriptor is lost: say so.
    std::cout.flush();
    if (!std::cout) throw unbake::OutputError("cannot write to standard output");
  } catch (const unbake::UsageError& e) {
    unbake::log().error("{}", e.what());
    return 2;
  } catch (const CLI::ParseError& e) {
    return parse_failure(root, e);
  } catch (const unbake::Error& e) {
    unbake::log().error("{}", e.what());
    return 1;
  } catch (const std::bad_alloc&) {
    unbake::log().error("out of memory");
    return 1;
  } catch (const std::exception& e) {
    unbake::log().error("internal error: {}", e.what());
    return 1;
  }
  return 0;
}
