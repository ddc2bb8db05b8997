#pragma once
// A fitted topic model: everything needed to map new documents onto the
// topics exactly as the training documents were mapped — the vectorizer
// settings (with the stopword list itself, so the file stands alone), the
// vocabulary and idf, and H with its topic labels, in report (prevalence) order.
#include <string>
#include <vector>

#include <unbake/nmf/config.hpp>
#include <unbake/nmf/types.hpp>
#include <unbake/text/vectorizer_options.hpp>

namespace unbake::model {

inline constexpr const char* kModelSchema = "unbake.model/1";

struct TopicModel {
  text::VectorizerOptions vectorizer;
  std::vector<std::string> terms;   // sorted bytewise; H's columns
  Eigen::VectorXd idf;              // per term
  nmf::Matrix H;                    // k x terms, rows of unit L2 norm, row t = topic t of the report
  std::vector<std::string> labels;  // per topic
  nmf::NmfConfig nmf;               // how H was fitted (for the record)
  std::string generator_version;

  // Throws InputError (naming `source`) when the parts do not fit together.
  void validate(const std::string& source) const;
};

void save_model(const std::string& path, const TopicModel& model);
// Throws InputError naming `path`: unreadable, not JSON, another schema
// version, missing keys, or parts that do not fit together.
TopicModel load_model(const std::string& path);

// The same JSON as a file's text (schema "unbake.model/1",
// schemas/model.schema.json), checked the same way; errors name "model".
std::string to_json_string(const TopicModel& model);
void from_json_string(const std::string& text, TopicModel& model);

}  // namespace unbake::model
