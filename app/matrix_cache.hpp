#pragma once
// --matrix-cache FILE for fit and sweep: the vectorized folder is kept in
// FILE (text/corpus_cache.hpp) and read from it while the folder and the
// settings stay the same.
#include <string>

#include <CLI/CLI.hpp>

#include <unbake/core/execution.hpp>
#include <unbake/text/vectorizer.hpp>

namespace unbake::app {

void add_matrix_cache_flag(CLI::App& app, std::string& path);

// text::vectorize, or through the cache when `cache` is not empty; says in one
// log line whether the cache was used, created or replaced, and why.
text::VectorizedCorpus vectorize_folder(const std::string& root, const text::VectorizerOptions& options,
                                        const std::string& cache, const Execution& exec);

}  // namespace unbake::app
