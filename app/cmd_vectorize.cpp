// Placeholder until the vectorizer lands.
#include "command.hpp"
#include "core/errors.hpp"

namespace unbake::app {
namespace {
class VectorizeCommand : public Command {
 public:
  CLI::App* setup(CLI::App& root) override { return root.add_subcommand("vectorize", "Folder -> TF-IDF matrix"); }
  void run() override { throw UsageError("vectorize: not implemented yet"); }
};
}  // namespace
std::unique_ptr<Command> make_vectorize_command() { return std::make_unique<VectorizeCommand>(); }
}  // namespace unbake::app
