#pragma once
// Starting factors. random: uniform in [0, sqrt(mean(V)/k)) from a seeded
// std::mt19937_64, drawn in a fixed order (W row by row, then Hᵀ row by row).
// nndsvd*: Boutsidis & Gallopoulos 2008 ("SVD based initialization: A head
// start for nonnegative matrix factorization") on a truncated SVD of V.
#include <cstdint>

#include <unbake/nmf/config.hpp>
#include <unbake/nmf/types.hpp>

namespace unbake::nmf {

struct StartingFactors {
  RowMatrix W;   // m x k
  RowMatrix Ht;  // n x k  (Hᵀ)
};

// Vt must be V's compressed transpose (see primitives.hpp).
StartingFactors initialise(const SparseMatrix& V, const SparseMatrix& Vt, int k, Init init,
                           std::uint64_t seed, int threads);

// The k leading singular triplets of V: V ≈ U diag(s) Rᵀ, s descending. Signs
// fixed so that each left vector's largest-magnitude entry is positive. Exact
// when the smaller side has at most 256 rows (dense Gram); beyond that a
// randomized subspace iteration whose accuracy is what an NNDSVD start needs
// (exact for matrices of rank <= k + 10).
struct TruncatedSvd {
  Matrix U;  // m x k
  Vector s;  // k
  Matrix R;  // n x k
};
// Throws NumericError when the decomposition fails.
// `seed` picks the randomized start block.
TruncatedSvd truncated_svd(const SparseMatrix& V, const SparseMatrix& Vt, int k, int threads,
                           std::uint64_t seed = 0);

}  // namespace unbake::nmf
