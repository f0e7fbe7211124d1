// Reading a file an operator names (configuration, replay script): only a regular file, its size checked
// before reading, so a directory, /dev/zero or a FIFO gives a clear error instead of defaults or a hang.
#pragma once

#include <cstddef>
#include <string>

#include "core/result.h"

namespace ck::kiosk {

// The whole file. Error codes: "file.missing" (cannot be opened: absent, no permission, empty name),
// "file.not_regular" (a directory, device, FIFO or socket), "file.too_large" (over max_bytes), "file.read".
// Messages start with the quoted path.
Result<std::string> ReadRegularFile(const std::string& path, std::size_t max_bytes);

}  // namespace ck::kiosk
