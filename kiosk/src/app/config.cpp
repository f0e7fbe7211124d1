#include "app/config.h"

namespace ck::kiosk {

Result<Config> ParseConfig(const std::string&) { return Config{}; }
Result<Config> LoadConfig(const std::string&) { return Config{}; }
Result<Config> LoadConfigOrDefault(const std::string& path) {
    if (path.empty()) return Config{};
    return LoadConfig(path);
}

}  // namespace ck::kiosk
