#pragma once
// Optimal assignment (Hungarian algorithm): matches the rows of a square cost
// matrix to its columns so that the total cost is smallest.
#include <vector>

#include <unbake/nmf/types.hpp>

namespace unbake::quality {

// Returns column[r] for each row r. Throws UsageError when `cost` is not square.
std::vector<long> min_cost_assignment(const nmf::Matrix& cost);

}  // namespace unbake::quality
