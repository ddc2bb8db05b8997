#pragma once
// TF-IDF weights exactly as scikit-learn's TfidfVectorizer computes them:
// tf = raw count (or 1 + ln(count) when sublinear), idf = ln((1 + n) / (1 + df)) + 1
// (smoothed), each row then scaled to unit l2 or l1 norm (or left as is).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>
#include <Eigen/Sparse>

namespace unbake::text {

using SparseMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor>;

enum class Norm { l2, l1, none };
std::string to_string(Norm norm);
Norm parse_norm(std::string_view name);  // "l2", "l1" or "none"; throws UsageError

// Term counts per document in CSR layout, columns ascending within each row.
struct CountRows {
  std::vector<std::int64_t> row_start{0};  // rows + 1 entries
  std::vector<std::int32_t> cols;
  std::vector<std::uint32_t> counts;
  std::size_t n_cols = 0;
  std::size_t rows() const { return row_start.size() - 1; }
};

// Smoothed idf from document frequencies over n_docs documents.
Eigen::VectorXd smooth_idf(const std::vector<std::uint32_t>& df, std::size_t n_docs);

struct Weighting {
  bool sublinear_tf = false;
  bool use_idf = true;
  Norm norm = Norm::l2;
};

// The weighted matrix. `idf` (one entry per column) is ignored unless use_idf.
// All-zero rows stay all zero whatever the norm.
SparseMatrix weight_counts(const CountRows& counts, const Eigen::VectorXd& idf, const Weighting& weighting);

}  // namespace unbake::text
