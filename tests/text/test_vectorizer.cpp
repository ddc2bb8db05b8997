#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "text/json.hpp"

#include <unbake/core/errors.hpp>
#include <unbake/text/tokenizer.hpp>
#include <unbake/text/vectorizer.hpp>
#include "text/text_test_files.hpp"

namespace fs = std::filesystem;
using namespace unbake::text;

namespace {

fs::path fresh_dir(const std::string& name) { return unbake::test::fresh_dir("unbake-test-vec", name); }
using unbake::test::write_file;

// A folder of documents drawn from a small Zipf-like vocabulary, in nested
// sub-folders, so that workers meet terms in different orders.
fs::path random_corpus(const std::string& name, int n_docs) {
  const auto dir = fresh_dir(name);
  std::mt19937 rng(12345);
  std::vector<std::string> words;
  for (int i = 0; i < 300; ++i) {
    std::string w;
    for (int c = 0; c < 3 + i % 5; ++c) w += static_cast<char>('a' + (i * 7 + c * 13) % 26);
    words.push_back(w + std::to_string(i % 10 == 0 ? 0 : 1) + "x");
  }
  words.push_back("caf\xc3\xa9");
  words.push_back("\xc3\xa9t\xc3\xa9");
  std::discrete_distribution<int> pick(words.size(), 0, 1, [](double x) { return 1.0 / (x + 0.02); });
  for (int d = 0; d < n_docs; ++d) {
    std::string text;
    const int len = 5 + static_cast<int>(rng() % 200);
    for (int i = 0; i < len; ++i)
      text += words[static_cast<std::size_t>(pick(rng))] + (i % 11 == 10 ? ".\n" : " ");
    std::string group = "g", name = "doc";  // built step by step: g++ 12 warns falsely on "g" + to_string
    group += std::to_string(d % 4);
    name += std::to_string(d) + ".txt";
    write_file(dir / group / name, text);
  }
  return dir;
}

VectorizerOptions loose() {
  VectorizerOptions o;
  o.min_df = 1;
  o.max_df = 1.0;
  return o;
}

// Term counts of one text through the tokenizer alone, an independent path
// to what the vectorizer should count.
std::map<std::string, int> count_by_hand(const std::string& text, const TokenizerOptions& options) {
  Tokenizer tokenizer(options);
  std::map<std::string, int> counts;
  for (const auto& t : tokenizer.terms(text)) ++counts[t];
  return counts;
}

bool same_matrix(const SparseMatrix& a, const SparseMatrix& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols() || a.nonZeros() != b.nonZeros()) return false;
  for (Eigen::Index r = 0; r <= a.rows(); ++r)
    if (a.outerIndexPtr()[r] != b.outerIndexPtr()[r]) return false;
  for (Eigen::Index i = 0; i < a.nonZeros(); ++i)
    if (a.innerIndexPtr()[i] != b.innerIndexPtr()[i] || a.valuePtr()[i] != b.valuePtr()[i]) return false;
  return true;
}

}  // namespace

TEST_CASE("vectorizer: counts, idf and terms agree with the tokenizer and the formula") {
  const std::vector<std::pair<std::string, std::string>> docs{
      {"a", "Rivers flow into the sea. The sea is salty; rivers are not."},
      {"b", "Mountains rise above rivers and valleys."},
      {"c", "Valleys, mountains, valleys again."}};
  VectorizerOptions o = loose();
  o.norm = Norm::none;
  const VectorizedCorpus c = vectorize(memory_documents(docs), o);
  REQUIRE(c.doc_ids == std::vector<std::string>{"a", "b", "c"});
  o.tokenizer.stopwords = c.stopwords;  // as "auto" was resolved
  CHECK(std::is_sorted(c.terms.begin(), c.terms.end()));
  REQUIRE(c.V.rows() == 3);
  REQUIRE(c.V.cols() == static_cast<Eigen::Index>(c.terms.size()));

  std::map<std::string, int> df;
  std::vector<std::map<std::string, int>> counts;
  for (const auto& [id, text] : docs) {
    counts.push_back(count_by_hand(text, o.tokenizer));
    for (const auto& [t, n] : counts.back()) ++df[t];
  }
  REQUIRE(c.terms.size() == df.size());
  for (std::size_t col = 0; col < c.terms.size(); ++col) {
    const std::string& t = c.terms[col];
    REQUIRE(df.count(t) == 1);
    CHECK(c.df[col] == static_cast<std::uint32_t>(df[t]));
    const double idf = std::log(4.0 / (1.0 + df[t])) + 1.0;
    CHECK(c.idf[static_cast<Eigen::Index>(col)] == doctest::Approx(idf));
    for (int r = 0; r < 3; ++r) {
      auto it = counts[r].find(t);
      const double tf = it == counts[r].end() ? 0.0 : 1.0 + std::log(static_cast<double>(it->second));
      const double expected = tf * idf;  // sublinear tf, the default
      CHECK(c.V.coeff(r, static_cast<Eigen::Index>(col)) == doctest::Approx(expected));
    }
  }
  CHECK(c.empty_documents == 0);
}

