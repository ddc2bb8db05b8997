// A model file as `unbake transform` loads it: wrong schema, truncated or
// edited JSON, parts that do not fit. Loading must end in InputError or give
// a model that maps a small document to finite mixtures.
#include <cmath>
#include <set>

#include <unbake/core/errors.hpp>
#include <unbake/model/fit_topics.hpp>
#include <unbake/model/topic_model.hpp>
#include "fuzz_input.hpp"

namespace {

// Stopword entries in a model may name files; only built-in lists are used
// here so that an input cannot make the target read, say, a FIFO.
bool builtin_stopwords_only(const unbake::model::TopicModel& m) {
  static const std::set<std::string> builtin{"none", "en", "de", "fr", "es", "it", "pt", "nl"};
  for (const auto& s : m.vectorizer.tokenizer.stopwords)
    if (!builtin.count(s)) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1 << 16)) return 0;
  static const std::string document = [] {
    const std::uint8_t text[] = "the cat sat on the mat with another cat and a dog";
    return unbake::fuzz::write_input(text, sizeof text - 1, ".txt");
  }();
  const std::string path = unbake::fuzz::write_input(data, size, ".json");
  try {
    const auto model = unbake::model::load_model(path);
    if (!builtin_stopwords_only(model) || model.H.size() > 100000) return 0;
    const auto outcome =
        unbake::model::transform(model, std::vector<std::string>{document}, unbake::Execution{1});
    for (const auto& d : outcome.documents)
      for (double x : d.mixture)
        if (!std::isfinite(x) || x < 0) unbake::fuzz::broken("mixture is negative or not finite");
  } catch (const unbake::Error&) {
    // InputError from loading; a usage or numeric error from transform.
  }
  return 0;
}
