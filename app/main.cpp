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

#include <unbake/core/errors.hpp>
#include <unbake/core/threads.hpp>
#include <unbake/core/version.hpp>
#include <unbake/io/atomic_file.hpp>
#include "command.hpp"
#include "core/log.hpp"
#include "execution.hpp"
#include "field_flags.hpp"

namespace {

// Read once at start: isatty is not safe to call inside a signal handler.
bool g_stderr_is_terminal = false;

// Signals that end the process by default and may come from outside: each
// prints one line and dies of the same signal, so that the shell sees it
// (exit status 128 + signal: 130 for Ctrl-C, 143 for kill).
constexpr int kStopping[] = {SIGINT,    SIGTERM, SIGHUP,  SIGQUIT, SIGUSR1,   SIGUSR2, SIGALRM,
                             SIGVTALRM, SIGPROF, SIGXCPU, SIGPOLL, SIGSTKFLT, SIGPWR};
// Signals of a crash. Whoever handled them before (a sanitizer) still does.
constexpr int kFatal[] = {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS};

// What each signal did before main() installed its handler; the handler
// hands the signal on to it. Written before any handler is installed.
struct sigaction g_previous[NSIG];

bool is_fatal(int sig) {
  for (int f : kFatal)
    if (f == sig) return true;
  return false;
}

extern "C" void on_signal(int sig, siginfo_t* info, void*) {
  // Whatever ends the process: drop half-written outputs (finished ones stay).
  unbake::io::remove_pending_temp_files();
  const bool fatal = is_fatal(sig);
  if (!fatal) {
    static const char kLine[] = "\nerror: interrupted (no partial output left behind)\n";
    // A progress line may be on the terminal: start on a fresh line there only.
    const char* line = g_stderr_is_terminal ? kLine : kLine + 1;
    const auto length = static_cast<std::size_t>(kLine + sizeof kLine - 1 - line);
    if (::write(STDERR_FILENO, line, length) < 0) {
      // Nothing more can be done about it inside a signal handler.
    }
  }
  ::sigaction(sig, &g_previous[sig], nullptr);
  // A fault raised by an instruction comes back when the handler returns and
  // the instruction runs again, now to the previous handler with its real
  // details; any other signal is sent again, held until this handler returns.
  const bool refaults = (sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL) &&
                        info != nullptr && info->si_code > 0;
  if (!refaults) ::raise(sig);
}

void install_signal_handlers() {
  struct sigaction action {};
  action.sa_sigaction = on_signal;
  action.sa_flags = SA_SIGINFO;
  // While one signal is handled, the others wait: the cleanup runs once.
  sigemptyset(&action.sa_mask);
  for (int sig : kStopping) sigaddset(&action.sa_mask, sig);
  // Real-time signals end the process too unless handled (glibc keeps the
  // two below SIGRTMIN for itself).
  for (int sig = SIGRTMIN; sig <= SIGRTMAX; ++sig) sigaddset(&action.sa_mask, sig);
  auto install = [&](int sig) {
    if (::sigaction(sig, nullptr, &g_previous[sig]) != 0) return;
    // A signal ignored by whoever started us (nohup, `unbake ... &` in a
    // script) stays ignored.
    if (g_previous[sig].sa_handler == SIG_IGN && !(g_previous[sig].sa_flags & SA_SIGINFO)) return;
    ::sigaction(sig, &action, nullptr);
  };
  for (int sig : kStopping) install(sig);
  for (int sig = SIGRTMIN; sig <= SIGRTMAX; ++sig) install(sig);
  for (int sig : kFatal) install(sig);
  // A file size limit or a closed pipe makes the write fail (EFBIG, EPIPE)
  // instead of killing the process: an ordinary write error, one line, exit 1,
  // every finished file left in place.
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGXFSZ, &ignore, nullptr);
  ::sigaction(SIGPIPE, &ignore, nullptr);
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
  install_signal_handlers();

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
  unbake::app::enable_progress(!quiet);
  try {
    // Reading runs on all cores before any --threads is resolved: start that
    // many threads once now, so that a process limit is an error line here
    // and not libgomp's own exit inside the first parallel region.
    unbake::resolve_threads(0);
    for (std::size_t i = 0; i < commands.size(); ++i)
      if (subs[i]->parsed()) commands[i]->run();
    // A report printed to a full disk or a closed descriptor is lost: say so.
    std::cout.flush();
    if (!std::cout) throw unbake::OutputError("cannot write to standard output");
  } catch (const unbake::UsageError& e) {
    unbake::log().error("{}", unbake::app::cli_message(e));
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
