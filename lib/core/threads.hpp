#pragma once
// Thread-count resolution shared by every parallel stage. Results never depend
// on the count: parallel work is split into fixed, count-independent pieces
// and reduced in a fixed order.
namespace unbake {

// 0 means "all cores". Returns the count to use (>= 1).
int resolve_threads(int requested);

}  // namespace unbake
