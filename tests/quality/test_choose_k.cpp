#include <doctest/doctest.h>

#include <string>

#include <unbake/core/errors.hpp>
#include <unbake/quality/choose_k.hpp>

using unbake::quality::choose_k;
using unbake::quality::KScore;

TEST_CASE("the most stable interior peak wins over a more stable edge of the range") {
  // The shape of a real sweep: k = 2 is the coarse, stable split.
  std::vector<KScore> scores{{2, 0.90, 0.22}, {3, 0.69, 0.26}, {4, 0.80, 0.30}, {5, 0.86, 0.35},
                             {6, 0.83, 0.39}, {7, 0.68, 0.38}, {8, 0.70, 0.38}, {9, 0.68, 0.43}};
  auto choice = choose_k(scores);
  CHECK(scores[choice.index].k == 5);
  CHECK(choice.reason.find("k = 2") != std::string::npos);  // the edge maximum is mentioned
}

TEST_CASE("coherence breaks near-ties between peaks, and only near-ties") {
  std::vector<KScore> scores{{2, 0.5, 0.1}, {3, 0.80, 0.20}, {4, 0.6, 0.5}, {5, 0.79, 0.40}, {6, 0.5, 0.9}};
  CHECK(scores[choose_k(scores).index].k == 5);  // 0.79 is within 0.02 of 0.80 and more coherent
  CHECK(scores[choose_k(scores, 0.005).index].k == 3);
  scores[3].stability = 0.70;  // no longer a near-tie
  CHECK(scores[choose_k(scores).index].k == 3);
}

TEST_CASE("without an interior peak every k is a candidate") {
  std::vector<KScore> falling{{2, 0.9, 0.1}, {3, 0.8, 0.2}, {4, 0.7, 0.3}};
  CHECK(choose_k(falling).index == 0);
  std::vector<KScore> rising{{2, 0.7, 0.1}, {3, 0.8, 0.2}, {4, 0.9, 0.3}};
  CHECK(choose_k(rising).index == 2);
  std::vector<KScore> two{{4, 0.6, 0.3}, {8, 0.61, 0.2}};
  CHECK(choose_k(two).index == 0);  // near-tie, more coherent
  CHECK(choose_k({{7, 0.5, 0.0}}).index == 0);
  CHECK_THROWS_AS(choose_k({}), unbake::UsageError);
}

TEST_CASE("a choice at an edge of the range says so and suggests a wider range, an interior one does not") {
  std::vector<KScore> falling{{2, 0.9, 0.1}, {3, 0.8, 0.2}, {4, 0.7, 0.3}};
  auto low = choose_k(falling);
  CHECK(low.at_edge);
  CHECK(low.reason.find("lower edge of the range") != std::string::npos);
  CHECK(low.reason.find("-k") == std::string::npos);  // k = 2 cannot go lower
  std::vector<KScore> from_five{{5, 0.9, 0.1}, {6, 0.8, 0.2}, {8, 0.7, 0.3}};
  CHECK(choose_k(from_five).reason.find("widen the range (-k 2:8)") != std::string::npos);
  std::vector<KScore> rising{{2, 0.7, 0.1}, {3, 0.8, 0.2}, {4, 0.9, 0.3}};
  auto high = choose_k(rising);
  CHECK(high.at_edge);
  CHECK(high.reason.find("upper edge of the range swept, so a better k above it is not ruled out: widen the "
                         "range (-k 2:6)") != std::string::npos);
  std::vector<KScore> peak{{2, 0.5, 0.1}, {3, 0.9, 0.2}, {4, 0.6, 0.3}};
  auto inside = choose_k(peak);
  CHECK_FALSE(inside.at_edge);
  CHECK(inside.reason.find("edge") == std::string::npos);
  CHECK_FALSE(choose_k({{7, 0.5, 0.0}}).at_edge);  // one k has no range to widen
}
