// Topics against known labels: NMI and ARI as properties (a relabelling of
// the same partition scores 1, splitting every label evenly scores 0) and on
// a small case worked by hand; empty documents and unlabelled ones do not count.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <unbake/quality/label_agreement.hpp>

using unbake::quality::label_agreement;

TEST_CASE("the same partition under other names scores NMI 1 and ARI 1") {
  const std::vector<std::optional<int>> dominant{2, 2, 0, 0, 1, 1, 1};
  const std::vector<std::string> labels{"x", "x", "y", "y", "z", "z", "z"};
  const auto a = label_agreement(dominant, labels, 3, "folder");
  CHECK(a.nmi == doctest::Approx(1.0).epsilon(1e-12));
  CHECK(a.ari == doctest::Approx(1.0).epsilon(1e-12));
  CHECK(a.documents == 7);
  CHECK(a.labels == 3);
  REQUIRE(a.topics.size() == 3);
  CHECK(a.topics[2].labels == std::map<std::string, long>{{"x", 2}});
  CHECK(a.topics[1].labels == std::map<std::string, long>{{"z", 3}});
}

TEST_CASE("topics that split every label evenly carry no information: NMI 0") {
  // Each topic holds one document of each label.
  const std::vector<std::optional<int>> dominant{0, 0, 1, 1};
  const std::vector<std::string> labels{"a", "b", "a", "b"};
  const auto a = label_agreement(dominant, labels, 2, "label");
  CHECK(a.nmi == doctest::Approx(0.0).epsilon(1e-12));
  // ARI of this contingency by its formula: index 0, expected (1·1)/6, max 1 → -0.5.
  CHECK(a.ari == doctest::Approx(-0.5).epsilon(1e-12));
}

TEST_CASE("a small case by hand, empty and unlabelled documents are left out, unused topics are listed") {
  // Scored: topic 0 = {a, a, b}, topic 1 = {b}. n = 4.
  const std::vector<std::optional<int>> dominant{0, 0, 0, 1, std::nullopt, 1};
  const std::vector<std::string> labels{"a", "a", "b", "b", "a", ""};
  const auto r = label_agreement(dominant, labels, 3, "label");
  CHECK(r.documents == 4);
  CHECK(r.topics.size() == 3);
  CHECK(r.topics[2].labels.empty());
  // MI = Σ p_tl log(p_tl / (p_t p_l)) with p_t = (3/4, 1/4), p_l = (1/2, 1/2).
  const double mi = 0.5 * std::log(0.5 / (0.75 * 0.5)) + 0.25 * std::log(0.25 / (0.75 * 0.5)) +
                    0.25 * std::log(0.25 / (0.25 * 0.5));
  const double ht = -(0.75 * std::log(0.75) + 0.25 * std::log(0.25)), hl = std::log(2.0);
  CHECK(r.nmi == doctest::Approx(mi / ((ht + hl) / 2)).epsilon(1e-12));
  // Pairs: within cells C(2,2) = 1; rows C(3,2) + 0 = 3; columns 1 + 1 = 2; all C(4,2) = 6.
  const double expected = 3.0 * 2.0 / 6.0;
  CHECK(r.ari == doctest::Approx((1 - expected) / ((3 + 2) / 2.0 - expected)).epsilon(1e-12));
}
