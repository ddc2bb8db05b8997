#pragma once
#include <cstddef>  // defines __GLIBC__ on glibc

// Runtime CPU dispatch for the hot kernels. The library is built for the
// x86-64 baseline so that one binary (or Python wheel) runs on any x86-64
// machine; each function marked UNBAKE_KERNEL is compiled twice, for the
// baseline and for x86-64-v3 (AVX2, FMA), and the loader picks the clone
// the processor supports (GCC's target_clones, resolved once through an
// ifunc). There is no AVX-512 clone: the kernels gained nothing measurable
// from it, and without one every AVX2 and AVX-512 machine runs the same
// instructions and gets the same bits.
//
// Only the kernels are cloned: the rest of the library (Eigen's dense code in
// the SVD start, for one) runs baseline code, so a portable build and a
// -march=native build (UNBAKE_NATIVE, which turns the clones off) can differ
// in the last digits. Each is deterministic on its own.
//
// Put it on a function's definition, not on a separate declaration that
// other files see: a caller that sees the attribute on a declaration emits
// its own resolver and expects the clones to be visible to it. Templates and
// inline functions defined in a header are fine (the resolver is shared, each
// file keeps its own clones). A clone calling another cloned function goes
// through that one's resolver and cannot inline it: mark the outer kernel only.
//
// Clones need GCC 12 (arch=x86-64-v3 in target_clones) and an ELF platform
// with ifunc support (glibc); elsewhere (clang, musl, macOS, Windows) the
// kernels are built once, for the target's baseline.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12 && defined(__x86_64__) && defined(__ELF__) && \
    defined(__GLIBC__) && !defined(UNBAKE_NO_CLONES)
#define UNBAKE_KERNEL __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define UNBAKE_KERNEL
#endif
