#include <unbake/report/run_summary.hpp>

#include <nlohmann/json.hpp>

#include "report/json.hpp"
#include "text/json.hpp"

namespace unbake::report {

void to_json(nlohmann::json& j, const CorpusSummary& c) {
  nlohmann::json duplicates = nlohmann::json::array();
  for (const auto& d : c.duplicates) duplicates.push_back({{"path", d.id}, {"same_as", d.same_as}});
  j = {{"root", c.root},
       {"documents", c.documents},
       {"empty_documents", c.empty_documents},
       {"skipped", c.skipped},
       {"vocabulary", c.vocabulary},
       {"nnz", c.nnz},
       {"ignored", c.not_read.ignored},
       {"readme_files", c.not_read.readme_files},
       {"excluded", c.not_read.excluded},
       {"duplicates", duplicates},
       {"deduplicated", c.deduplicated},
       {"stopwords", c.stopwords},
       {"languages", c.languages}};
}

void to_json(nlohmann::json& j, const StageSeconds& s) {
  j = {{"read", s.read}, {"vectorize", s.vectorize}, {"factor", s.factor}, {"total", s.total}};
}

}  // namespace unbake::report
