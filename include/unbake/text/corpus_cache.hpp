#pragma once
// A vectorized corpus kept on disk (a .ubk file, io/binary_matrix.hpp) so
// that the next fit or sweep of the same folder with the same settings skips
// reading and tokenizing. The file records a fingerprint of what it was made
// from: the vectorizer settings, unbake's version, and every listed file's
// id, size, modification and change times and inode. Any difference there
// means the cache is out of date and is built again.
#include <string>

#include <unbake/core/execution.hpp>
#include <unbake/text/vectorizer.hpp>
#include <unbake/text/vectorizer_options.hpp>

namespace unbake::text {

// Lists `root` as vectorize would and stats each document (no file is opened).
std::string corpus_fingerprint(const std::string& root, const VectorizerOptions& options);

// Writes atomically. The file is also a matrix `unbake factor` reads, with the
// document ids and terms as row and column labels.
void save_corpus(const std::string& path, const VectorizedCorpus& corpus, const std::string& fingerprint);

struct LoadedCorpus {
  VectorizedCorpus corpus;  // root as saved; the timings are 0
  std::string fingerprint;
};
// Throws InputError naming `path` when it is not an intact corpus file (a plain
// matrix .ubk, written by `unbake` from another source, holds no corpus).
LoadedCorpus load_corpus(const std::string& path);

enum class CacheOutcome { reused, created, replaced };
struct CachedVectorization {
  VectorizedCorpus corpus;
  CacheOutcome outcome = CacheOutcome::created;
  std::string why;  // for replaced: what made the old file unusable
};
// vectorize(root, options) through the cache file at `cache_path`: reused when
// its fingerprint matches, else built and written (atomically) there. A file
// at `cache_path` that is not an unbake matrix file at all is an InputError,
// never overwritten: the path may be a mistake for another file.
CachedVectorization vectorize_cached(const std::string& root, const VectorizerOptions& options,
                                     const std::string& cache_path, const Execution& exec = {});

}  // namespace unbake::text
