#pragma once
// What `transform` found: new documents' mixtures over a model's topics.
#include <string>
#include <vector>

#include <unbake/report/topics.hpp>
#include <unbake/text/reader.hpp>

namespace unbake::report {

struct TransformReport {
  std::vector<std::string> topics;         // the model's topic labels, in topic id order
  std::vector<DocumentMixture> documents;  // paths relative to the input given
  std::vector<text::SkippedFile> skipped;
  long empty_documents = 0;
};

// JSON of the schema "unbake.transform/1" (schemas/transform.schema.json).
std::string to_json_string(const TransformReport& report);

}  // namespace unbake::report
