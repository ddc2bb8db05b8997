// Every option struct's validate() names the refused setting by its field:
// the member's own name, which is also its JSON key, unqualified however the
// struct is nested, and the first word of the message.
#include <doctest/doctest.h>

#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "nmf/json.hpp"
#include "report/json.hpp"
#include "text/json.hpp"

#include <unbake/core/errors.hpp>
#include <unbake/core/threads.hpp>
#include <unbake/model/fit_topics.hpp>
#include <unbake/model/sweep.hpp>
#include <unbake/quality/k_range.hpp>
#include <unbake/quality/stability.hpp>

using unbake::UsageError;

namespace {

std::optional<UsageError> usage_error(const std::function<void()>& run) {
  try {
    run();
  } catch (const UsageError& e) {
    return e;
  }
  return std::nullopt;
}

// `run` refuses with a UsageError about `field`, whose message starts with it.
void check_field(const std::function<void()>& run, const std::string& field) {
  const auto e = usage_error(run);
  REQUIRE(e.has_value());
  CHECK(e->field() == field);
  CHECK(std::string(e->what()).rfind(field + " ", 0) == 0);
}

// Each change of a default `Options` makes validate() refuse that field, a
// key of the struct's JSON.
template <class Options>
void check_fields(const std::function<void(const Options&)>& validate,
                  const std::vector<std::pair<std::string, std::function<void(Options&)>>>& changes) {
  const nlohmann::json keys = Options{};
  for (const auto& [field, change] : changes) {
    CAPTURE(field);
    Options o;
    change(o);
    check_field([&] { validate(o); }, field);
    CHECK(keys.contains(field));
  }
}

}  // namespace

TEST_CASE("option fields: NmfConfig") {
  using unbake::nmf::NmfConfig;
  check_fields<NmfConfig>([](const NmfConfig& c) { c.validate(10, 10); },
                          {{"k", [](NmfConfig& c) { c.k = 0; }},
                           {"k", [](NmfConfig& c) { c.k = 11; }},
                           {"tol", [](NmfConfig& c) { c.tol = 0; }},
                           {"max_iter", [](NmfConfig& c) { c.max_iter = 0; }},
                           {"l1_w", [](NmfConfig& c) { c.l1_w = -1; }},
                           {"l1_h", [](NmfConfig& c) { c.l1_h = -1; }},
                           {"l2_w", [](NmfConfig& c) { c.l2_w = -1; }},
                           {"l2_h", [](NmfConfig& c) { c.l2_h = -1; }},
                           {"extrapolate", [](NmfConfig& c) {
                              c.extrapolate = true;
                              c.solver = unbake::nmf::Solver::mu;
                            }}});
  // A message about two fields lists the second.
  NmfConfig c;
  c.extrapolate = true;
  c.solver = unbake::nmf::Solver::kl;
  const auto e = usage_error([&] { c.validate(10, 10); });
  REQUIRE(e.has_value());
  CHECK(e->other_fields() == std::vector<std::string>{"solver"});
  check_field([] { unbake::nmf::parse_solver("cd"); }, "solver");
  check_field([] { unbake::nmf::parse_init("svd"); }, "init");
}

