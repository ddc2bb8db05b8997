#pragma once
// JSON conversions of this stage's public types. Private to the library: the
// public headers offer to_json_string/from_json_string instead, so that
// nlohmann/json never reaches a consumer's compile line.
#include <nlohmann/json_fwd.hpp>

#include "nmf/json.hpp"
#include "report/json.hpp"
#include "text/json.hpp"

#include <unbake/model/topic_model.hpp>

namespace unbake::model {

void to_json(nlohmann::json& j, const TopicModel& m);
void from_json(const nlohmann::json& j, TopicModel& m);

}  // namespace unbake::model
