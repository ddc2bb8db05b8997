// unbake: topics hidden in a folder of documents, by non-negative matrix
// factorization. main() parses the command line, dispatches to a subcommand,
// and is the only place that catches library errors and picks the exit code:
// 0 success, 1 runtime failure (bad input, unwritable output, numeric), 2 usage.
#include <csignal>
#include <cstdlib>
#include <exception>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/progress.hpp"
#include "core/version.hpp"
#include "io/atomic_file.hpp"

namespace {

extern "C" void on_signal(int sig) {
  // Ctrl-C or kill: drop half-written outputs, then die of the same signal.
  unbake::io::remove_pending_temp_files();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);

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
    return root.exit(e) == 0 ? 0 : 2;
  }

  unbake::configure_logging(verbose, quiet);
  unbake::Progress::set_enabled(!quiet);
  try {
    for (std::size_t i = 0; i < commands.size(); ++i)
      if (subs[i]->parsed()) commands[i]->run();
  } catch (const unbake::UsageError& e) {
    unbake::log().error("{}", e.what());
    return 2;
  } catch (const CLI::ParseError& e) {
    return root.exit(e) == 0 ? 0 : 2;
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
