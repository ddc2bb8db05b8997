// bench_products MATRIX.mtx K [--threads N] [--repeat R]
//
// Times the two sparse x dense products every NMF iteration needs, V·Hᵀ and
// Vᵀ·W, with the library's own kernel (nmf::multiply) on the same layout the
// solvers use, so that bench/harness.sh can compare an iteration of
// `unbake factor` with this floor. W and Hᵀ are filled with fixed
// pseudo-random values: the kernel's cost does not depend on them.
// Prints one JSON line: rows, cols, nnz, k, threads, ms_per_pair (the best
// of the repeats) and ms_median.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <omp.h>

#include <unbake/io/matrix_market.hpp>
#include "nmf/primitives.hpp"

namespace {

using unbake::nmf::RowMatrix;

RowMatrix random_factor(Eigen::Index rows, Eigen::Index k, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  RowMatrix F(rows, k);
  for (Eigen::Index i = 0; i < F.size(); ++i) F.data()[i] = uniform(rng);
  return F;
}

int usage() {
  std::fprintf(stderr, "usage: bench_products MATRIX.mtx K [--threads N] [--repeat R]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return usage();
  const std::string path = argv[1];
  const long k = std::strtol(argv[2], nullptr, 10);
  int threads = 0, repeat = 5;
  for (int a = 3; a + 1 < argc; a += 2) {
    const std::string flag = argv[a];
    if (flag == "--threads")
      threads = std::atoi(argv[a + 1]);
    else if (flag == "--repeat")
      repeat = std::atoi(argv[a + 1]);
    else
      return usage();
  }
  if (k < 1 || repeat < 1 || threads < 0) return usage();
  if (threads == 0) threads = omp_get_max_threads();

  try {
    unbake::nmf::SparseMatrix V = unbake::io::read_matrix_market(path);
    V.makeCompressed();
    const unbake::nmf::SparseMatrix Vt = unbake::nmf::compressed_transpose(V, threads);
    std::mt19937_64 rng(0);
    const RowMatrix W = random_factor(V.rows(), k, rng);
    const RowMatrix Ht = random_factor(V.cols(), k, rng);
    RowMatrix VH, VtW;
    std::vector<double> ms;
    // One untimed pair first: page in the operands and size the outputs.
    unbake::nmf::multiply(V, Ht, VH, threads);
    unbake::nmf::multiply(Vt, W, VtW, threads);
    for (int r = 0; r < repeat; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      unbake::nmf::multiply(V, Ht, VH, threads);
      unbake::nmf::multiply(Vt, W, VtW, threads);
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    // The sums keep the products from being optimised away.
    std::printf(
        "{\"rows\": %ld, \"cols\": %ld, \"nnz\": %ld, \"k\": %ld, \"threads\": %d, \"repeat\": %d, "
        "\"ms_per_pair\": %.3f, \"ms_median\": %.3f, \"checksum\": %.6g}\n",
        static_cast<long>(V.rows()), static_cast<long>(V.cols()), static_cast<long>(V.nonZeros()), k, threads,
        repeat, ms.front(), ms[ms.size() / 2], VH.sum() + VtW.sum());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_products: %s\n", e.what());
    return 1;
  }
  return 0;
}
