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

std::optional<TimePoint> ParseIsoUtc(const std::string& text) {
    // "YYYY-MM-DDTHH:MM:SSZ": 20 characters, digits where the pattern has 'd'.
    static constexpr char kPattern[] = "dddd-dd-ddTdd:dd:ddZ";
    if (text.size() != sizeof kPattern - 1) return std::nullopt;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool digit = text[i] >= '0' && text[i] <= '9';
        if (kPattern[i] == 'd' ? !digit : text[i] != kPattern[i]) return std::nullopt;
    }
    auto num = [&](std::size_t at, std::size_t len) {
        int v = 0;
        for (std::size_t i = at; i < at + len; ++i) v = v * 10 + (text[i] - '0');
        return v;
    };
    std::tm tm{};
    tm.tm_year = num(0, 4) - 1900;
    tm.tm_mon = num(5, 2) - 1;
    tm.tm_mday = num(8, 2);
    tm.tm_hour = num(11, 2);
    tm.tm_min = num(14, 2);
    tm.tm_sec = num(17, 2);
    const TimePoint t = FromUnixMs(static_cast<std::int64_t>(timegm(&tm)) * 1000);
    // timegm normalises "02-31" to March: only a date that reads back the same is real.
    if (FormatIsoUtc(t) != text) return std::nullopt;
    return t;
}

}  // namespace ck
