#include <unbake/report/fit_report.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "nmf/json.hpp"
#include "report/json.hpp"
#include "text/json.hpp"

#include <unbake/core/errors.hpp>
#include <unbake/core/version.hpp>
#include "core/json_text.hpp"

namespace unbake::report {

void FitSettings::validate() const {
  vectorizer.validate();
  topics.validate();
  if (nmf.k < 1) throw UsageError("k", "must be at least 1, got " + std::to_string(nmf.k));
}

void to_json(nlohmann::json& j, const FitSettings& s) {
  j = {{"vectorizer", s.vectorizer}, {"nmf", s.nmf}, {"topics", s.topics}};
}

void from_json(const nlohmann::json& j, FitSettings& s) {
  j.at("vectorizer").get_to(s.vectorizer);
  j.at("nmf").get_to(s.nmf);
  j.at("topics").get_to(s.topics);
}

void to_json(nlohmann::json& j, const FitReport& report) {
  const long json_words = report.settings.topics.json_words;
  nlohmann::json topics = nlohmann::json::array();
  for (const auto& t : report.topics.topics) {
    const std::vector<TopicWord> words(
        t.words.begin(), t.words.begin() + std::min<long>(static_cast<long>(t.words.size()), json_words));
    topics.push_back({{"id", t.id},
                      {"label", t.label},
                      {"prevalence", t.prevalence},
                      {"dominant_documents", t.dominant_documents},
                      {"coherence", t.coherence},
                      {"exclusivity", t.exclusivity},
                      {"words", words},
                      {"top_documents", t.top_documents}});
  }
  const nmf::NmfResult& r = report.nmf;
  // The settings the solver ran with (r.config, the one serialisation of
  // NmfConfig), then what came of them.
  nlohmann::json model = r.config;
  model.update({{"iterations", r.iterations},
                {"converged", r.converged},
                {"relative_error", r.relative_error},
                {"coherence", report.topics.coherence},
                {"diversity", report.topics.diversity},
                {"objective_trace", r.objective_trace},
                {"seconds", report.seconds}});
  j = {{"schema", "unbake.report/1"},
       {"generator", {{"name", kName}, {"version", kVersion}}},
       {"corpus", report.corpus},
       {"vectorizer", report.settings.vectorizer},
       {"model", std::move(model)},
       {"topics", std::move(topics)},
       {"documents", report.topics.documents},
       {"labels", nullptr},
       {"time", nullptr},
       {"groups", nullptr}};
  if (report.over_time) j["time"] = *report.over_time;
  if (report.by_group) j["groups"] = *report.by_group;
  // Each document's metadata beside its mixture ({} when no column was named).
  auto& documents = j["documents"];
  for (std::size_t i = 0; i < documents.size(); ++i) {
    nlohmann::json meta = nlohmann::json::object();
    for (const auto& column : report.meta)
      if (i < column.values.size()) meta[column.name] = column.values[i];
    documents[i]["meta"] = std::move(meta);
  }
  if (report.labels) {
    const auto& a = *report.labels;
    nlohmann::json per_topic = nlohmann::json::array();
    for (const auto& t : a.topics) per_topic.push_back({{"topic", t.topic}, {"labels", t.labels}});
    j["labels"] = {{"source", a.source}, {"documents", a.documents},
                   {"labels", a.labels}, {"nmi", a.nmi},
                   {"ari", a.ari},       {"topics", std::move(per_topic)}};
  }
}

std::string to_json_string(const FitReport& report) { return nlohmann::json(report).dump(1); }

std::string to_json_string(const FitSettings& settings) { return nlohmann::json(settings).dump(1); }

void from_json_string(const std::string& text, FitSettings& settings) {
  from_json_text(text, settings, "fit settings");
}

}  // namespace unbake::report
