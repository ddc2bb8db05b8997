#pragma once
// JSON conversions of this stage's public types. Private to the library: the
// public headers offer to_json_string/from_json_string instead, so that
// nlohmann/json never reaches a consumer's compile line.
#include <nlohmann/json_fwd.hpp>

#include <unbake/text/language.hpp>
#include <unbake/text/reader.hpp>
#include <unbake/text/tokenizer.hpp>
#include <unbake/text/vectorizer_options.hpp>

namespace unbake::text {

void to_json(nlohmann::json& j, const ReaderOptions& o);
void from_json(const nlohmann::json& j, ReaderOptions& o);
void to_json(nlohmann::json& j, const SkippedFile& s);
void to_json(nlohmann::json& j, const VectorizerOptions& o);
void from_json(const nlohmann::json& j, VectorizerOptions& o);
void to_json(nlohmann::json& j, const TokenizerOptions& o);
void to_json(nlohmann::json& j, const LanguageSummary& s);
void from_json(const nlohmann::json& j, LanguageSummary& s);
void from_json(const nlohmann::json& j, TokenizerOptions& o);

}  // namespace unbake::text
