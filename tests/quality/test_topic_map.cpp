// The intertopic map's pieces: Jensen–Shannon distances and classical
// multidimensional scaling, against cases whose answers are known.
#include <doctest/doctest.h>

#include <cmath>

#include <unbake/quality/topic_map.hpp>

using unbake::nmf::Matrix;
namespace q = unbake::quality;

TEST_CASE("topic map: Jensen-Shannon distance is 0 for equal rows, 1 for disjoint ones, and symmetric") {
  Matrix H(3, 4);
  H << 1, 2, 0, 0,  //
      2, 4, 0, 0,   // the first row scaled: the same distribution
      0, 0, 3, 1;   // no word in common with the others
  const Matrix D = q::jensen_shannon_distances(H);
  CHECK(D(0, 1) == doctest::Approx(0));
  CHECK(D(0, 2) == doctest::Approx(1));
  // Against the formula computed directly on two overlapping rows.
  Matrix two(2, 2);
  two << 0.5, 0.5, 1, 0;
  const double m0 = 0.75, m1 = 0.25;
  const double js = 0.5 * (0.5 * std::log2(0.5 / m0) + 0.5 * std::log2(0.5 / m1)) + 0.5 * std::log2(1 / m0);
  CHECK(q::jensen_shannon_distances(two)(0, 1) == doctest::Approx(std::sqrt(js)));
  CHECK(D(2, 1) == doctest::Approx(D(1, 2)));
  for (int i = 0; i < 3; ++i) CHECK(D(i, i) == 0);
  const Matrix P = q::word_distributions(H);
  for (int t = 0; t < 3; ++t) {
    CHECK(P.row(t).sum() == doctest::Approx(1));
    CHECK(P.row(t).minCoeff() > 0);  // smoothed: no exact zero
  }
}

TEST_CASE("topic map: classical MDS of planar points gives back their distances, with fixed signs") {
  // Five points in the plane; MDS recovers them up to rotation and reflection.
  const double pts[5][2] = {{0, 0}, {3, 0}, {0, 4}, {3, 4}, {1, 1}};
  Matrix D(5, 5);
  for (int a = 0; a < 5; ++a)
    for (int b = 0; b < 5; ++b) D(a, b) = std::hypot(pts[a][0] - pts[b][0], pts[a][1] - pts[b][1]);
  const auto xy = q::classical_mds(D);
  REQUIRE(xy.size() == 5);
  for (int a = 0; a < 5; ++a)
    for (int b = 0; b < 5; ++b)
      CHECK(std::hypot(xy[a][0] - xy[b][0], xy[a][1] - xy[b][1]) == doctest::Approx(D(a, b)).epsilon(1e-9));
  // Each axis's largest coordinate is positive, so the picture never flips between runs.
  for (int axis = 0; axis < 2; ++axis) {
    double largest = 0;
    for (const auto& p : xy)
      if (std::abs(p[axis]) > std::abs(largest)) largest = p[axis];
    CHECK(largest > 0);
  }
  CHECK(q::classical_mds(Matrix::Zero(1, 1)).size() == 1);
}
