#pragma once
// The sweep's text report: a table per k, a chart of error and stability,
// and the recommendation.
#include <ostream>

#include <unbake/model/sweep.hpp>

namespace unbake::report {

void write_sweep_text(std::ostream& out, const model::SweepReport& report);

}  // namespace unbake::report
