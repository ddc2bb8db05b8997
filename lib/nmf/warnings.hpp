#pragma once
// Log lines about a finished fit that the caller may want to act on.
#include <unbake/nmf/result.hpp>

namespace unbake::nmf {

// Warns when a fit ended worse than W = H = 0 (relative error above 1), which
// only the non-monotone clipped ALS can do: the numbers are reported as they
// are, and the warning says what to use instead.
void warn_if_worse_than_zero(const NmfResult& result);

}  // namespace unbake::nmf
