#pragma once
// The library's one named logger ("unbake"). The library only writes to it;
// app/ decides sinks and level. Logs always go to stderr, never stdout.
#include <spdlog/spdlog.h>

namespace unbake {

spdlog::logger& log();

// Called by app/: sets the level (quiet = errors only, verbose = debug).
void configure_logging(bool verbose, bool quiet);

}  // namespace unbake
