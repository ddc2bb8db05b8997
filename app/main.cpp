// unbake: topics hidden in a folder of documents, by non-negative matrix
// factorization. main() parses the command line, dispatches to a subcommand,
// and is the only place that catches library errors and picks the exit code:
// 0 success, 1 runtime failure (bad input, unwritable output, numeric), 2 usage.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include <unbake/core/errors.hpp>
#include <unbake/core/threads.hpp>
#include <unbake/core/version.hpp>
#include <unbake/io/atomic_file.hpp>
#include <unbake/text/language.hpp>
#include <unbake/text/reader.hpp>
#include "command.hpp"
#include "core/log.hpp"
#include "execution.hpp"
#include "field_flags.hpp"
#include "list_values.hpp"
#include "suggest.hpp"
#include "usage_formatter.hpp"

namespace {

// Read once at start: isatty is not safe to call inside a signal handler.
bool g_stderr_is_terminal = false;

// Signals that end the process by default and may come from outside: each
// prints one line and dies of the same signal, so that the shell sees it
// (exit status 128 + signal: 130 for Ctrl-C, 143 for kill). SIGINT and
// SIGTERM first ask the computation to stop (see on_signal).
constexpr int kStopping[] = {SIGINT,    SIGTERM, SIGHUP,  SIGQUIT, SIGUSR1,   SIGUSR2, SIGALRM,
                             SIGVTALRM, SIGPROF, SIGXCPU, SIGPOLL, SIGSTKFLT, SIGPWR};
// Signals of a crash. Whoever handled them before (a sanitizer) still does.
constexpr int kFatal[] = {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS};

// What each signal did before main() installed its handler; the handler
// hands the signal on to it. Written before any handler is installed.
struct sigaction g_previous[NSIG];

// How long a cooperative stop may take before the handler stops the process
// itself. The library checks at least once per NMF iteration, document read
// and resample fit; with two threads an iteration takes about 35 ms on 20
// Newsgroups (18,846 documents, k = 20) and 70 ms on the 3000-document,
// k = 60 fit of tests/cli/interrupt.sh. Steps without a check (the NNDSVD
// start and the final NNLS, about 3 s together on 20 Newsgroups; a read that
// blocks) then end at once after the wait: 2 s is short for a person who
// pressed Ctrl-C and far longer than any gap between two checks.
constexpr unsigned kGraceSeconds = 2;

// The SIGINT or SIGTERM that asked the computation to stop (0: none yet).
std::atomic<int> g_cancel_signal{0};
// Set by whoever finishes an interruption first (main() or a handler): the
// other leaves it to them, so that one line is printed and the process dies once.
std::atomic<bool> g_finishing{false};
static_assert(std::atomic<int>::is_always_lock_free && std::atomic<bool>::is_always_lock_free);
// SIGALRM times the wait, so it is handled even when whoever started us
// ignored it; a SIGALRM of theirs is then still ignored.
bool g_alarm_ignored = false;

bool is_fatal(int sig) {
  for (int f : kFatal)
    if (f == sig) return true;
  return false;
}

// Writes `line` (which starts with '\n') to stderr from a signal handler.
template <std::size_t N>
void write_line(const char (&line)[N]) {
  // A progress line may be on the terminal: start on a fresh line there only.
  const char* start = g_stderr_is_terminal ? line : line + 1;
  const auto length = static_cast<std::size_t>(line + N - 1 - start);
  if (::write(STDERR_FILENO, start, length) < 0) {
    // Nothing more can be done about it inside a signal handler.
  }
}

// The first SIGINT or SIGTERM while a command computes only sets the cancel
// flag: the library throws Cancelled at its next check, and main() cleans up
// and dies of the signal. A second one, or no check within kGraceSeconds
// (the SIGALRM set here), stops the process at once, as every other signal
// that ends it does: pending outputs removed, one line, death by the signal.
extern "C" void on_signal(int sig, siginfo_t* info, void*) {
  const bool fatal = is_fatal(sig);
  if ((sig == SIGINT || sig == SIGTERM) && unbake::app::computing()) {
    int none = 0;
    if (g_cancel_signal.compare_exchange_strong(none, sig)) {
      unbake::app::request_cancel();
      ::alarm(kGraceSeconds);
      return;
    }
  }
  bool late = false;
  if (sig == SIGALRM && g_cancel_signal.load() != 0) {
    // The grace time ran out: stop now, as the first signal asked.
    sig = g_cancel_signal.load();
    late = true;
  } else if (sig == SIGALRM && g_alarm_ignored) {
    return;
  }
  // main() (or another thread's handler) is already ending the process.
  if (!fatal && g_finishing.exchange(true)) return;
  // Whatever ends the process: drop half-written outputs (finished ones stay).
  unbake::io::remove_pending_temp_files();
  static_assert(kGraceSeconds == 2, "the line below says 2 s");
  if (late)
    write_line(
        "\nerror: interrupted: the running step did not stop within 2 s (no partial output left behind)\n");
  else if (!fatal)
    write_line("\nerror: interrupted (no partial output left behind)\n");
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
    if (g_previous[sig].sa_handler == SIG_IGN && !(g_previous[sig].sa_flags & SA_SIGINFO)) {
      if (sig != SIGALRM) return;
      g_alarm_ignored = true;
    }
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

// The library stopped at a check after SIGINT or SIGTERM: nothing was
// written. Ends the process by that signal, as the handler would have.
int interrupted() {
  const int asked = g_cancel_signal.load();
  const int sig = asked == SIGTERM ? SIGTERM : SIGINT;
  // A handler got there first (a second signal, the grace alarm): it ends the process.
  if (g_finishing.exchange(true))
    for (;;) ::pause();
  ::alarm(0);
  unbake::io::remove_pending_temp_files();
  unbake::log().debug("{}: the running step stopped at its next check", sig == SIGINT ? "SIGINT" : "SIGTERM");
  unbake::log().error("interrupted (no partial output left behind)");
  // Dying of the signal, not exiting with 130, tells a calling shell that
  // the user interrupted (bash then stops a loop running unbake too).
  ::sigaction(sig, &g_previous[sig], nullptr);
  ::raise(sig);
  return 128 + sig;
}

}  // namespace

int main(int argc, char** argv) {
  g_stderr_is_terminal = ::isatty(STDERR_FILENO) != 0;
  install_signal_handlers();

  CLI::App root{"unbake: the topics hidden in a folder of documents (non-negative matrix factorization)"};
  std::string readers;
  for (const auto& r : unbake::text::optional_readers()) readers += (readers.empty() ? "" : " ") + r;
  const std::string detector =
      unbake::text::language_detector().empty() ? "none" : std::string(unbake::text::language_detector());
  root.set_version_flag("--version", std::string(unbake::kName) + " " + unbake::kVersion +
                                         "\noptional readers: " + (readers.empty() ? "none" : readers) +
                                         "\nlanguage detector: " + detector);
  root.formatter(unbake::app::usage_formatter());  // inherited by each command
  root.require_subcommand(1);
  bool verbose = false, quiet = false;
  root.add_flag("-v,--verbose", verbose, "More detail in the log (stderr)");
  root.add_flag("-q,--quiet", quiet, "Errors only; no progress line");
  root.fallthrough();

  auto commands = unbake::app::make_commands();
  std::vector<CLI::App*> subs;
  for (auto& c : commands) subs.push_back(c->setup(root));

  if (const auto mistake = unbake::app::command_line_mistake(root, argc, argv)) {
    unbake::log().error("{}", *mistake);
    return 2;
  }
  // CLI11 parses from the end: the arguments in reverse order.
  std::vector<std::string> args = unbake::app::spread_list_values(argc, argv);
  std::reverse(args.begin(), args.end());
  args.pop_back();  // the program's name
  try {
    root.parse(args);
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
    unbake::app::start_computing();
    for (std::size_t i = 0; i < commands.size(); ++i)
      if (subs[i]->parsed()) commands[i]->run();
    // Asked during a last step that did not check, before the outputs.
    if (unbake::app::cancel_requested()) throw unbake::Cancelled();
    // A report printed to a full disk or a closed descriptor is lost: say so.
    std::cout.flush();
    if (!std::cout) throw unbake::OutputError("cannot write to standard output");
  } catch (const unbake::UsageError& e) {
    unbake::log().error("{}", unbake::app::cli_message(e));
    return 2;
  } catch (const CLI::ParseError& e) {
    return parse_failure(root, e);
  } catch (const unbake::Cancelled&) {
    return interrupted();
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
