#pragma once
// The visible text of an HTML page, through gumbo's HTML5 parser: no tags,
// scripts, styles or comments; entities decoded; block elements end lines.
#include <optional>
#include <string>
#include <string_view>

namespace unbake::text {

bool html_available();

// `html` must be UTF-8 (decode first). nullopt when the build has no gumbo.
std::optional<std::string> html_visible_text(std::string_view html);

}  // namespace unbake::text
