#pragma once
// JSON conversions of this stage's public types. Private to the library: the
// public headers offer to_json_string/from_json_string instead, so that
// nlohmann/json never reaches a consumer's compile line.
#include <nlohmann/json_fwd.hpp>

#include "text/json.hpp"

#include <unbake/report/fit_report.hpp>
#include <unbake/report/prevalence.hpp>
#include <unbake/report/run_summary.hpp>
#include <unbake/report/topics.hpp>
#include <unbake/report/transform_report.hpp>

namespace unbake::report {

void to_json(nlohmann::json& j, const TopicWord& w);
void to_json(nlohmann::json& j, const TopicDocument& d);
void to_json(nlohmann::json& j, const DocumentMixture& d);
void to_json(nlohmann::json& j, const TopicsOptions& o);
void from_json(const nlohmann::json& j, TopicsOptions& o);
void to_json(nlohmann::json& j, const CorpusSummary& c);
void to_json(nlohmann::json& j, const StageSeconds& s);
void to_json(nlohmann::json& j, const FitSettings& s);
void from_json(const nlohmann::json& j, FitSettings& s);
void to_json(nlohmann::json& j, const FitReport& r);
void to_json(nlohmann::json& j, const TransformReport& r);
void to_json(nlohmann::json& j, const PrevalenceTable& t);

}  // namespace unbake::report
