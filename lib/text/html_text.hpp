#pragma once
// The visible text of an HTML page, through gumbo's HTML5 parser: no tags,
// scripts, styles or comments; entities decoded; block elements end lines.
#include <optional>
#include <string>
#include <string_view>

namespace unbake::text {

bool html_available();

// Deeper than any page written by hand; past it, parsing costs gigabytes.
constexpr std::size_t kMaxHtmlDepth = 2000;

struct HtmlText {
  std::optional<std::string> text;
  std::string reason;  // why there is none: no gumbo in this build, or nesting too deep
};

// `html` must be UTF-8 (decode first).
HtmlText html_visible_text(std::string_view html);

}  // namespace unbake::text
