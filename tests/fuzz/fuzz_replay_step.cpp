// One line of a replay script (`run --replay`): hand-written, so anything may be in it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "replay/replay_step.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string line(reinterpret_cast<const char*>(data), size);
    (void)ck::kiosk::ParseReplayStep(line, 1);
    return 0;
}
