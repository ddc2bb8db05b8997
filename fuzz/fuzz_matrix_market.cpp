// A MatrixMarket file as `unbake factor` reads it: parse, then the checks a
// non-negative factorization needs. Bad content must end in InputError;
// anything else escaping (or a crash) is a finding.
#include <cmath>

#include <unbake/core/errors.hpp>
#include <unbake/io/matrix_input.hpp>
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1 << 16)) return 0;
  const std::string path = unbake::fuzz::write_input(data, size, ".mtx");
  try {
    const auto m = unbake::io::read_nonnegative_matrix(path);
    for (Eigen::Index i = 0; i < m.V.nonZeros(); ++i)
      if (!(m.V.valuePtr()[i] > 0) || !std::isfinite(m.V.valuePtr()[i]))
        unbake::fuzz::broken("a checked matrix holds a value that is not positive and finite");
  } catch (const unbake::InputError&) {
  }
  return 0;
}
