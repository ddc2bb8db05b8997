#include <unbake/report/run_summary.hpp>

#include <nlohmann/json.hpp>

#include "report/json.hpp"

namespace unbake::report {

void to_json(nlohmann::json& j, const CorpusSummary& c) {
  j = {{"root", c.root},       {"documents", c.documents},   {"empty_documents", c.empty_documents},
       {"skipped", c.skipped}, {"vocabulary", c.vocabulary}, {"nnz", c.nnz}};
}

void to_json(nlohmann::json& j, const StageSeconds& s) {
  j = {{"read", s.read}, {"vectorize", s.vectorize}, {"factor", s.factor}, {"total", s.total}};
}

}  // namespace unbake::report
