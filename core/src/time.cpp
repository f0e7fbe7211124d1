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

namespace {

// Reads `n` digits at `pos`; false (and no advance) if they are not all there.
bool Digits(std::string_view s, std::size_t& pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    pos += n;
    return true;
}

bool Skip(std::string_view s, std::size_t& pos, char c) {
    if (pos < s.size() && s[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

}  // namespace

std::optional<TimePoint> ParseIso8601(std::string_view s) {
    std::size_t pos = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
    if (!Digits(s, pos, 4, year) || !Skip(s, pos, '-') || !Digits(s, pos, 2, month) || !Skip(s, pos, '-') ||
        !Digits(s, pos, 2, day)) {
        return std::nullopt;
    }
    int offset_minutes = 0;
    if (Skip(s, pos, 'T')) {
        if (!Digits(s, pos, 2, hour) || !Skip(s, pos, ':') || !Digits(s, pos, 2, minute)) return std::nullopt;
        if (Skip(s, pos, ':')) {
            if (!Digits(s, pos, 2, second)) return std::nullopt;
            if (Skip(s, pos, '.')) {
                std::size_t digits = 0;
                for (; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos, ++digits) {
                    if (digits < 3) millis = millis * 10 + (s[pos] - '0');
                }
                if (digits == 0) return std::nullopt;
                for (; digits < 3; ++digits) millis *= 10;
            }
        }
        if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
            const int sign = s[pos++] == '+' ? 1 : -1;
            int oh = 0, om = 0;
            if (!Digits(s, pos, 2, oh)) return std::nullopt;
            Skip(s, pos, ':');
            if (pos < s.size() && !Digits(s, pos, 2, om)) return std::nullopt;
            if (oh > 14 || om > 59) return std::nullopt;
            offset_minutes = sign * (oh * 60 + om);
        } else {
            Skip(s, pos, 'Z');
        }
    }
    if (pos != s.size()) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                          std::chrono::day{static_cast<unsigned>(day)}};
    if (!ymd.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
    const auto days = std::chrono::sys_days(ymd).time_since_epoch();
    return TimePoint(std::chrono::duration_cast<std::chrono::milliseconds>(days) + std::chrono::hours(hour) +
                     std::chrono::minutes(minute - offset_minutes) + std::chrono::seconds(second) +
                     std::chrono::milliseconds(millis));
}

}  // namespace ck
