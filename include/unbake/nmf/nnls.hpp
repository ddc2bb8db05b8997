#pragma once
// Solving for one factor when the other is known: exact non-negative least
// squares per row, min_{x >= 0} ||v - x B||. Used to map new documents onto
// known topics (transform) and available on its own.
#include <unbake/core/execution.hpp>
#include <unbake/nmf/types.hpp>

namespace unbake::nmf {

// W (m x k) minimising ||V - W H||_F with W >= 0, H fixed (k x n).
// Throws InputError when H's column count differs from V's.
Matrix solve_w(const SparseMatrix& V, const Matrix& H, const Execution& exec = {});
// H (k x n) minimising ||V - W H||_F with H >= 0, W fixed (m x k).
// Throws InputError when W's row count differs from V's.
Matrix solve_h(const SparseMatrix& V, const Matrix& W, const Execution& exec = {});

// One row: x = argmin_{x >= 0} ½·xᵀGx − rᵀx (G = BBᵀ, r = B·v), by the
// Lawson–Hanson active-set method; exact up to round-off. x has size k.
void nnls_gram(const Matrix& G, const double* r, double* x);

}  // namespace unbake::nmf
