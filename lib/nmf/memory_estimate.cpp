#include <unbake/nmf/memory_estimate.hpp>

#include <algorithm>
#include <string>

#include <unbake/core/errors.hpp>
#include "core/memory.hpp"

namespace unbake::nmf {
namespace {

// The randomized SVD behind the nndsvd starts works on k plus this many
// vectors (init.cpp's oversampling).
constexpr double kSvdExtra = 10;

}  // namespace

double fit_memory_bytes(std::int64_t rows, std::int64_t cols, std::int64_t solve_rows,
                        std::int64_t solve_cols, std::int64_t nnz, const NmfConfig& config) {
  const double m = static_cast<double>(solve_rows), n = static_cast<double>(solve_cols), k = config.k;
  const double z = static_cast<double>(nnz);
  // Sparse: a compacted, compressed or scaled copy of V (through 16-byte
  // triplets) and its transpose, each a value and a column index per entry
  // plus one offset per row; and a column map of the full width.
  const double sparse = z * (16 + 3 * (8 + 4)) + 8 * (m + 1) + 4 * (n + 1) + 9 * static_cast<double>(cols);
  // Dense, in doubles per row of W plus row of Hᵀ. The SVD start holds its
  // k + 10 wide blocks on both sides and its factors in two layouts; the
  // iterations hold W and Hᵀ (twice more with extrapolation's previous
  // point); at the end the normalised copies join them.
  const bool svd = config.init != Init::random;
  const double start = svd ? 2 * (k + kSvdExtra) + 2 * k : 2 * k;
  const double iterate = (config.extrapolates() ? 3 : 1) * k;
  const double finish = 2 * k;
  const double dense = 8 * (m + n) * std::max(start, iterate + finish);
  // A solve on the occupied part then spreads its factors to the full shape.
  const double full = static_cast<double>(rows) + static_cast<double>(cols);
  const double spread = full > m + n ? 8 * (m + n + full) * k : 0;
  // The sparse copies of the occupied part join the input's own offsets.
  return sparse + std::max(dense, spread);
}

void check_memory(std::int64_t rows, std::int64_t cols, std::int64_t solve_rows, std::int64_t solve_cols,
                  std::int64_t nnz, const NmfConfig& config) {
  const double need = fit_memory_bytes(rows, cols, solve_rows, solve_cols, nnz, config);
  const double have = static_cast<double>(available_memory_bytes());
  if (have > 0 && need > have)
    throw InputError("factoring needs about " + gigabytes_text(need) + " at k = " + std::to_string(config.k) +
                     " (" + std::to_string(rows) + " x " + std::to_string(cols) +
                     "), more than this machine's " + gigabytes_text(have));
}

}  // namespace unbake::nmf
