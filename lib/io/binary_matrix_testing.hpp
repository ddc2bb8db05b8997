#pragma once
// For tests and fuzzing only: the checksum stops almost every random change
// at the first check, so a fuzzer reaches the layout checks behind it only
// through inputs whose checksum was made right again.
#include <string>

namespace unbake::io::testing {

// `bytes` with its last 8 bytes replaced by the checksum of the rest (when it
// is at least 16 bytes long and a multiple of 8; unchanged otherwise).
std::string with_valid_checksum(std::string bytes);

}  // namespace unbake::io::testing
