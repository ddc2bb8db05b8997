#include <doctest/doctest.h>

#include <cmath>

#include <unbake/core/errors.hpp>
#include <unbake/text/tfidf.hpp>

using namespace unbake::text;

namespace {
// Three documents over terms (a, b, c):
//   doc 0: a a b      doc 1: b c c c      doc 2: (nothing)
CountRows tiny() {
  CountRows r;
  r.row_start = {0, 2, 4, 4};
  r.cols = {0, 1, 1, 2};
  r.counts = {2, 1, 1, 3};
  r.n_cols = 3;
  return r;
}
// idf = ln((1 + n) / (1 + df)) + 1 with n = 3, df = (1, 2, 1).
const double kIdfA = std::log(4.0 / 2.0) + 1, kIdfB = std::log(4.0 / 3.0) + 1,
             kIdfC = std::log(4.0 / 2.0) + 1;

void check_row(const SparseMatrix& m, int row, std::vector<double> expected) {
  for (int c = 0; c < 3; ++c) CHECK(m.coeff(row, c) == doctest::Approx(expected[c]).epsilon(1e-14));
}
std::vector<double> scaled(std::vector<double> v, Norm norm) {
  double s = 0;
  for (double x : v) s += norm == Norm::l2 ? x * x : std::abs(x);
  if (norm == Norm::l2) s = std::sqrt(s);
  if (norm != Norm::none)
    for (double& x : v) x /= s;
  return v;
}
}  // namespace

TEST_CASE("tfidf: smoothed idf follows ln((1+n)/(1+df))+1") {
  const Eigen::VectorXd idf = smooth_idf({1, 2, 1}, 3);
  REQUIRE(idf.size() == 3);
  CHECK(idf[0] == doctest::Approx(kIdfA).epsilon(1e-15));
  CHECK(idf[1] == doctest::Approx(kIdfB).epsilon(1e-15));
  CHECK(idf[2] == doctest::Approx(kIdfC).epsilon(1e-15));
  CHECK(smooth_idf({5}, 5)[0] == 1.0);  // a term in every document keeps weight 1
}

TEST_CASE("tfidf: every combination of tf, idf and norm matches the formula") {
  const Eigen::VectorXd idf = smooth_idf({1, 2, 1}, 3);
  for (bool sublinear : {false, true}) {
    for (bool use_idf : {true, false}) {
      for (Norm norm : {Norm::l2, Norm::l1, Norm::none}) {
        CAPTURE(sublinear);
        CAPTURE(use_idf);
        CAPTURE(to_string(norm));
        const SparseMatrix m = weight_counts(tiny(), idf, Weighting{sublinear, use_idf, norm});
        REQUIRE(m.rows() == 3);
        REQUIRE(m.cols() == 3);
        CHECK(m.nonZeros() == 4);
        auto tf = [&](double count) { return sublinear ? 1 + std::log(count) : count; };
        const double ia = use_idf ? kIdfA : 1, ib = use_idf ? kIdfB : 1, ic = use_idf ? kIdfC : 1;
        check_row(m, 0, scaled({tf(2) * ia, tf(1) * ib, 0}, norm));
        check_row(m, 1, scaled({0, tf(1) * ib, tf(3) * ic}, norm));
        check_row(m, 2, {0, 0, 0});
      }
    }
  }
}

TEST_CASE("tfidf: rows reach unit norm and keep sorted columns") {
  const Eigen::VectorXd idf = smooth_idf({1, 2, 1}, 3);
  const SparseMatrix l2 = weight_counts(tiny(), idf, Weighting{false, true, Norm::l2});
  const SparseMatrix l1 = weight_counts(tiny(), idf, Weighting{false, true, Norm::l1});
  for (int r = 0; r < 2; ++r) {
    CHECK(l2.row(r).norm() == doctest::Approx(1.0));
    CHECK(l1.row(r).cwiseAbs().sum() == doctest::Approx(1.0));
  }
  CHECK(l2.isCompressed());
  for (int r = 0; r < l2.outerSize(); ++r)
    for (int i = l2.outerIndexPtr()[r] + 1; i < l2.outerIndexPtr()[r + 1]; ++i)
      CHECK(l2.innerIndexPtr()[i - 1] < l2.innerIndexPtr()[i]);
}

TEST_CASE("tfidf: norm names round-trip and unknown names are usage errors") {
  for (Norm n : {Norm::l2, Norm::l1, Norm::none}) CHECK(parse_norm(to_string(n)) == n);
  CHECK_THROWS_AS(parse_norm("l3"), unbake::UsageError);
  CHECK_THROWS_AS(weight_counts(tiny(), Eigen::VectorXd::Ones(2), Weighting{}), unbake::UsageError);
}
