// The one global the kiosk has: spdlog's default logger. stderr plus a size-bounded rotating file, and
// identical repeated messages are rate-limited so an offline kiosk does not fill its disk.
#pragma once

#include "app/config.h"

namespace ck::kiosk {

// quiet: warnings and errors only on stderr (screenshots, replays, CLI tools).
void SetupLogging(const Config& config, bool quiet);

}  // namespace ck::kiosk
