#include "field_flags.hpp"

#include <string_view>
#include <utility>

namespace unbake::app {
namespace {

// Every field of the option structs that a flag sets, by its unqualified
// name (UsageError never qualifies one). A field set by no flag (label_words,
// stopword_words, use_idf, which --no-idf sets only one way) is absent and is
// shown by its own name. tests/cli/field_flags.sh checks each entry.
constexpr std::pair<std::string_view, std::string_view> kFlags[] = {
    // nmf::NmfConfig
    {"k", "-k"},
    {"solver", "--solver"},
    {"init", "--init"},
    {"seed", "--seed"},
    {"tol", "--tol"},
    {"max_iter", "--max-iter"},
    {"l1_w", "--l1-w"},
    {"l1_h", "--l1-h"},
    {"l2_w", "--l2-w"},
    {"l2_h", "--l2-h"},
    {"extrapolate", "--extrapolate"},
    // Execution
    {"threads", "--threads"},
    // text::ReaderOptions
    {"extensions", "--ext"},
    {"max_file_mb", "--max-file-mb"},
    {"encoding", "--encoding"},
    {"exclude", "--exclude"},
    {"include_readme", "--include-readme"},
    {"dedupe", "--dedupe"},
    {"labels", "--labels"},
    {"meta", "--meta"},
    {"time_column", "--time-column"},
    {"group_column", "--group-column"},
    {"format", "--format"},
    {"text_column", "--text-column"},
    {"id_column", "--id-column"},
    {"text_field", "--text-field"},
    {"id_field", "--id-field"},
    // app-level settings
    {"matrix_cache", "--matrix-cache"},
    // text::TokenizerOptions
    {"strip_accents", "--strip-accents"},
    {"min_token_length", "--min-token-length"},
    {"keep_numbers", "--keep-numbers"},
    {"stopwords", "--stopwords"},
    {"stem", "--stem"},
    {"ngram", "--ngram"},
    // text::VectorizerOptions
    {"min_df", "--min-df"},
    {"max_df", "--max-df"},
    {"max_features", "--max-features"},
    {"sublinear_tf", "--sublinear-tf"},
    {"norm", "--norm"},
    // report::TopicsOptions
    {"top_words", "--top-words"},
    {"json_words", "--json-words"},
    {"top_docs", "--top-docs"},
    {"html_documents", "--html-docs"},
    // model::SweepOptions (sweep's -k range) and quality::StabilityOptions
    // (sweep's one --seed also seeds the resampling)
    {"ks", "-k"},
    {"resamples", "--resamples"},
    {"sample_fraction", "--sample-fraction"},
    {"top_terms", "--top-terms"},
};

}  // namespace

std::string flag_for(const std::string& field) {
  for (const auto& [name, flag] : kFlags)
    if (name == field) return std::string(flag);
  return field;
}

std::string cli_message(const UsageError& e) { return e.message(flag_for); }

}  // namespace unbake::app
