#pragma once
// JSON conversions of this stage's public types. Private to the library: the
// public headers offer to_json_string/from_json_string instead, so that
// nlohmann/json never reaches a consumer's compile line.
#include <nlohmann/json_fwd.hpp>

#include <unbake/nmf/config.hpp>
#include <unbake/nmf/result.hpp>

namespace unbake::nmf {

void to_json(nlohmann::json& j, const NmfConfig& c);
void from_json(const nlohmann::json& j, NmfConfig& c);
void to_json(nlohmann::json& j, const NmfResult& r);  // W, d, H included

}  // namespace unbake::nmf
