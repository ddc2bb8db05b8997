#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include <unbake/core/errors.hpp>
#include <unbake/quality/matching.hpp>

using unbake::nmf::Matrix;
using unbake::quality::min_cost_assignment;

namespace {

double total(const Matrix& cost, const std::vector<long>& column) {
  double sum = 0;
  for (long r = 0; r < cost.rows(); ++r) sum += cost(r, column[static_cast<std::size_t>(r)]);
  return sum;
}

double brute_force_minimum(const Matrix& cost) {
  std::vector<long> perm(static_cast<std::size_t>(cost.rows()));
  std::iota(perm.begin(), perm.end(), 0L);
  double best = total(cost, perm);
  while (std::next_permutation(perm.begin(), perm.end())) best = std::min(best, total(cost, perm));
  return best;
}

bool is_permutation_of_columns(std::vector<long> column) {
  std::sort(column.begin(), column.end());
  for (std::size_t i = 0; i < column.size(); ++i)
    if (column[i] != static_cast<long>(i)) return false;
  return true;
}

}  // namespace

TEST_CASE("the assignment is optimal: equal cost to brute force over every permutation") {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(-1.0, 3.0);
  std::uniform_int_distribution<int> small(0, 3);
  for (int trial = 0; trial < 200; ++trial) {
    const long n = 1 + trial % 7;
    Matrix cost(n, n);
    // Every other matrix takes few distinct values, so ties are common.
    for (long i = 0; i < n; ++i)
      for (long j = 0; j < n; ++j) cost(i, j) = trial % 2 ? u(rng) : small(rng);
    auto column = min_cost_assignment(cost);
    REQUIRE(column.size() == static_cast<std::size_t>(n));
    CHECK(is_permutation_of_columns(column));
    CHECK(total(cost, column) == doctest::Approx(brute_force_minimum(cost)).epsilon(1e-12));
  }
}

TEST_CASE("ties are broken the same way every time") {
  Matrix cost = Matrix::Zero(5, 5);
  auto first = min_cost_assignment(cost);
  CHECK(is_permutation_of_columns(first));
  CHECK(min_cost_assignment(cost) == first);
}

TEST_CASE("a clear best match is found") {
  Matrix cost(3, 3);
  cost << 5, 1, 5,  //
      5, 5, 1,      //
      1, 5, 5;
  CHECK(min_cost_assignment(cost) == std::vector<long>{1, 2, 0});
}

TEST_CASE("empty and non-square inputs") {
  CHECK(min_cost_assignment(Matrix(0, 0)).empty());
  CHECK_THROWS_AS(min_cost_assignment(Matrix::Zero(2, 3)), unbake::UsageError);
}
