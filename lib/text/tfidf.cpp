#include <unbake/text/tfidf.hpp>

#include <cmath>

#include <unbake/core/errors.hpp>

namespace unbake::text {

std::string to_string(Norm norm) {
  switch (norm) {
    case Norm::l2:
      return "l2";
    case Norm::l1:
      return "l1";
    case Norm::none:
      return "none";
  }
  return "none";
}

Norm parse_norm(std::string_view name) {
  if (name == "l2") return Norm::l2;
  if (name == "l1") return Norm::l1;
  if (name == "none") return Norm::none;
  throw UsageError("norm", "must be l2, l1 or none, got '" + std::string(name) + "'");
}

Eigen::VectorXd smooth_idf(const std::vector<std::uint32_t>& df, std::size_t n_docs) {
  Eigen::VectorXd idf(static_cast<Eigen::Index>(df.size()));
  const double n1 = static_cast<double>(n_docs) + 1.0;
  for (std::size_t t = 0; t < df.size(); ++t)
    idf[static_cast<Eigen::Index>(t)] = std::log(n1 / (static_cast<double>(df[t]) + 1.0)) + 1.0;
  return idf;
}

SparseMatrix weight_counts(const CountRows& counts, const Eigen::VectorXd& idf, const Weighting& w) {
  const auto rows = static_cast<Eigen::Index>(counts.rows());
  const auto nnz = static_cast<Eigen::Index>(counts.cols.size());
  if (w.use_idf && static_cast<std::size_t>(idf.size()) != counts.n_cols)
    throw UsageError("idf has " + std::to_string(idf.size()) + " entries for " +
                     std::to_string(counts.n_cols) + " terms");
  SparseMatrix m(rows, static_cast<Eigen::Index>(counts.n_cols));
  m.resizeNonZeros(nnz);
  int* outer = m.outerIndexPtr();
  int* inner = m.innerIndexPtr();
  double* values = m.valuePtr();
  for (Eigen::Index r = 0; r <= rows; ++r) outer[r] = static_cast<int>(counts.row_start[r]);
  for (Eigen::Index i = 0; i < nnz; ++i) {
    inner[i] = counts.cols[i];
    double tf = counts.counts[i];
    if (w.sublinear_tf) tf = 1.0 + std::log(tf);
    values[i] = w.use_idf ? tf * idf[counts.cols[i]] : tf;
  }
  if (w.norm == Norm::none) return m;
  // Summed in column order, so the result never depends on threads.
  for (Eigen::Index r = 0; r < rows; ++r) {
    double norm = 0;
    for (int i = outer[r]; i < outer[r + 1]; ++i)
      norm += w.norm == Norm::l2 ? values[i] * values[i] : std::abs(values[i]);
    if (w.norm == Norm::l2) norm = std::sqrt(norm);
    if (norm == 0) continue;
    for (int i = outer[r]; i < outer[r + 1]; ++i) values[i] /= norm;
  }
  return m;
}

}  // namespace unbake::text
