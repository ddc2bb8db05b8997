#include "nmf/value_scale.hpp"

#include <cmath>

namespace unbake::nmf {

double largest_magnitude(const double* values, Eigen::Index n) {
  double m = 0;
  for (Eigen::Index i = 0; i < n; ++i) m = std::max(m, std::abs(values[i]));
  return m;
}

int scale_exponent(double largest, bool even) {
  if (!(largest > 0) || !std::isfinite(largest)) return 0;
  if (largest >= std::ldexp(1.0, -kWindowExponent) && largest <= std::ldexp(1.0, kWindowExponent)) return 0;
  int p = 0;
  std::frexp(largest, &p);  // largest in [2^(p-1), 2^p)
  const int e = p - 1;      // largest / 2^e in [1, 2)
  if (!even) return e;
  // Round down to even: largest / 2^e in [1, 4). floor, not truncation, for
  // negative exponents; 2^e stays representable at both ends of the range.
  return e >= 0 ? e - e % 2 : e - ((-e) % 2);
}

SparseMatrix scaled_copy(const SparseMatrix& V, int e) {
  SparseMatrix s = V;
  s.makeCompressed();
  double* v = s.valuePtr();
  for (Eigen::Index i = 0; i < s.nonZeros(); ++i) v[i] = std::ldexp(v[i], -e);
  return s;
}

}  // namespace unbake::nmf