TEST_CASE("vectorizer: the result is identical for 1, 2 and 3 threads") {
  const auto dir = random_corpus("threads", 120);
  VectorizerOptions o;  // default pruning, so columns depend on merged df
  const VectorizedCorpus one = vectorize(dir.string(), o, unbake::Execution{1});
  REQUIRE(one.doc_ids.size() == 120);
  REQUIRE(one.terms.size() > 50);
  for (int threads : {2, 3}) {
    CAPTURE(threads);
    for (int repeat = 0; repeat < 3; ++repeat) {
      const VectorizedCorpus other = vectorize(dir.string(), o, unbake::Execution{threads});
      CHECK(other.doc_ids == one.doc_ids);
      CHECK(other.terms == one.terms);
      CHECK(other.df == one.df);
      CHECK(other.idf == one.idf);
      CHECK(same_matrix(other.V, one.V));
    }
  }
  CHECK(std::is_sorted(one.doc_ids.begin(), one.doc_ids.end()));
  fs::remove_all(dir);
}

TEST_CASE("vectorizer: skipped files are carried through and empty documents counted") {
  const auto dir = fresh_dir("skips");
  write_file(dir / "a.txt", "gardens bloom with roses and tulips");
  write_file(dir / "b.txt", "roses and tulips need gardens");
  write_file(dir / "c.txt", "1234 5678 x y z");  // nothing survives tokenizing
  write_file(dir / "d.txt", "zebras");           // survives tokenizing, pruned by min_df
  // "\x01" "binary" as two literals: a hex escape would swallow the 'b'.
  const char gif[] =
      "GIF89a\0\0\x01"
      "binary";
  write_file(dir / "bin.txt", std::string(gif, sizeof gif - 1));
  VectorizerOptions o;
  o.max_df = 1.0;
  const VectorizedCorpus c = vectorize(dir.string(), o);
  CHECK(c.doc_ids == std::vector<std::string>{"a.txt", "b.txt", "c.txt", "d.txt"});
  REQUIRE(c.skipped.size() == 1);
  CHECK(c.skipped[0].path == "bin.txt");
  CHECK_FALSE(c.skipped[0].reason.empty());
  CHECK(c.empty_documents == 2);
  CHECK(c.V.row(2).nonZeros() == 0);
  CHECK(c.V.row(3).nonZeros() == 0);
  CHECK(c.V.row(0).norm() == doctest::Approx(1.0));
  CHECK(std::find(c.terms.begin(), c.terms.end(), "zebras") == c.terms.end());
  fs::remove_all(dir);
}

