// Topics of a folder, new strings mapped onto them, then any non-negative
// matrix factored directly.
#include <iostream>

#include <unbake/unbake.hpp>

int main(int argc, char** argv) {
  if (argc != 2) return std::cerr << "usage: topics DIR\n", 2;
  try {
    unbake::model::FitOptions options;
    options.nmf.k = 5;
    unbake::Execution exec;  // all cores, no progress line, not cancellable
    const auto fitted = unbake::model::fit_topics(argv[1], options, exec);
    for (const auto& topic : fitted.report.topics.topics) {
      std::cout << "topic " << topic.id << " (" << topic.prevalence << "):";
      for (const auto& w : topic.words) std::cout << ' ' << w.word;
      std::cout << '\n';
    }
    unbake::model::save_model("topics-model.json", fitted.model);
    const auto model = unbake::model::load_model("topics-model.json");
    const auto mapped = unbake::model::transform(
        model, unbake::text::memory_documents({{"note", "the oven was hot and the cake rose"}}), exec);
    for (const auto& d : mapped.documents)
      std::cout << d.path << ": topic " << (d.dominant ? *d.dominant : -1) << '\n';

    // Any non-negative matrix: 3 x 4, rank 2.
    unbake::nmf::SparseMatrix V(3, 4);
    V.insert(0, 0) = 1, V.insert(0, 1) = 2, V.insert(1, 2) = 3, V.insert(2, 0) = 1, V.insert(2, 3) = 1;
    unbake::nmf::NmfConfig config;
    config.k = 2;
    const unbake::nmf::NmfResult r = unbake::nmf::fit(V, config, exec);
    std::cout << "relative error " << r.relative_error << " after " << r.iterations << " iterations"
              << (r.converged ? "" : " (not converged)") << '\n';
  } catch (const unbake::Error& e) {
    std::cerr << "error: " << e.what() << '\n';
    return 1;
  }
}
