#pragma once
// What a fit will allocate, known from the shape alone: a 70-byte .mtx can
// declare 50000000 x 50000000, and the dense factors follow the declared
// shape. fit() refuses such a run up front instead of failing mid-way.
#include <cstdint>

#include <unbake/nmf/config.hpp>

namespace unbake::nmf {

// Bytes a fit of a rows x cols matrix with nnz entries allocates at its peak
// (beyond the input itself), when it solves on solve_rows x solve_cols of it
// (the occupied part) and returns factors of the full shape.
double fit_memory_bytes(std::int64_t rows, std::int64_t cols, std::int64_t solve_rows,
                        std::int64_t solve_cols, std::int64_t nnz, const NmfConfig& config);

// Throws InputError naming the estimate when it exceeds the memory this
// process can have (core/memory.hpp).
void check_memory(std::int64_t rows, std::int64_t cols, std::int64_t solve_rows, std::int64_t solve_cols,
                  std::int64_t nnz, const NmfConfig& config);

}  // namespace unbake::nmf
