#pragma once
// A subcommand: setup() declares its options on a CLI11 subcommand and binds
// them to a plain options struct; run() turns that struct into library calls.
// app/ holds no logic of its own beyond that.
#include <memory>
#include <vector>

#include <CLI/CLI.hpp>

namespace unbake::app {

class Command {
 public:
  virtual ~Command() = default;
  virtual CLI::App* setup(CLI::App& root) = 0;  // returns the subcommand
  virtual void run() = 0;                       // throws unbake::Error subclasses
};

// Every subcommand, in the order `unbake --help` lists them (commands.cpp).
std::vector<std::unique_ptr<Command>> make_commands();

}  // namespace unbake::app
