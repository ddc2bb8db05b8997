// bench_read MATRIX... [--repeat R]
//
// Times io::read_matrix (the reader `unbake factor` uses) on each file, so
// that the MatrixMarket text and the binary .ubk form of one matrix can be
// compared side by side in one run. Prints one JSON line per file: path,
// rows, cols, nnz, ms_best and ms_median over the repeats.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <unbake/io/matrix_input.hpp>

int main(int argc, char** argv) {
  std::vector<std::string> paths;
  int repeat = 7;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc)
      repeat = std::atoi(argv[++i]);
    else
      paths.push_back(a);
  }
  if (paths.empty() || repeat < 1) {
    std::fprintf(stderr, "usage: bench_read MATRIX... [--repeat R]\n");
    return 2;
  }
  // Files alternate within each repeat, so that a slow moment of a shared
  // machine falls on both.
  std::vector<std::vector<double>> ms(paths.size());
  std::vector<unbake::io::LabelledMatrix> last(paths.size());
  for (int r = 0; r < repeat; ++r)
    for (std::size_t f = 0; f < paths.size(); ++f) {
      const auto t0 = std::chrono::steady_clock::now();
      last[f] = unbake::io::read_matrix(paths[f]);
      ms[f].push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
  for (std::size_t f = 0; f < paths.size(); ++f) {
    std::sort(ms[f].begin(), ms[f].end());
    std::printf(
        "{\"path\": \"%s\", \"rows\": %ld, \"cols\": %ld, \"nnz\": %ld, \"ms_best\": %.2f, \"ms_median\": "
        "%.2f}\n",
        paths[f].c_str(), static_cast<long>(last[f].V.rows()), static_cast<long>(last[f].V.cols()),
        static_cast<long>(last[f].V.nonZeros()), ms[f].front(), ms[f][ms[f].size() / 2]);
  }
}
