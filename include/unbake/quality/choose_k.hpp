#pragma once
// Recommending a topic count from a sweep's per-k stability and coherence.
#include <string>
#include <vector>

namespace unbake::quality {

struct KScore {
  int k = 0;
  double stability = 0;  // mean resampling agreement, 0..1
  double coherence = 0;  // mean NPMI of the topics, -1..1
};

struct KChoice {
  std::size_t index = 0;  // into the scores given
  std::string reason;     // one sentence for the user
  // The choice is the smallest or largest k swept (of two or more): the best
  // k may lie beyond the range, and the reason says so and how to widen it.
  bool at_edge = false;
};

// Greene et al. read k off the peaks of the stability curve. A maximum at
// either end of the swept range is not a peak: it only says stability keeps
// rising past the range, and at the low end it is usually the coarsest split
// of the corpus (k = 2 is stable because it is crude). So the candidates are
// the interior local maxima (at least both neighbours' stability), or every k
// when there is none; the most stable candidate wins, and candidates within
// `tie` of it are near-ties that the more coherent one wins (then the smaller
// k). `scores` are in ascending k. Throws UsageError when empty.
KChoice choose_k(const std::vector<KScore>& scores, double tie = 0.02);

}  // namespace unbake::quality
