#pragma once
// Text from the data (file names, words, labels, option values) on its way to
// a terminal. A file named "a\e[2Jb" must not clear the screen, and one named
// "x\nTopic 9 of 9 fake.txt" must not fake a report line, so control
// characters become visible escapes: C0 and DEL as \n, \t, \r or \xNN, C1
// (U+0080-U+009F) and the bidirectional overrides and isolates (U+202A-U+202E,
// U+2066-U+2069, which reorder what follows them on the line) as \uNNNN, and
// bytes that are not UTF-8 as \xNN. Everything else, including every script's
// letters, passes unchanged. JSON and CSV outputs have their own escaping and
// do not use this.
#include <string>
#include <string_view>

namespace unbake {

std::string printable(std::string_view text);

}  // namespace unbake
