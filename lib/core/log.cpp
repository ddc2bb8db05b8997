#include "core/log.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>

namespace unbake {

spdlog::logger& log() {
  static std::shared_ptr<spdlog::logger> logger = [] {
    auto l = spdlog::stderr_color_mt("unbake");
    l->set_pattern("%^%l%$: %v");
    l->set_level(spdlog::level::info);
    return l;
  }();
  return *logger;
}

void configure_logging(bool verbose, bool quiet) {
  auto level = spdlog::level::info;
  if (verbose) level = spdlog::level::debug;
  if (quiet) level = spdlog::level::err;
  log().set_level(level);
}

}  // namespace unbake
