#include <unbake/core/errors.hpp>
#include <unbake/core/execution.hpp>

namespace unbake {

void Execution::throw_if_cancelled() const {
  if (cancelled()) throw Cancelled();
}

}  // namespace unbake
