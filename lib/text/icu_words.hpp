#pragma once
// ICU's root word BreakIterator over UTF-8 text without converting it to
// UTF-16 (UText over the bytes). Dictionary-based languages (Chinese,
// Japanese, Thai, ...) are segmented by ICU's dictionaries. Not thread-safe.
#include <memory>
#include <string_view>

namespace unbake::text {

class IcuWordSegmenter {
 public:
  IcuWordSegmenter();
  ~IcuWordSegmenter();
  IcuWordSegmenter(const IcuWordSegmenter&) = delete;
  IcuWordSegmenter& operator=(const IcuWordSegmenter&) = delete;

  // Starts segmenting `utf8`, which must stay alive while next() is used.
  void reset(std::string_view utf8);
  // Every segment in order (words, spaces, punctuation alike); false at the end.
  bool next(std::string_view& segment);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace unbake::text
