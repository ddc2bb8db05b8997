#include <doctest/doctest.h>

#include <numeric>

#include <unbake/core/errors.hpp>
#include <unbake/nmf/fit.hpp>
#include <unbake/quality/stability.hpp>
#include "nmf/planted.hpp"

using namespace unbake::quality;
using unbake::nmf::Matrix;
using unbake::nmf::NmfConfig;

namespace {

NmfConfig small_config(int k, unbake::nmf::Init init) {
  NmfConfig c;
  c.k = k;
  c.init = init;
  c.max_iter = 100;
  return c;
}

}  // namespace

TEST_CASE("average Jaccard of ranked lists") {
  CHECK(average_jaccard({4, 2, 9, 1}, {4, 2, 9, 1}) == 1.0);
  CHECK(average_jaccard({1, 2, 3}, {4, 5, 6}) == 0.0);
  // By hand: depth 1 {1} vs {2}: 0; depth 2 {1,2} vs {2,1}: 1; depth 3
  // {1,2,3} vs {2,1,4}: 2/4. Mean = (0 + 1 + 0.5) / 3.
  CHECK(average_jaccard({1, 2, 3}, {2, 1, 4}) == doctest::Approx(0.5));
  // Symmetric, and shorter lists set the depth.
  CHECK(average_jaccard({2, 1, 4}, {1, 2, 3}) == average_jaccard({1, 2, 3}, {2, 1, 4}));
  CHECK(average_jaccard({1, 2}, {1, 2, 3}) == 1.0);
}

TEST_CASE("top term columns rank by weight, ties by column") {
  Matrix H(2, 4);
  H << 0.1, 0.5, 0.5, 0.0,  //
      0.0, 0.0, 0.0, 0.0;
  auto top = top_term_columns(H, 3);
  CHECK(top[0] == std::vector<long>{1, 2, 0});
  CHECK(top[1] == std::vector<long>{0, 1, 2});
  CHECK(top_term_columns(H, 10)[0].size() == 4);
}

TEST_CASE("stability is 1 when every resample reproduces the full model") {
  auto p = unbake::nmf::testing::planted(60, 40, 4, 11);
  auto config = small_config(4, unbake::nmf::Init::nndsvd);
  auto full = unbake::nmf::fit(p.V, config);
  StabilityOptions options;
  options.resamples = 3;
  options.sample_fraction = 1.0;
  options.top_terms = 8;
  auto result = stability(p.V, config, top_term_columns(full.H, options.top_terms), options);
  CHECK(result.stability == 1.0);
  CHECK(result.per_topic == std::vector<double>(4, 1.0));
  CHECK(result.per_resample == std::vector<double>(3, 1.0));
}

TEST_CASE("topics with no structure behind them are less stable than planted ones") {
  // Planted topics own disjoint words, so any 80% of the documents shows them
  // again; pure noise gives each resample different topics.
  const int k = 3, m = 90, n = 30;
  Matrix H = Matrix::Zero(k, n);
  for (int j = 0; j < n; ++j) H(j % k, j) = 1.0 + 0.01 * j;
  Matrix W = Matrix::Zero(m, k);
  for (int i = 0; i < m; ++i) W(i, i % k) = 1.0 + 0.003 * i;
  unbake::nmf::SparseMatrix planted = (W * H).sparseView();
  planted.makeCompressed();
  auto noise = unbake::nmf::testing::noisy(m, n, 5);

  auto config = small_config(k, unbake::nmf::Init::nndsvda);
  StabilityOptions options;
  options.resamples = 6;
  options.top_terms = 5;
  auto planted_result =
      stability(planted, config, top_term_columns(unbake::nmf::fit(planted, config).H, 5), options);
  auto noise_result =
      stability(noise, config, top_term_columns(unbake::nmf::fit(noise, config).H, 5), options);
  CHECK(planted_result.stability > 0.9);
  CHECK(noise_result.stability < planted_result.stability);
  for (double s : planted_result.per_topic) {
    CHECK(s >= 0.0);
    CHECK(s <= 1.0);
  }
}

TEST_CASE("stability does not depend on the thread count") {
  auto noise = unbake::nmf::testing::noisy(80, 50, 9);
  auto config = small_config(5, unbake::nmf::Init::random);
  config.seed = 3;
  auto reference = top_term_columns(unbake::nmf::fit(noise, config).H, 10);
  StabilityOptions options;
  options.resamples = 5;
  options.top_terms = 10;
  options.seed = 42;
  auto one = stability(noise, config, reference, options, unbake::Execution{1});
  auto two = stability(noise, config, reference, options, unbake::Execution{2});
  CHECK(one.per_topic == two.per_topic);
  CHECK(one.per_resample == two.per_resample);
  CHECK(one.stability == two.stability);
  // A different seed draws different samples.
  options.seed = 43;
  CHECK(stability(noise, config, reference, options).per_resample != one.per_resample);
}

TEST_CASE("stability rejects options it cannot honour") {
  auto noise = unbake::nmf::testing::noisy(20, 10, 1);
  auto config = small_config(3, unbake::nmf::Init::nndsvda);
  auto reference = top_term_columns(unbake::nmf::fit(noise, config).H, 5);
  StabilityOptions options;
  options.sample_fraction = 0.1;  // 2 documents for 3 topics
  CHECK_THROWS_AS(stability(noise, config, reference, options), unbake::UsageError);
  options.sample_fraction = 1.5;
  CHECK_THROWS_AS(stability(noise, config, reference, options), unbake::UsageError);
  options.sample_fraction = 0.8;
  options.resamples = 0;
  CHECK_THROWS_AS(stability(noise, config, reference, options), unbake::UsageError);
}
