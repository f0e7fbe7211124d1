// The configuration loader from a TOML text: whatever an operator (or a broken editor) leaves in the file
// must give a Config or a clear error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    (void)ck::kiosk::ParseConfig(text);
    return 0;
}
