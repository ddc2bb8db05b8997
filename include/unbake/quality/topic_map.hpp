#pragma once
// Where topics lie relative to each other, for the report's intertopic map:
// Jensen–Shannon distances between the topics' word distributions, placed in
// the plane by classical multidimensional scaling (Torgerson 1952: double-
// centred squared distances, the two leading eigenvectors scaled by the root
// of their eigenvalues). Deterministic: each axis's sign is fixed so that its
// largest coordinate is positive.
#include <array>
#include <vector>

#include <unbake/nmf/types.hpp>

namespace unbake::quality {

// Each row of H as a distribution over the columns, smoothed by `epsilon`
// per column before normalising, so that no entry is an exact zero (NMF
// gives many) and logarithms stay finite.
nmf::Matrix word_distributions(const nmf::Matrix& H, double epsilon = 1e-12);

// k x k Jensen–Shannon distances between the rows of H, each taken as a
// distribution (square root of the divergence, base-2 logarithms: 0 for
// proportional rows, 1 for rows without a word in common). Zeros need no
// smoothing here, and a word neither row has costs nothing.
// Pairs are shared among `threads` workers (0 = all cores); the result does
// not depend on their number.
nmf::Matrix jensen_shannon_distances(const nmf::Matrix& H, int threads = 1);

// One (x, y) per row of `distances`; {0, 0} for a single topic.
std::vector<std::array<double, 2>> classical_mds(const nmf::Matrix& distances);

}  // namespace unbake::quality
