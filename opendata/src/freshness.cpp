#include "opendata/freshness.h"

#include <unicode/timezone.h>

#include <memory>

namespace ck::od {

using std::chrono::duration_cast;
using std::chrono::minutes;

bool IsStale(TimePoint observed, TimePoint now, std::chrono::seconds stale_after) {
    return now - observed > stale_after || observed - now > minutes(10);
}

std::string AgeText(loc::Localizer& loc, TimePoint observed, TimePoint now) {
    const auto age = duration_cast<minutes>(now - observed).count();
    const std::string time = loc.FormatTime(observed);
    if (age < 1) return loc.Format("kiosk.live.age.now", {{"time", time}});
    if (age < 60) return loc.Format("kiosk.live.age.minutes", {{"time", time}, {"n", age}});
    if (age < 24 * 60) return loc.Format("kiosk.live.age.hours", {{"time", time}, {"n", age / 60}});
    // Older than a day: the date says more than the time.
    return loc.Format("kiosk.live.age.days",
                      {{"date", loc.FormatDate(observed, loc::DateStyle::kMedium)}, {"n", age / (24 * 60)}});
}

minutes UtcOffsetAt(TimePoint t) {
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createDefault());
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    zone->getOffset(static_cast<UDate>(ToUnixMs(t)), false, raw, dst, status);
    if (U_FAILURE(status)) return minutes(0);
    return duration_cast<minutes>(std::chrono::milliseconds(raw + dst));
}

TimePoint LocalDayStart(TimePoint t) {
    const auto offset = UtcOffsetAt(t);
    constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
    const std::int64_t local = ToUnixMs(t) + offset.count() * 60000;
    const std::int64_t day = (local >= 0 ? local / kDayMs : (local - kDayMs + 1) / kDayMs) * kDayMs;
    // The offset at midnight may differ from the one at t (a DST change that day): ask again there.
    const TimePoint guess = FromUnixMs(day - offset.count() * 60000);
    return FromUnixMs(day - UtcOffsetAt(guess).count() * 60000);
}

}  // namespace ck::od
