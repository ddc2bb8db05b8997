#pragma once
// Thread-count resolution shared by every parallel stage. Results never depend
// on the count: parallel work is split into fixed, count-independent pieces
// and reduced in a fixed order.
namespace unbake {

// More threads than this many per core only add switching, and a huge count
// (100000) exhausts the process's thread limit.
inline constexpr int kThreadsPerCoreCap = 4;

// 0 means "all cores". Returns the count to use (>= 1): at most
// kThreadsPerCoreCap x the cores (a larger request is lowered, with one
// warning), and only a count this process has been seen to start: the first
// time a count is asked for, that many threads are started and joined, and
// failing that throws Error("cannot start N threads: ..."). (libgomp exits
// the process when it cannot create a team's thread; this fails cleanly
// before the first parallel region instead.)
int resolve_threads(int requested);

// kThreadsPerCoreCap x the cores: the most threads resolve_threads gives.
int thread_cap();

// Throws Error("cannot start N threads: REASON") for the errno `err`.
[[noreturn]] void throw_thread_failure(int threads, int err);

}  // namespace unbake
