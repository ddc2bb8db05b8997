#include <unbake/nmf/result.hpp>

#include <nlohmann/json.hpp>

#include "nmf/json.hpp"

namespace unbake::nmf {
namespace {

nlohmann::json rows_of(const Matrix& M) {
  nlohmann::json rows = nlohmann::json::array();
  for (Eigen::Index i = 0; i < M.rows(); ++i) {
    nlohmann::json row = nlohmann::json::array();
    for (Eigen::Index j = 0; j < M.cols(); ++j) row.push_back(M(i, j));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

void to_json(nlohmann::json& j, const NmfResult& r) {
  j = nlohmann::json{{"W", rows_of(r.W)},
                     {"d", std::vector<double>(r.d.data(), r.d.data() + r.d.size())},
                     {"H", rows_of(r.H)},
                     {"config", r.config},
                     {"iterations", r.iterations},
                     {"converged", r.converged},
                     {"relative_error", r.relative_error},
                     {"objective_trace", r.objective_trace},
                     {"value_scale", r.value_scale},
                     {"seconds", r.seconds}};
}

}  // namespace unbake::nmf
