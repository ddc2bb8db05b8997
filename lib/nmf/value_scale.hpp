#pragma once
// Keeping a fit's numbers in a range where the solvers' sums cannot overflow
// or underflow. A matrix whose largest entry is far from 1 (1e300 squares to
// infinity; 1e-200 squares to zero) is solved as V / 2^e instead, and the
// factors are scaled back. Powers of two make both scalings exact, and inside
// the ordinary window nothing is scaled at all, so ordinary inputs give the
// same bits as an unscaled solve.
#include <unbake/nmf/types.hpp>

namespace unbake::nmf {

// Largest entries in [2^-kWindowExponent, 2^kWindowExponent] are left alone.
inline constexpr int kWindowExponent = 40;

// The largest magnitude among n values (0 for none).
double largest_magnitude(const double* values, Eigen::Index n);

// e such that values / 2^e have their largest magnitude in [1, 4): 0 when
// `largest` is 0 or inside the window. With `even`, e is even, so that
// 2^(e/2), 2^(3e/2) (the factors' and penalties' scales) are exact too.
int scale_exponent(double largest, bool even);

// A compressed copy of V with every entry multiplied by 2^-e (exact, except
// entries that fall below the smallest double relative to the largest).
SparseMatrix scaled_copy(const SparseMatrix& V, int e);

// True when every entry of M is finite.
template <class M>
bool all_finite(const M& m) {
  return m.array().isFinite().all();
}

}  // namespace unbake::nmf
