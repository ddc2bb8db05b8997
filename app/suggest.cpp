#include "suggest.hpp"

#include <algorithm>
#include <string_view>

namespace unbake::app {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  // Optimal string alignment distance, rows of the dynamic programme kept three at a time.
  std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], before[j - 2] + 1);
    }
    before.swap(prev);
    prev.swap(cur);
  }
  return prev[b.size()];
}

std::optional<std::string> nearest(const std::string& word, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (!best || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  // A third of the word, at least one edit and at most three: "fitt" is
  // fit, "sweeep" is sweep, "xyz" is nothing.
  const std::size_t allowed = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  if (!best || best_distance > allowed) return std::nullopt;
  return best;
}

namespace {

std::vector<const CLI::App*> commands_of(const CLI::App& root) {
  return root.get_subcommands([](const CLI::App*) { return true; });
}

// Long option names ("--stopwords") of an app.
std::vector<std::string> long_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::Option* o : app.get_options())
    for (const auto& n : o->get_lnames()) out.push_back("--" + n);
  return out;
}

}  // namespace

std::optional<std::string> command_line_mistake(const CLI::App& root, int argc, const char* const* argv) {
  std::vector<std::string> command_names;
  std::string commands;  // "fit, transform, ..." for messages
  for (const CLI::App* sub : commands_of(root)) {
    command_names.push_back(sub->get_name());
    commands += (commands.empty() ? "" : ", ") + sub->get_name();
  }
  // The command is the first argument that is not a root option.
  const CLI::App* command = nullptr;
  int at = 1;
  for (; at < argc; ++at) {
    const std::string_view arg = argv[at];
    if (arg == "--help" || arg == "-h" || arg == "--version") return std::nullopt;
    if (arg.starts_with("-")) continue;  // -v, -q
    for (const CLI::App* sub : commands_of(root))
      if (sub->get_name() == arg) command = sub;
    if (command) break;
    const auto near = nearest(std::string(arg), command_names);
    return "unknown command '" + std::string(arg) + "'" + (near ? " (did you mean " + *near + "?)" : "") +
           "; the commands are " + commands + " (unbake COMMAND --help for each)";
  }
  if (!command)
    return "no command given; the commands are " + commands +
           " (unbake COMMAND --help for each; unbake fit DIR -k K finds K topics in a folder)";
  auto names = long_names(*command);
  const auto root_names = long_names(root);
  names.insert(names.end(), root_names.begin(), root_names.end());
  for (int i = at + 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;  // what follows is positional
    if (!arg.starts_with("--") || arg.size() == 2) continue;
    const std::string name(arg.substr(0, arg.find('=')));
    if (std::find(names.begin(), names.end(), name) != names.end()) continue;
    const auto near = nearest(name, names);
    return "unknown option " + name + " for " + command->get_name() +
           (near ? " (did you mean " + *near + "?)"
                 : " (unbake " + command->get_name() + " --help lists them)");
  }
  return std::nullopt;
}

}  // namespace unbake::app
