#include "text/icu_words.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <string>

#include <unbake/core/errors.hpp>

namespace unbake::text {

struct IcuWordSegmenter::Impl {
  std::unique_ptr<icu::BreakIterator> breaks;
  UText* text = nullptr;
  std::string_view utf8;
  int32_t start = 0;
};

IcuWordSegmenter::IcuWordSegmenter() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->breaks.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !impl_->breaks) {
    throw Error(std::string("cannot create ICU word break iterator: ") + u_errorName(status));
  }
}

IcuWordSegmenter::~IcuWordSegmenter() {
  if (impl_ && impl_->text) utext_close(impl_->text);
}

void IcuWordSegmenter::reset(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  // Re-opening the same UText reuses its storage instead of allocating a new one.
  impl_->text = utext_openUTF8(impl_->text, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_SUCCESS(status)) impl_->breaks->setText(impl_->text, status);
  if (U_FAILURE(status)) {
    throw Error(std::string("ICU word break iterator rejected the text: ") + u_errorName(status));
  }
  impl_->utf8 = utf8;
  impl_->start = impl_->breaks->first();
}

bool IcuWordSegmenter::next(std::string_view& segment) {
  const int32_t end = impl_->breaks->next();
  if (end == icu::BreakIterator::DONE) return false;
  // UText over UTF-8 indexes by byte offset, so boundaries slice the input directly.
  segment = impl_->utf8.substr(static_cast<std::size_t>(impl_->start),
                               static_cast<std::size_t>(end - impl_->start));
  impl_->start = end;
  return true;
}

}  // namespace unbake::text
