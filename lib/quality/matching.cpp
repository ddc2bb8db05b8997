#include <unbake/quality/matching.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include <unbake/core/errors.hpp>

namespace unbake::quality {

// Kuhn–Munkres with row and column potentials (u, v), adding one row at a
// time and growing a shortest augmenting path by Dijkstra over reduced costs:
// O(n³). Index 0 of the column arrays is a virtual column holding the row
// being inserted. Ties go to the lowest column index (strict comparisons in
// a fixed scan order), so equal inputs always give the same assignment.
std::vector<long> min_cost_assignment(const nmf::Matrix& cost) {
  const long n = cost.rows();
  if (cost.cols() != n)
    throw UsageError("assignment needs a square cost matrix, got " + std::to_string(cost.rows()) + " x " +
                     std::to_string(cost.cols()));
  if (n == 0) return {};
  for (long i = 0; i < n; ++i)
    for (long j = 0; j < n; ++j)
      if (!std::isfinite(cost(i, j))) throw UsageError("assignment cost matrix has a non-finite entry");

  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1, 0), v(n + 1, 0);
  std::vector<long> row_of(n + 1, 0);  // row_of[j]: row (1-based) assigned to column j, 0 = free
  std::vector<long> way(n + 1, 0);     // previous column on the shortest path
  std::vector<double> minv(n + 1);
  std::vector<char> used(n + 1);

  for (long i = 1; i <= n; ++i) {
    row_of[0] = i;
    long j0 = 0;
    std::fill(minv.begin(), minv.end(), inf);
    std::fill(used.begin(), used.end(), 0);
    do {
      used[j0] = 1;
      const long i0 = row_of[j0];
      double delta = inf;
      long j1 = 0;
      for (long j = 1; j <= n; ++j) {
        if (used[j]) continue;
        const double reduced = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (reduced < minv[j]) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (long j = 0; j <= n; ++j) {
        if (used[j]) {
          u[row_of[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (row_of[j0] != 0);
    // Flip the augmenting path back to the virtual column.
    do {
      const long j1 = way[j0];
      row_of[j0] = row_of[j1];
      j0 = j1;
    } while (j0 != 0);
  }

  std::vector<long> column(n, -1);
  for (long j = 1; j <= n; ++j) column[row_of[j] - 1] = j - 1;
  return column;
}

}  // namespace unbake::quality