TEST_CASE("vectorizer: a folder with nothing readable is an input error naming it") {
  const auto dir = fresh_dir("unreadable");
  write_file(dir / "x.txt", std::string("\0\0\0", 3));
  try {
    vectorize(dir.string(), loose());
    FAIL("expected InputError");
  } catch (const unbake::InputError& e) {
    const std::string msg = e.what();
    CHECK(msg.find(dir.string()) != std::string::npos);
    CHECK(msg.find("no readable documents (1 skipped, first: ") != std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE("vectorizer: pruning that keeps nothing is a usage error") {
  const auto docs = memory_documents({{"a", "apples pears"}, {"b", "apples plums"}, {"c", "cherries"}});
  VectorizerOptions o = loose();
  o.min_df = 3;
  o.max_df = 0.9;
  CHECK_THROWS_AS(vectorize(docs, o), unbake::UsageError);
  o.min_df = 2;
  o.max_df = 1.0;
  const auto c = vectorize(docs, o);
  CHECK(c.terms == std::vector<std::string>{"apples"});
}

TEST_CASE("vectorizer: a fixed vocabulary and idf reproduce the learned matrix") {
  const auto dir = random_corpus("fixed", 40);
  VectorizerOptions o;
  o.sublinear_tf = true;
  const VectorizedCorpus learned = vectorize(dir.string(), o, unbake::Execution{2});
  CHECK_THROWS_AS(vectorize_with_vocabulary(dir.string(), o, learned.terms, learned.idf), unbake::UsageError);
  o.tokenizer.stopwords = learned.stopwords;  // as "auto" chose them
  const VectorizedCorpus again =
      vectorize_with_vocabulary(dir.string(), o, learned.terms, learned.idf, unbake::Execution{3});
  CHECK(again.doc_ids == learned.doc_ids);
  CHECK(again.df == learned.df);
  CHECK(same_matrix(again.V, learned.V));

  // Unknown terms are ignored; a document with none of the terms is an empty row.
  const auto fresh = memory_documents(
      {{"new", learned.terms[0] + " unheardofword " + learned.terms[0]}, {"none", "unheardofword"}});
  const VectorizedCorpus out = vectorize_with_vocabulary(fresh, o, learned.terms, learned.idf);
  REQUIRE(out.V.rows() == 2);
  CHECK(out.V.row(0).nonZeros() == 1);
  CHECK(out.V.coeff(0, 0) == doctest::Approx(1.0));  // one term, l2-normalised
  CHECK(out.empty_documents == 1);

  std::vector<std::string> unsorted = learned.terms;
  std::swap(unsorted[0], unsorted[1]);
  CHECK_THROWS_AS(vectorize_with_vocabulary(fresh, o, unsorted, learned.idf), unbake::InputError);
  fs::remove_all(dir);
}

TEST_CASE("vectorizer: options round-trip through JSON and reject bad values") {
  VectorizerOptions o;
  o.min_df = 0.01;
  o.max_df = 500;
  o.max_features = 1000;
  o.sublinear_tf = true;
  o.use_idf = false;
  o.norm = Norm::l1;
  o.reader.max_file_mb = 8;
  o.tokenizer.ngram = 2;
  const nlohmann::json j = o;
  CHECK(j.at("reader").is_object());
  CHECK(j.at("tokenizer").is_object());
  CHECK(j.at("norm") == "l1");
  const auto back = j.get<VectorizerOptions>();
  CHECK(nlohmann::json(back) == j);
  nlohmann::json missing = j;
  missing.erase("max_df");
  CHECK_THROWS(missing.get<VectorizerOptions>());

  auto bad = [](auto change) {
    VectorizerOptions v;
    change(v);
    return v;
  };
  CHECK_NOTHROW(o.validate());
  CHECK_THROWS_AS(bad([](auto& v) { v.min_df = -1; }).validate(), unbake::UsageError);
  CHECK_THROWS_AS(bad([](auto& v) { v.min_df = 2.5; }).validate(), unbake::UsageError);
  CHECK_THROWS_AS(bad([](auto& v) { v.max_df = 0; }).validate(), unbake::UsageError);
  CHECK_THROWS_AS(bad([](auto& v) { v.max_df = 1.5; }).validate(), unbake::UsageError);
}

TEST_CASE("exact duplicates are listed in reading order, --dedupe keeps only the first of each as a row") {
  const std::vector<std::pair<std::string, std::string>> docs{
      {"a", "apples and pears"},   {"b", "plums and cherries"},
      {"c", "apples and pears"},   {"d", "apples and pears "},  // not equal
      {"e", "plums and cherries"}, {"f", "apples and pears"}};
  VectorizerOptions o;
  o.min_df = 1;
  o.max_df = 1.0;
  const VectorizedCorpus kept = vectorize(memory_documents(docs), o);
  REQUIRE(kept.duplicates.size() == 3);
  CHECK(kept.duplicates[0].id == "c");
  CHECK(kept.duplicates[0].same_as == "a");
  CHECK(kept.duplicates[1].id == "e");
  CHECK(kept.duplicates[1].same_as == "b");
  CHECK(kept.duplicates[2].id == "f");
  CHECK(kept.duplicates[2].same_as == "a");
  CHECK_FALSE(kept.deduplicated);
  CHECK(kept.V.rows() == 6);
  o.reader.dedupe = true;
  const VectorizedCorpus deduped = vectorize(memory_documents(docs), o);
  CHECK(deduped.deduplicated);
  CHECK(deduped.duplicates.size() == 3);
  CHECK(deduped.doc_ids == std::vector<std::string>{"a", "b", "d"});
  // The dropped rows count nowhere: df as if they had never been there.
  const VectorizedCorpus plain = vectorize(memory_documents({docs[0], docs[1], docs[3]}), o);
  CHECK(deduped.terms == plain.terms);
  CHECK(deduped.df == plain.df);
  CHECK(deduped.idf == plain.idf);
  CHECK(deduped.V.isApprox(plain.V, 0.0));
}

TEST_CASE("vectorizer: with stemming each column shows its most frequent word, for any thread count") {
  const std::vector<std::pair<std::string, std::string>> docs{
      {"a", "The company hired; companies merged. The company grew."},
      {"b", "Companies and the company; running runs."},
      {"c", "Runs, runs and running: the runner runs."}};
  VectorizerOptions o = loose();
  o.tokenizer.stem = "english";
  o.tokenizer.ngram = 2;
  const VectorizedCorpus one = vectorize(memory_documents(docs), o, {1});
  const VectorizedCorpus two = vectorize(memory_documents(docs), o, {2});
  REQUIRE(one.display_terms.size() == one.terms.size());
  CHECK(two.display_terms == one.display_terms);
  CHECK(&one.shown_terms() == &one.display_terms);
  auto shown = [&](const std::string& stem) {
    const auto it = std::find(one.terms.begin(), one.terms.end(), stem);
    REQUIRE(it != one.terms.end());
    return one.display_terms[static_cast<std::size_t>(it - one.terms.begin())];
  };
  CHECK(shown("compani") == "company");  // 4 times against 3 "companies"
  CHECK(shown("run") == "runs");         // 5 "runs" against 3 "running"
  CHECK(shown("compani hire") == "company hired");
  // Without stemming there is nothing to show apart from the terms.
  o.tokenizer.stem.clear();
  const VectorizedCorpus plain = vectorize(memory_documents(docs), o, {1});
  CHECK(plain.display_terms.empty());
  CHECK(&plain.shown_terms() == &plain.terms);
}
