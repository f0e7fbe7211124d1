#include "core/time.h"

#include <ctime>

namespace ck {

std::string FormatIsoUtc(TimePoint t) {
    const std::time_t secs = static_cast<std::time_t>(ToUnixMs(t) / 1000 - (ToUnixMs(t) % 1000 < 0 ? 1 : 0));
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace ck
