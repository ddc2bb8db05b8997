#pragma once
// What a file's name says about it, shared by the folder walk, the choice of
// a file's format and the choice of a table's: ASCII case folding (names and
// header values are compared case-insensitively) and extensions.
#include <string>
#include <string_view>

namespace unbake::text {

inline std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The extension of the path's last component, lower-cased: "README" has
// none, "foo.tar.gz" has ".gz"; a leading dot belongs to the name (hidden
// files), not to an extension.
inline std::string extension_of(std::string_view path) {
  if (const auto slash = path.rfind('/'); slash != std::string_view::npos) path.remove_prefix(slash + 1);
  const auto dot = path.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  return lower_ascii(path.substr(dot));
}

inline bool is_gz_name(std::string_view path) { return lower_ascii(path).ends_with(".gz"); }

// The extension that names the format of a possibly compressed file:
// "data.csv.gz" gives ".csv".
inline std::string format_extension(std::string_view path) {
  if (is_gz_name(path)) path.remove_suffix(3);
  return extension_of(path);
}

}  // namespace unbake::text
