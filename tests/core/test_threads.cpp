#include <doctest/doctest.h>

#include <thread>

#include <unbake/core/errors.hpp>
#include <unbake/core/threads.hpp>

TEST_CASE("resolve_threads caps a huge count at 4x the cores") {
  const unsigned hw = std::thread::hardware_concurrency();
  const int cores = hw == 0 ? 1 : static_cast<int>(hw);
  CHECK(unbake::resolve_threads(0) == cores);
  CHECK(unbake::resolve_threads(1) == 1);
  CHECK(unbake::resolve_threads(100000) == unbake::kThreadsPerCoreCap * cores);
  CHECK(unbake::resolve_threads(2147483647) == unbake::kThreadsPerCoreCap * cores);
  CHECK_THROWS_AS(unbake::resolve_threads(-1), unbake::UsageError);
}
