#pragma once
// The set of topic counts a sweep tries, as written on the command line.
#include <string>
#include <vector>

namespace unbake::quality {

// "LO:HI" (every k from LO to HI), "LO:HI:STEP" (LO, LO+STEP, ... up to HI)
// or a comma list "5,10,20". Throws UsageError naming the spec when it is
// malformed, a k is below 1, or a list is not strictly ascending.
std::vector<int> parse_k_range(const std::string& spec);

}  // namespace unbake::quality
