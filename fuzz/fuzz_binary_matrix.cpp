// A .ubk file as `unbake factor` and --matrix-cache read it. The input's
// checksum is made right first (most inputs), so that the layout checks
// behind it are reached; every input is also read as it is. Bad content must
// end in InputError; anything else escaping (or a crash) is a finding, and so
// is a matrix that breaks its own layout.
#include <unbake/core/errors.hpp>
#include <unbake/io/binary_matrix.hpp>
#include "fuzz_input.hpp"
#include "io/binary_matrix_testing.hpp"

namespace {

void check(const std::string& bytes) {
  try {
    const auto m = unbake::io::parse_binary_matrix(bytes, "fuzz.ubk");
    const auto& V = m.V;
    for (Eigen::Index r = 0; r < V.rows(); ++r)
      for (int i = V.outerIndexPtr()[r]; i < V.outerIndexPtr()[r + 1]; ++i)
        if (V.innerIndexPtr()[i] < 0 || V.innerIndexPtr()[i] >= V.cols() ||
            (i > V.outerIndexPtr()[r] && V.innerIndexPtr()[i] <= V.innerIndexPtr()[i - 1]))
          unbake::fuzz::broken("a parsed matrix has its columns out of range or order");
    if (!m.row_labels.empty() && static_cast<Eigen::Index>(m.row_labels.size()) != V.rows())
      unbake::fuzz::broken("row labels do not match the rows");
  } catch (const unbake::InputError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1 << 16)) return 0;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  check(bytes);
  check(unbake::io::testing::with_valid_checksum(bytes));
  return 0;
}
