// --matrix-cache: a cache is reused only while the folder and the settings
// are those it was made from, and a file that is not a cache is never
// overwritten.
#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <unbake/core/errors.hpp>
#include <unbake/text/corpus_cache.hpp>
#include "text/text_test_files.hpp"

namespace fs = std::filesystem;
using namespace unbake::text;

namespace {

using unbake::test::write_file;

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path small_corpus(const std::string& name) {
  const auto dir = unbake::test::fresh_dir("unbake-test-cache", name);
  const char* texts[] = {"apples and pears grow on trees", "pears and plums in the orchard",
                         "engines and wheels make cars", "cars need engines and fuel", "trees and orchards"};
  const char* names[] = {"d0.txt", "d1.txt", "d2.txt", "d3.txt", "d4.txt"};
  for (int i = 0; i < 5; ++i) write_file(dir / "docs" / names[i], texts[i]);
  write_file(dir / "docs" / "binary.txt", std::string("bin\0ary", 7));  // a skipped file is kept too
  return dir;
}

void check_same(const VectorizedCorpus& a, const VectorizedCorpus& b) {
  CHECK(a.doc_ids == b.doc_ids);
  CHECK(a.terms == b.terms);
  CHECK(a.df == b.df);
  CHECK(a.idf == b.idf);
  REQUIRE(a.V.nonZeros() == b.V.nonZeros());
  CHECK(std::memcmp(a.V.valuePtr(), b.V.valuePtr(), 8 * static_cast<std::size_t>(a.V.nonZeros())) == 0);
  CHECK(std::equal(a.V.innerIndexPtr(), a.V.innerIndexPtr() + a.V.nonZeros(), b.V.innerIndexPtr()));
  REQUIRE(a.skipped.size() == b.skipped.size());
  for (std::size_t i = 0; i < a.skipped.size(); ++i) CHECK(a.skipped[i].path == b.skipped[i].path);
  CHECK(a.empty_documents == b.empty_documents);
}

VectorizerOptions options() {
  VectorizerOptions o;
  o.min_df = 1;
  return o;
}

}  // namespace

TEST_CASE("corpus cache: created, then reused with the same corpus as vectorize gives") {
  const auto dir = small_corpus("reuse");
  const std::string root = (dir / "docs").string(), cache = (dir / "V.ubk").string();
  const auto first = vectorize_cached(root, options(), cache);
  CHECK(first.outcome == CacheOutcome::created);
  const auto second = vectorize_cached(root, options(), cache);
  CHECK(second.outcome == CacheOutcome::reused);
  const VectorizedCorpus direct = vectorize(root, options());
  check_same(direct, first.corpus);
  check_same(direct, second.corpus);
  CHECK(second.corpus.root == root);
  CHECK_FALSE(second.corpus.skipped.empty());
}

TEST_CASE("corpus cache: a changed, added or removed file and changed settings each replace it") {
  const auto dir = small_corpus("stale");
  const std::string root = (dir / "docs").string(), cache = (dir / "V.ubk").string();
  vectorize_cached(root, options(), cache);
  auto expect_replaced = [&](const char* what) {
    CAPTURE(what);
    const auto again = vectorize_cached(root, options(), cache);
    CHECK(again.outcome == CacheOutcome::replaced);
    check_same(vectorize(root, options()), again.corpus);
    CHECK(vectorize_cached(root, options(), cache).outcome == CacheOutcome::reused);
  };
  // Same size, new content: only the times tell. Wait for the clock to move on.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  write_file(dir / "docs" / "d1.txt", "plums and pears in the garden");
  expect_replaced("same-size rewrite");
  write_file(dir / "docs" / "d9.txt", "fuel for cars");
  expect_replaced("added file");
  fs::remove(dir / "docs" / "d9.txt");
  expect_replaced("removed file");

  VectorizerOptions other = options();
  other.sublinear_tf = !other.sublinear_tf;
  CHECK(vectorize_cached(root, other, cache).outcome == CacheOutcome::replaced);
  CHECK(vectorize_cached(root, other, cache).outcome == CacheOutcome::reused);
  // A stopword file named in the settings is part of them, by content.
  write_file(dir / "stop.txt", "and\n");
  other.tokenizer.stopwords = {(dir / "stop.txt").string()};
  CHECK(vectorize_cached(root, other, cache).outcome == CacheOutcome::replaced);
  write_file(dir / "stop.txt", "and\nthe\n");
  CHECK(vectorize_cached(root, other, cache).outcome == CacheOutcome::replaced);
}

TEST_CASE("corpus cache: a damaged cache is rebuilt, a file that is no cache is an error and stays") {
  const auto dir = small_corpus("foreign");
  const std::string root = (dir / "docs").string(), cache = (dir / "V.ubk").string();
  vectorize_cached(root, options(), cache);
  std::string bytes = read_bytes(cache);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
  write_file(cache, bytes);
  const auto rebuilt = vectorize_cached(root, options(), cache);
  CHECK(rebuilt.outcome == CacheOutcome::replaced);
  CHECK(rebuilt.why.find("damaged") != std::string::npos);

  const std::string report = (dir / "report.json").string();
  write_file(report, "{\"precious\": true}\n");
  CHECK_THROWS_AS(vectorize_cached(root, options(), report), unbake::InputError);
  CHECK(read_bytes(report) == "{\"precious\": true}\n");
}
