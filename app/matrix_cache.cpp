#include "matrix_cache.hpp"

#include <unbake/core/errors.hpp>
#include <unbake/text/corpus_cache.hpp>
#include "core/log.hpp"

namespace unbake::app {

void add_matrix_cache_flag(CLI::App& app, std::string& path) {
  app.add_option("--matrix-cache", path,
                 "Keep the vectorized folder in FILE (.ubk) and read it from there next time, while the "
                 "folder's files and the reading and weighting settings stay the same")
      ->type_name("FILE");
}

text::VectorizedCorpus vectorize_folder(const std::string& root, const text::VectorizerOptions& options,
                                        const std::string& cache, const Execution& exec) {
  if (cache.empty()) return text::vectorize(root, options, exec);
  // The cache is keyed on the files read (names, sizes, times): a stream has none.
  if (root == "-")
    throw UsageError("matrix_cache", "cannot keep standard input: save it to a file and read that instead");
  text::CachedVectorization cached = text::vectorize_cached(root, options, cache, exec);
  switch (cached.outcome) {
    case text::CacheOutcome::reused:
      log().info("read {} from the matrix cache {}", root, cache);
      break;
    case text::CacheOutcome::created:
      log().info("wrote the matrix cache {}", cache);
      break;
    case text::CacheOutcome::replaced:
      log().info("replaced the matrix cache {}: {}", cache, cached.why);
      break;
  }
  return std::move(cached.corpus);
}

}  // namespace unbake::app
