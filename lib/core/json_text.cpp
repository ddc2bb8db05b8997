#include "core/json_text.hpp"

namespace unbake {

std::string json_message(const nlohmann::json::exception& e) {
  const std::string what = e.what();
  const auto end = what.find("] ");
  return end == std::string::npos ? what : what.substr(end + 2);
}

}  // namespace unbake
