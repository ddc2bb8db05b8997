#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include <unbake/core/errors.hpp>
#include <unbake/quality/coherence.hpp>

using unbake::nmf::Matrix;
using unbake::nmf::SparseMatrix;
using unbake::quality::exclusivity;
using unbake::quality::npmi_coherence;
using unbake::quality::topic_diversity;

namespace {

// Documents as lists of the columns they contain. Weights vary on purpose:
// only whether an entry is non-zero may matter.
SparseMatrix incidence(const std::vector<std::vector<int>>& docs, long terms) {
  std::vector<Eigen::Triplet<double>> entries;
  for (std::size_t d = 0; d < docs.size(); ++d)
    for (int c : docs[d])
      entries.emplace_back(static_cast<int>(d), c, 0.1 + 0.7 * c + 0.3 * static_cast<double>(d));
  SparseMatrix V(static_cast<long>(docs.size()), terms);
  V.setFromTriplets(entries.begin(), entries.end());
  return V;
}

// Terms a b c d e = columns 0..4 over four documents, the last one empty.
//   a: docs 0 1     b: docs 0 2     c: docs 0 1     d: docs 0 1     e: doc 2
const std::vector<std::vector<int>> kDocs{{0, 1, 2, 3}, {0, 2, 3}, {1, 4}, {}};
constexpr long a = 0, b = 1, c = 2, d = 3, e = 4;

}  // namespace

TEST_CASE("coherence: hand-computed pairs over four documents, the empty one counted") {
  SparseMatrix V = incidence(kDocs, 5);
  // (a, b): P(a) = P(b) = 2/4, P(a,b) = 1/4 -> ln(0.25 / 0.25) / -ln 0.25 = 0.
  // Were the empty document left out, P(a,b) = 1/3 and P(a)P(b) = 4/9: not 0.
  // (c, d): always together, P = 2/4 each and jointly -> ln(0.5/0.25) / -ln 0.5 = 1.
  // (a, e): never together -> -1.
  // (b, e): P(b) = 1/2, P(e) = 1/4, P(b,e) = 1/4 -> ln(0.25/0.125) / -ln 0.25 = ln 2 / (2 ln 2) = 0.5.
  auto pairs = npmi_coherence(V, {{a, b}, {c, d}, {a, e}, {b, e}});
  REQUIRE(pairs.size() == 4);
  CHECK(pairs[0] == doctest::Approx(0.0));
  CHECK(pairs[1] == doctest::Approx(1.0));
  CHECK(pairs[2] == -1.0);
  CHECK(pairs[3] == doctest::Approx(0.5));

  // A topic is the mean of its pairs: {a, b, e} -> (0 + (-1) + 0.5) / 3 = -1/6;
  // word order does not matter.
  auto topics = npmi_coherence(V, {{a, b, e}, {e, b, a}});
  CHECK(topics[0] == doctest::Approx(-1.0 / 6.0));
  CHECK(topics[1] == topics[0]);
}

TEST_CASE("coherence: a general case against the formula, independent of the other topics") {
  // Ten documents: x (column 0) in six, y (column 1) in three, both in two; z
  // (column 2) fills the rest so no row is special.
  std::vector<std::vector<int>> docs{{0, 1}, {0, 1}, {0}, {0}, {0}, {0}, {1}, {2}, {2}, {2}};
  SparseMatrix V = incidence(docs, 3);
  // P(x,y) = 0.2, P(x) P(y) = 0.6 * 0.3 = 0.18 -> ln(0.2/0.18) / -ln 0.2 = ln(10/9) / ln 5 ≈ 0.0655.
  const double expected = std::log(10.0 / 9.0) / std::log(5.0);
  CHECK(npmi_coherence(V, {{0, 1}})[0] == doctest::Approx(expected).epsilon(1e-12));
  // The same topic next to others (which widen the set of collected words).
  auto several = npmi_coherence(V, {{2, 0}, {0, 1}, {1, 2}});
  CHECK(several[1] == doctest::Approx(expected).epsilon(1e-12));
  // (z, x) and (y, z) never co-occur.
  CHECK(several[0] == -1.0);
  CHECK(several[2] == -1.0);
}

TEST_CASE("coherence: a pair in every document scores 1, fewer than two words score 0") {
  SparseMatrix V = incidence({{0, 1}, {0, 1, 2}, {0, 1}}, 3);
  auto scores = npmi_coherence(V, {{0, 1}, {2}, {}});
  CHECK(scores[0] == 1.0);
  CHECK(scores[1] == 0.0);
  CHECK(scores[2] == 0.0);
}

TEST_CASE("coherence: scores lie in [-1, 1] and a column outside V is a usage error") {
  SparseMatrix V = incidence(kDocs, 5);
  for (double s : npmi_coherence(V, {{a, b, c, d, e}, {e, d}, {b, c}})) {
    CHECK(s >= -1.0);
    CHECK(s <= 1.0);
  }
  CHECK_THROWS_AS(npmi_coherence(V, {{a, 5}}), unbake::UsageError);
  CHECK_THROWS_AS(npmi_coherence(V, {{-1, a}}), unbake::UsageError);
}

TEST_CASE("diversity: distinct words over words looked at") {
  CHECK(topic_diversity({{0, 1, 2}, {3, 4, 5}}, 3) == 1.0);
  // k identical topics: n distinct words out of n k.
  CHECK(topic_diversity({{0, 1, 2}, {0, 1, 2}, {0, 1, 2}, {0, 1, 2}}, 3) == doctest::Approx(0.25));
  // Only the first n of each list count: {0, 1} and {0, 3} -> 3 distinct of 4.
  CHECK(topic_diversity({{0, 1, 2}, {0, 3, 4}}, 2) == doctest::Approx(0.75));
  // A short list counts the words it has: {0, 1, 2} and {0} -> 3 distinct of 4.
  CHECK(topic_diversity({{0, 1, 2}, {0}}, 25) == doctest::Approx(0.75));
  CHECK(topic_diversity({{}, {}}, 25) == 0.0);
  CHECK_THROWS_AS(topic_diversity({{0}}, 0), unbake::UsageError);
}

TEST_CASE("exclusivity: disjoint topics own their words, identical topics share them") {
  Matrix disjoint(2, 4);
  disjoint << 0.7, 0.3, 0.0, 0.0,  //
      0.0, 0.0, 0.4, 0.6;
  for (double x : exclusivity(disjoint, {{0, 1}, {3, 2}})) CHECK(x == doctest::Approx(1.0));

  Matrix same(3, 3);
  same.rowwise() = Eigen::RowVector3d(0.5, 0.3, 0.2);
  for (double x : exclusivity(same, {{0, 1, 2}, {0, 1}, {0}})) CHECK(x == doctest::Approx(1.0 / 3.0));

  // Mixed: topic 0 holds 3/4 of word 0 and 1/2 of word 1 -> (3/4 + 1/2) / 2.
  Matrix mixed(2, 2);
  mixed << 3.0, 1.0,  //
      1.0, 1.0;
  auto x = exclusivity(mixed, {{0, 1}, {1}});
  CHECK(x[0] == doctest::Approx(0.625));
  CHECK(x[1] == doctest::Approx(0.5));

  CHECK(exclusivity(mixed, {{}, {1}})[0] == 0.0);
  CHECK_THROWS_AS(exclusivity(mixed, {{0}}), unbake::UsageError);
  CHECK_THROWS_AS(exclusivity(mixed, {{0}, {2}}), unbake::UsageError);
}
