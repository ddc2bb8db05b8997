#include <unbake/quality/choose_k.hpp>

#include <algorithm>
#include <cstdio>
#include <string>

#include <unbake/core/errors.hpp>

namespace unbake::quality {

KChoice choose_k(const std::vector<KScore>& scores, double tie) {
  const std::size_t n = scores.size();
  if (n == 0) throw UsageError("no k to choose from");
  auto s = [&](std::size_t i) { return scores[i].stability; };
  std::vector<std::size_t> candidates;
  for (std::size_t i = 1; i + 1 < n; ++i)
    if (s(i) >= s(i - 1) && s(i) >= s(i + 1)) candidates.push_back(i);
  const bool peaks = !candidates.empty();
  if (!peaks)
    for (std::size_t i = 0; i < n; ++i) candidates.push_back(i);

  std::size_t most_stable = candidates.front();
  for (std::size_t i : candidates)
    if (s(i) > s(most_stable)) most_stable = i;
  std::size_t pick = most_stable;
  for (std::size_t i : candidates)
    if (s(i) >= s(most_stable) - tie && scores[i].coherence > scores[pick].coherence) pick = i;

  char text[320];
  int len = 0;
  if (pick == most_stable)
    len = std::snprintf(text, sizeof text, "k = %d has the most stable topics%s (%.3f)", scores[pick].k,
                        peaks ? " of the stability curve's peaks" : "", s(pick));
  else
    len = std::snprintf(
        text, sizeof text,
        "k = %d is within %.2f of the most stable %s (k = %d, %.3f) and more coherent (%.3f vs %.3f)",
        scores[pick].k, tie, peaks ? "peak" : "k", scores[most_stable].k, s(most_stable),
        scores[pick].coherence, scores[most_stable].coherence);
  const std::size_t edge = s(0) >= s(n - 1) ? 0 : n - 1;
  if (peaks && s(edge) > s(pick) && len > 0 && len < static_cast<int>(sizeof text))
    std::snprintf(text + len, sizeof text - static_cast<std::size_t>(len),
                  "; k = %d is more stable (%.3f) but lies at the edge of the range, not at a peak",
                  scores[edge].k, s(edge));
  std::string reason = text;
  const bool at_edge = n > 1 && (pick == 0 || pick == n - 1);
  if (at_edge) {
    // Widen by the range's own span on the side of the edge (k stays >= 2).
    const int lo = scores.front().k, hi = scores.back().k, span = std::max(2, hi - lo);
    const bool low = pick == 0;
    const int wider_lo = low ? std::max(2, lo - span) : lo, wider_hi = low ? hi : hi + span;
    reason += "; it is at the " + std::string(low ? "lower" : "upper") +
              " edge of the range swept, so a better k " + (low ? "below" : "above") + " it is not ruled out";
    if (wider_lo < lo || wider_hi > hi)
      reason += ": widen the range (-k " + std::to_string(wider_lo) + ":" + std::to_string(wider_hi) + ")";
  }
  return {pick, reason, at_edge};
}

}  // namespace unbake::quality
