// Bytes in, tokens out: one document read from disk and decoded (binary,
// BOMs, invalid UTF-8, legacy and strict encodings), then tokenized under
// several tokenizer settings. Every token must be non-empty valid UTF-8.
#include <array>
#include <memory>

#include <unbake/text/reader.hpp>
#include <unbake/text/tokenizer.hpp>
#include "fuzz_input.hpp"
#include "text/decode.hpp"

namespace {

constexpr std::size_t kMaxInput = 1 << 16;

unbake::text::Tokenizer& tokenizer_for(unsigned variant) {
  static std::array<std::unique_ptr<unbake::text::Tokenizer>, 4> tokenizers = [] {
    std::array<std::unique_ptr<unbake::text::Tokenizer>, 4> t;
    unbake::text::TokenizerOptions plain;
    plain.stopwords = {"en"};
    t[0] = std::make_unique<unbake::text::Tokenizer>(plain);
    unbake::text::TokenizerOptions loose;
    loose.min_token_length = 1;
    loose.keep_numbers = true;
    loose.stopwords = {"none"};
    loose.ngram = 2;
    t[1] = std::make_unique<unbake::text::Tokenizer>(loose);
    unbake::text::TokenizerOptions accents;
    accents.strip_accents = true;
    accents.stopwords = {"fr", "de"};
    t[2] = std::make_unique<unbake::text::Tokenizer>(accents);
    unbake::text::TokenizerOptions stemmed;
    stemmed.stem = "english";
    stemmed.stopwords = {"en"};
    stemmed.ngram = 2;
    t[3] = std::make_unique<unbake::text::Tokenizer>(stemmed);
    return t;
  }();
  return *tokenizers[variant % tokenizers.size()];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0 || size > kMaxInput) return 0;
  // The first byte picks the encoding and the tokenizer; the rest is the file.
  static const std::array<const char*, 6> encodings{"auto", "auto", "utf-8", "latin1", "shift_jis", "utf-16"};
  const unsigned choice = data[0];
  unbake::text::ReaderOptions options;
  options.encoding = encodings[choice % encodings.size()];
  const std::string path = unbake::fuzz::write_input(data + 1, size - 1, ".txt");

  const auto outcome = unbake::text::read_document({"doc.txt", path}, options);
  if (!outcome.text) {
    if (outcome.skip_reason.empty()) unbake::fuzz::broken("skipped without a reason");
    return 0;
  }
  if (unbake::text::find_invalid_utf8(*outcome.text) != std::string_view::npos)
    unbake::fuzz::broken("decoded text is not valid UTF-8");
  tokenizer_for(choice / encodings.size()).tokenize(*outcome.text, [](std::string_view term) {
    if (term.empty()) unbake::fuzz::broken("empty token");
    if (unbake::text::find_invalid_utf8(term) != std::string_view::npos)
      unbake::fuzz::broken("token is not valid UTF-8");
  });
  return 0;
}
