#include <doctest/doctest.h>

#include <numeric>

#include <unbake/report/topics.hpp>

using unbake::nmf::Matrix;
using unbake::report::summarize_topics;
using unbake::report::TopicsOptions;

namespace {
// Three documents over four terms: doc 0 is all topic A, doc 1 mostly B, doc 2 empty.
struct Fixture {
  Matrix W{3, 2};
  Matrix H{2, 4};
  std::vector<std::string> terms{"apple", "banana", "cherry", "date"};
  std::vector<std::string> docs{"a.txt", "b.txt", "c.txt"};
  Fixture() {
    W << 2.0, 0.0,  //
        0.5, 1.5,   //
        0.0, 0.0;
    H << 0.1, 0.0, 0.6, 0.3,  //
        0.5, 0.5, 0.0, 0.0;
  }
};
}  // namespace

TEST_CASE("topics: mixtures sum to one, empty documents get zeros and no dominant topic") {
  Fixture f;
  auto s = summarize_topics(f.W, f.H, f.terms, f.docs, TopicsOptions{});
  REQUIRE(s.documents.size() == 3);
  for (int i = 0; i < 2; ++i) {
    const auto& mix = s.documents[static_cast<std::size_t>(i)].mixture;
    CHECK(std::accumulate(mix.begin(), mix.end(), 0.0) == doctest::Approx(1.0));
    CHECK(s.documents[static_cast<std::size_t>(i)].dominant.has_value());
  }
  CHECK(s.documents[2].mixture == std::vector<double>{0.0, 0.0});
  CHECK_FALSE(s.documents[2].dominant.has_value());
}

TEST_CASE("topics: ordered by prevalence, which sums to one over non-empty documents") {
  Fixture f;
  auto s = summarize_topics(f.W, f.H, f.terms, f.docs, TopicsOptions{});
  REQUIRE(s.topics.size() == 2);
  // Factor 0 holds 1 + 0.25 of the two documents' attention, factor 1 holds 0.75.
  CHECK(s.topics[0].factor == 0);
  CHECK(s.topics[0].prevalence == doctest::Approx(1.25 / 2));
  CHECK(s.topics[1].prevalence == doctest::Approx(0.75 / 2));
  CHECK(s.topics[0].prevalence + s.topics[1].prevalence == doctest::Approx(1.0));
  CHECK(s.topics[0].prevalence >= s.topics[1].prevalence);
  CHECK(s.topics[0].dominant_documents + s.topics[1].dominant_documents == 2);
}

TEST_CASE("topics: words ranked by weight with ties broken by term, zero weights never listed") {
  Fixture f;
  TopicsOptions o;
  o.label_words = 2;
  auto s = summarize_topics(f.W, f.H, f.terms, f.docs, o);
  const auto& a = s.topics[0];
  REQUIRE(a.words.size() == 3);  // "banana" has weight 0 in topic A
  CHECK(a.words[0].word == "cherry");
  CHECK(a.words[1].word == "date");
  CHECK(a.words[2].word == "apple");
  CHECK(a.label == "cherry, date");
  const auto& b = s.topics[1];
  REQUIRE(b.words.size() == 2);
  CHECK(b.words[0].word == "apple");  // tie with banana: term bytes decide
  CHECK(b.words[1].word == "banana");
}

TEST_CASE("topics: top documents exclude documents without the topic") {
  Fixture f;
  auto s = summarize_topics(f.W, f.H, f.terms, f.docs, TopicsOptions{});
  REQUIRE(s.topics[1].top_documents.size() == 1);
  CHECK(s.topics[1].top_documents[0].path == "b.txt");
  CHECK(s.topics[1].top_documents[0].weight == doctest::Approx(0.75));
  CHECK(s.topics[0].top_documents[0].path == "a.txt");
}

TEST_CASE("topics: options are validated") {
  TopicsOptions o;
  o.top_words = 0;
  CHECK_THROWS(o.validate());
}