TEST_CASE("option fields: ReaderOptions, TokenizerOptions, VectorizerOptions") {
  using unbake::text::ReaderOptions;
  using unbake::text::TokenizerOptions;
  using unbake::text::VectorizerOptions;
  check_fields<ReaderOptions>([](const ReaderOptions& o) { o.validate(); },
                              {{"extensions", [](ReaderOptions& o) { o.extensions.clear(); }},
                               {"extensions", [](ReaderOptions& o) { o.extensions = {"txt"}; }},
                               {"max_file_mb", [](ReaderOptions& o) { o.max_file_mb = 0; }},
                               {"encoding", [](ReaderOptions& o) { o.encoding = "no-such-charset"; }}});
  check_fields<TokenizerOptions>([](const TokenizerOptions& o) { o.validate(); },
                                 {{"min_token_length", [](TokenizerOptions& o) { o.min_token_length = 0; }},
                                  {"ngram", [](TokenizerOptions& o) { o.ngram = 3; }},
                                  {"stopwords", [](TokenizerOptions& o) { o.stopwords = {"no-such-list"}; }},
                                  {"stem", [](TokenizerOptions& o) { o.stem = "klingon"; }}});
  check_fields<VectorizerOptions>([](const VectorizerOptions& o) { o.validate(); },
                                  {{"min_df", [](VectorizerOptions& o) { o.min_df = -1; }},
                                   {"min_df", [](VectorizerOptions& o) { o.min_df = 2.5; }},
                                   {"max_df", [](VectorizerOptions& o) { o.max_df = 0; }},
                                   {"max_df", [](VectorizerOptions& o) { o.max_df = 1.5; }}});
  // Nested structs name their own fields, unqualified.
  VectorizerOptions v;
  v.tokenizer.ngram = 0;
  check_field([&] { v.validate(); }, "ngram");
  v = {};
  v.reader.encoding = "no-such-charset";
  check_field([&] { v.validate(); }, "encoding");
  check_field([] { unbake::text::parse_norm("l3"); }, "norm");
  // Pruning that keeps nothing names both bounds.
  const auto e = usage_error([] {
    unbake::text::select_terms({"a", "b"}, {1, 2}, {1, 2}, 4, unbake::text::PruneSettings{3, 1.0, 0});
  });
  REQUIRE(e.has_value());
  CHECK(e->field() == "min_df");
  CHECK(e->other_fields() == std::vector<std::string>{"max_df"});
}

TEST_CASE("option fields: TopicsOptions") {
  using unbake::report::TopicsOptions;
  check_fields<TopicsOptions>([](const TopicsOptions& o) { o.validate(); },
                              {{"top_words", [](TopicsOptions& o) { o.top_words = 0; }},
                               {"json_words", [](TopicsOptions& o) { o.json_words = 0; }},
                               {"top_docs", [](TopicsOptions& o) { o.top_docs = -1; }},
                               {"label_words", [](TopicsOptions& o) { o.label_words = 0; }}});
}

TEST_CASE("option fields: StabilityOptions (no JSON of its own)") {
  using unbake::quality::StabilityOptions;
  auto check = [](const std::string& field, const std::function<void(StabilityOptions&)>& change) {
    CAPTURE(field);
    StabilityOptions o;
    change(o);
    check_field([&] { o.validate(); }, field);
  };
  check("resamples", [](StabilityOptions& o) { o.resamples = 0; });
  check("sample_fraction", [](StabilityOptions& o) { o.sample_fraction = 1.5; });
  check("top_terms", [](StabilityOptions& o) { o.top_terms = 0; });
  check_field([] { unbake::quality::check_sample_size(10, 9, StabilityOptions{}); }, "sample_fraction");
}

TEST_CASE("option fields: FitOptions and SweepOptions keep the nested structs' names") {
  using unbake::model::FitOptions;
  using unbake::model::SweepOptions;
  auto fit = [](const std::function<void(FitOptions&)>& change, const std::string& field) {
    CAPTURE(field);
    FitOptions o;
    change(o);
    check_field([&] { o.validate(); }, field);
  };
  fit([](FitOptions& o) { o.nmf.k = 0; }, "k");
  fit([](FitOptions& o) { o.vectorizer.min_df = -1; }, "min_df");
  fit([](FitOptions& o) { o.vectorizer.tokenizer.min_token_length = 0; }, "min_token_length");
  fit([](FitOptions& o) { o.topics.top_docs = -1; }, "top_docs");

  auto sweep = [](const std::function<void(SweepOptions&)>& change, const std::string& field) {
    CAPTURE(field);
    SweepOptions o;
    o.ks = {2, 3};
    change(o);
    check_field([&] { o.validate(); }, field);
  };
  sweep([](SweepOptions& o) { o.ks.clear(); }, "ks");
  sweep([](SweepOptions& o) { o.ks = {0, 2}; }, "ks");
  sweep([](SweepOptions& o) { o.ks = {3, 2}; }, "ks");
  sweep([](SweepOptions& o) { o.stability.resamples = 0; }, "resamples");
  sweep([](SweepOptions& o) { o.vectorizer.max_df = 0; }, "max_df");
  check_field([] { unbake::quality::parse_k_range("5:2"); }, "ks");
}

TEST_CASE("option fields: Execution's thread count") {
  check_field([] { unbake::resolve_threads(-1); }, "threads");
}
