#include <unbake/quality/k_range.hpp>

#include <cerrno>
#include <cstdlib>

#include <unbake/core/errors.hpp>

namespace unbake::quality {
namespace {

// Upper bound on any k: far beyond any useful topic count, and it keeps a
// typo such as 2:1000000 from planning a million fits.
constexpr long kMaxK = 100000;

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::string::size_type begin = 0;
  for (;;) {
    auto end = s.find(sep, begin);
    parts.push_back(s.substr(begin, end == std::string::npos ? std::string::npos : end - begin));
    if (end == std::string::npos) return parts;
    begin = end + 1;
  }
}

}  // namespace

std::vector<int> parse_k_range(const std::string& spec) {
  // The spec becomes SweepOptions::ks, the field named.
  auto bad = [&](const std::string& why) {
    return UsageError("ks", "'" + spec + "' is not a valid range: " + why);
  };
  auto number = [&](const std::string& text) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
      throw bad("'" + text + "' is not a whole number");
    errno = 0;
    long v = std::strtol(text.c_str(), nullptr, 10);
    if (errno == ERANGE || v > kMaxK) throw bad("'" + text + "' is too large");
    if (v < 1) throw bad("k must be at least 1");
    return static_cast<int>(v);
  };

  std::vector<int> ks;
  const bool has_colon = spec.find(':') != std::string::npos;
  const bool has_comma = spec.find(',') != std::string::npos;
  if (has_colon && has_comma) throw bad("use either LO:HI[:STEP] or a comma list");
  if (has_colon) {
    auto parts = split(spec, ':');
    if (parts.size() > 3) throw bad("expected LO:HI or LO:HI:STEP");
    const int lo = number(parts[0]), hi = number(parts[1]);
    const int step = parts.size() == 3 ? number(parts[2]) : 1;
    if (hi < lo) throw bad("HI is below LO");
    if ((hi - lo) / step + 1 > kMaxK) throw bad("too many values");
    for (long k = lo; k <= hi; k += step) ks.push_back(static_cast<int>(k));
  } else {
    for (const auto& part : split(spec, ',')) {
      ks.push_back(number(part));
      if (ks.size() > 1 && ks[ks.size() - 1] <= ks[ks.size() - 2])
        throw bad("values must be strictly ascending");
    }
  }
  return ks;
}

}  // namespace unbake::quality
