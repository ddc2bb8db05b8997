// The factor JSON writes its matrices with its own number formatting: every
// entry must read back as exactly the double it was, and read as a float.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include <unbake/report/factor_report.hpp>

using namespace unbake;

TEST_CASE("factor JSON: every entry of W·diag(d) and H reads back as the same double") {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> exponent(-310, 308);
  report::FactorReport r;
  nmf::NmfResult& f = r.result;
  f.W.resize(40, 3);
  f.H.resize(3, 50);
  f.d = nmf::Vector::Ones(3);
  for (Eigen::Index i = 0; i < f.W.size(); ++i) f.W.data()[i] = std::pow(10.0, exponent(rng));
  for (Eigen::Index i = 0; i < f.H.size(); ++i) f.H.data()[i] = std::pow(10.0, exponent(rng)) * (i % 5 != 0);
  // The awkward ones: whole numbers, the extremes, the smallest subnormal.
  f.H(0, 0) = 3;
  f.H(0, 1) = std::numeric_limits<double>::max();
  f.H(0, 2) = std::numeric_limits<double>::denorm_min();
  f.H(0, 3) = 1e22;
  f.H(0, 4) = 0.1 + 0.2;
  const nlohmann::json j = nlohmann::json::parse(report::to_json_string(r));
  for (Eigen::Index i = 0; i < f.W.rows(); ++i)
    for (Eigen::Index t = 0; t < f.W.cols(); ++t) {
      const auto& v = j.at("W")[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)];
      CHECK(v.is_number_float());
      CHECK(v.get<double>() == f.W(i, t));
    }
  for (Eigen::Index t = 0; t < f.H.rows(); ++t)
    for (Eigen::Index c = 0; c < f.H.cols(); ++c) {
      const auto& v = j.at("H")[static_cast<std::size_t>(t)][static_cast<std::size_t>(c)];
      CHECK(v.is_number_float());
      CHECK(v.get<double>() == f.H(t, c));
    }
}

TEST_CASE("factor text: a wide H shows each factor's heaviest columns, by label or number") {
  report::FactorReport r;
  nmf::NmfResult& f = r.result;
  f.W = nmf::Matrix::Ones(4, 2);
  f.H = nmf::Matrix::Zero(2, 30);
  f.d = nmf::Vector::Ones(2);
  f.H(0, 29) = 3;
  f.H(0, 4) = 1;
  f.H(1, 7) = 2;
  for (int j = 0; j < 30; ++j) r.column_labels.push_back("c" + std::to_string(j));
  std::ostringstream labelled;
  report::write_factor_text(labelled, r, 20);
  CHECK(labelled.str().find("30 columns in all") != std::string::npos);
  CHECK(labelled.str().find("1       c29 0.750, c4 0.250\n") != std::string::npos);
  CHECK(labelled.str().find("2       c7 1.000\n") != std::string::npos);
  r.column_labels.clear();
  std::ostringstream numbered;
  report::write_factor_text(numbered, r, 20);
  CHECK(numbered.str().find("1       col 30 0.750, col 5 0.250\n") != std::string::npos);
  // Narrow enough: the whole of H, as before.
  std::ostringstream whole;
  report::write_factor_text(whole, r, 30);
  CHECK(whole.str().find("H (each factor's profile") != std::string::npos);
}
