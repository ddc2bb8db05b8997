#include "nmf/warnings.hpp"

#include "core/log.hpp"

namespace unbake::nmf {

void warn_if_worse_than_zero(const NmfResult& result) {
  if (result.relative_error > 1)
    log().warn(
        "the {} fit ended with relative error {:.4g}, worse than all-zero factors; try the hals solver",
        to_string(result.config.solver), result.relative_error);
}

}  // namespace unbake::nmf
