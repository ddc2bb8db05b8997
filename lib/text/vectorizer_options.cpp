#include <unbake/text/vectorizer_options.hpp>

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "text/json.hpp"

#include <unbake/core/errors.hpp>
#include "core/json_number.hpp"
#include "core/json_text.hpp"

namespace unbake::text {

void VectorizerOptions::validate() const {
  reader.validate();
  tokenizer.validate();
  if (!std::isfinite(min_df) || min_df < 0)
    throw UsageError("min_df", fmt::format("must be >= 0, got {}", min_df));
  if (min_df >= 1 && min_df != std::floor(min_df))
    throw UsageError(
        "min_df",
        fmt::format("must be a whole document count when >= 1 or a fraction below 1, got {}", min_df));
  if (!std::isfinite(max_df) || max_df <= 0)
    throw UsageError("max_df", fmt::format("must be > 0, got {}", max_df));
  if (max_df > 1 && max_df != std::floor(max_df))
    throw UsageError(
        "max_df", fmt::format("must be a fraction <= 1 or a whole document count above 1, got {}", max_df));
}

void to_json(nlohmann::json& j, const VectorizerOptions& o) {
  j = nlohmann::json{
      {"reader", o.reader},   {"tokenizer", o.tokenizer},       {"min_df", o.min_df},
      {"max_df", o.max_df},   {"max_features", o.max_features}, {"sublinear_tf", o.sublinear_tf},
      {"use_idf", o.use_idf}, {"norm", to_string(o.norm)}};
}

void from_json(const nlohmann::json& j, VectorizerOptions& o) {
  j.at("reader").get_to(o.reader);
  j.at("tokenizer").get_to(o.tokenizer);
  j.at("min_df").get_to(o.min_df);
  j.at("max_df").get_to(o.max_df);
  read_whole_number(j, "max_features", o.max_features);
  j.at("sublinear_tf").get_to(o.sublinear_tf);
  j.at("use_idf").get_to(o.use_idf);
  o.norm = parse_norm(j.at("norm").get<std::string>());
  // "threads" of models saved by 0.1.0 is ignored: it never changed a result.
}

std::string to_json_string(const VectorizerOptions& options) { return nlohmann::json(options).dump(1); }

void from_json_string(const std::string& text, VectorizerOptions& options) {
  from_json_text(text, options, "vectorizer settings");
}

}  // namespace unbake::text
