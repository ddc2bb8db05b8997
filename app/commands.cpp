#include "command.hpp"

namespace unbake::app {

std::unique_ptr<Command> make_vectorize_command();
std::unique_ptr<Command> make_factor_command();
std::unique_ptr<Command> make_fit_command();
std::unique_ptr<Command> make_transform_command();
std::unique_ptr<Command> make_sweep_command();

std::vector<std::unique_ptr<Command>> make_commands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(make_fit_command());
  commands.push_back(make_transform_command());
  commands.push_back(make_sweep_command());
  commands.push_back(make_vectorize_command());
  commands.push_back(make_factor_command());
  return commands;
}

}  // namespace unbake::app
