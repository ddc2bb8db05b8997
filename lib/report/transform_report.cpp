#include <unbake/report/transform_report.hpp>

#include <nlohmann/json.hpp>

#include "report/json.hpp"
#include "text/json.hpp"

#include <unbake/core/version.hpp>

namespace unbake::report {

void to_json(nlohmann::json& j, const TransformReport& r) {
  j = {{"schema", "unbake.transform/1"},
       {"generator", {{"name", kName}, {"version", kVersion}}},
       {"topics", r.topics},
       {"skipped", r.skipped},
       {"empty_documents", r.empty_documents},
       {"documents", r.documents}};
}

std::string to_json_string(const TransformReport& report) { return nlohmann::json(report).dump(1); }

}  // namespace unbake::report
