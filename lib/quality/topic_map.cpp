#include <unbake/quality/topic_map.hpp>

#include <algorithm>
#include <cmath>

#include <Eigen/Eigenvalues>

#include <unbake/core/threads.hpp>
#include "text/vectorizer_workers.hpp"

namespace unbake::quality {

nmf::Matrix word_distributions(const nmf::Matrix& H, double epsilon) {
  nmf::Matrix P = H.array() + epsilon;
  for (Eigen::Index t = 0; t < P.rows(); ++t) P.row(t) /= P.row(t).sum();
  return P;
}

nmf::Matrix jensen_shannon_distances(const nmf::Matrix& H, int threads) {
  const Eigen::Index k = H.rows();
  // Rows as unit-sum distributions, one row per contiguous block.
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> P = H;
  for (Eigen::Index t = 0; t < k; ++t)
    if (const double s = P.row(t).sum(); s > 0) P.row(t) /= s;
  std::vector<std::vector<Eigen::Index>> nonzero(static_cast<std::size_t>(k));
  for (Eigen::Index t = 0; t < k; ++t)
    for (Eigen::Index j = 0; j < P.cols(); ++j)
      if (P(t, j) > 0) nonzero[static_cast<std::size_t>(t)].push_back(j);
  nmf::Matrix D = nmf::Matrix::Zero(k, k);
  std::vector<std::pair<Eigen::Index, Eigen::Index>> pairs;
  for (Eigen::Index a = 0; a < k; ++a)
    for (Eigen::Index b = a + 1; b < k; ++b) pairs.emplace_back(a, b);
  const int workers = std::max(1, std::min<int>(resolve_threads(threads), static_cast<int>(pairs.size())));
  text::run_workers(workers, [&](int w) {
    for (std::size_t i = static_cast<std::size_t>(w); i < pairs.size();
         i += static_cast<std::size_t>(workers)) {
      const auto [a, b] = pairs[i];
      // Where only one row has weight, the divergence gains half of it
      // (log2 2 = 1); the rows sum to 1, so only the words both rows have
      // need a logarithm: walk the shorter list of non-zeros.
      const auto& shorter = nonzero[a].size() <= nonzero[b].size() ? nonzero[a] : nonzero[b];
      const double* pa = P.row(a).data();
      const double* pb = P.row(b).data();
      double both_p = 0, both_q = 0, shared = 0;
      for (const Eigen::Index j : shorter) {
        const double p = pa[j], q = pb[j];
        if (p == 0 || q == 0) continue;
        both_p += p;
        both_q += q;
        const double m = 0.5 * (p + q);
        shared += 0.5 * (p * std::log2(p / m) + q * std::log2(q / m));
      }
      const double mass_a = nonzero[a].empty() ? 0.0 : 1.0, mass_b = nonzero[b].empty() ? 0.0 : 1.0;
      const double divergence = shared + 0.5 * ((mass_a - both_p) + (mass_b - both_q));
      D(a, b) = D(b, a) = std::sqrt(std::clamp(divergence, 0.0, 1.0));
    }
  });
  return D;
}

std::vector<std::array<double, 2>> classical_mds(const nmf::Matrix& distances) {
  const Eigen::Index k = distances.rows();
  std::vector<std::array<double, 2>> out(static_cast<std::size_t>(k), {0.0, 0.0});
  if (k < 2) return out;
  // B = -1/2 J D² J with J the centring matrix.
  nmf::Matrix B = distances.array().square().matrix();
  const Eigen::VectorXd row_mean = B.rowwise().mean();
  const double mean = row_mean.mean();
  for (Eigen::Index i = 0; i < k; ++i)
    for (Eigen::Index j = 0; j < k; ++j) B(i, j) = -0.5 * (B(i, j) - row_mean[i] - row_mean[j] + mean);
  const Eigen::SelfAdjointEigenSolver<nmf::Matrix> eigen(B);
  // Eigenvalues come in increasing order: the last two lead.
  for (int axis = 0; axis < 2 && axis < k; ++axis) {
    const Eigen::Index c = k - 1 - axis;
    const double lambda = std::max(0.0, eigen.eigenvalues()[c]);
    Eigen::VectorXd v = eigen.eigenvectors().col(c) * std::sqrt(lambda);
    Eigen::Index largest = 0;
    v.cwiseAbs().maxCoeff(&largest);
    if (v[largest] < 0) v = -v;
    for (Eigen::Index i = 0; i < k; ++i)
      out[static_cast<std::size_t>(i)][static_cast<std::size_t>(axis)] = v[i];
  }
  return out;
}

}  // namespace unbake::quality
