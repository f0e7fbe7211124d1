// The counting lines the kiosk counts with: the configured `[[counter.lines]]`, each replaced by a line set
// on the kiosk (the admin screen's drag, `civic-kiosk counter line set`) when one is stored under its name.
// The app's start, the admin screen and the CLI share this, so they agree on what is active and on what a
// new line must satisfy.
#pragma once

#include <string>
#include <vector>

#include "app/config.h"
#include "core/result.h"
#include "core/time.h"
#include "counting/counting_service.h"
#include "hardware/geometry.h"
#include "offline_cache/database.h"

namespace ck::kiosk {

struct ActiveCounterLine {
    std::string name;
    hw::Segment segment;  // camera pixels, A -> B
    bool towards_is_positive = true;
    bool set_on_kiosk = false;  // a stored line replaces the configured one
    TimePoint set_at{};         // when it was stored (set_on_kiosk only)
    hw::Segment configured;     // the configuration's segment, what Reset returns to
};

// The configured lines in their order, each with its stored replacement applied. db null: the configuration
// alone. A stored line that names no configured line or is not a usable segment is ignored (logged).
Result<std::vector<ActiveCounterLine>> ActiveCounterLines(const Config& config, cache::Database* db);

// Checks and stores a line the operator set: the name must be a configured line ("counter.line_unknown"),
// the ends are rounded to whole pixels and must lie within 0..10000 and, when the frame size is known
// (> 0), inside the frame ("counter.line_outside"), at least 2 px apart ("counter.line_invalid"). Returns
// the segment as stored.
Result<hw::Segment> SetCounterLine(cache::Database& db, const Config& config, const std::string& name,
                                   hw::Segment segment, int frame_width, int frame_height, TimePoint now);

// Forgets the stored lines: the configured ones count again.
Status ResetCounterLines(cache::Database& db, const Config& config);

// The counting service counts with these segments (names and order are the configuration's).
void UseActiveLines(counting::CountingSettings& settings, const std::vector<ActiveCounterLine>& lines);

}  // namespace ck::kiosk
