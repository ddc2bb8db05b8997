#include "usage_formatter.hpp"

#include <string>
#include <vector>

namespace unbake::app {

namespace {

class UsageFormatter : public CLI::Formatter {
 public:
  std::string make_usage(const CLI::App* app, std::string name) const override {
    std::string line = "Usage: unbake";
    if (app->get_parent() != nullptr) line += " " + app->get_name();
    for (const CLI::Option* opt : app->get_options([](const CLI::Option* o) { return o->get_positional(); }))
      line += " " + make_option_usage(opt);
    if (!app->get_subcommands([](const CLI::App* s) { return !s->get_disabled() && !s->get_name().empty(); })
             .empty())
      line += " COMMAND";
    if (!app->get_options([](const CLI::Option* o) { return o->nonpositional(); }).empty())
      line += " [options]";
    (void)name;
    return line + "\n";
  }
};

}  // namespace

std::shared_ptr<CLI::Formatter> usage_formatter() { return std::make_shared<UsageFormatter>(); }

}  // namespace unbake::app
