#include "app/counter_lines.h"

#include <algorithm>
#include <cmath>

#include <spdlog/spdlog.h>

#include "core/quote.h"
#include "hardware/line_counter.h"
#include "offline_cache/counter_lines.h"

namespace ck::kiosk {
namespace {

constexpr int kMaxCoordinate = 10000;  // as for the configuration's `line`

hw::Segment Configured(const CountingLineConfig& l) {
    return {{double(l.x1), double(l.y1)}, {double(l.x2), double(l.y2)}};
}

// The same bounds for a stored line as for a new one: whole pixels in the configuration's range, 2 px long.
Status CheckSegment(const hw::Segment& s, int frame_width, int frame_height) {
    for (double v : {s.a.x, s.a.y, s.b.x, s.b.y}) {
        if (!std::isfinite(v) || v < 0 || v > kMaxCoordinate)
            return MakeError("counter.line_outside",
                             "line ends must lie within 0.." + std::to_string(kMaxCoordinate) + " px");
    }
    return hw::ValidateLine(s, frame_width, frame_height);
}

}  // namespace

Result<std::vector<ActiveCounterLine>> ActiveCounterLines(const Config& config, cache::Database* db) {
    std::vector<ActiveCounterLine> out;
    for (const auto& l : config.counter.lines)
        out.push_back({l.name, Configured(l), l.towards_is_positive, false, {}, Configured(l)});
    if (!db) return out;
    auto stored = cache::LoadCounterLineOverrides(*db);
    if (!stored) return stored.error();
    for (const cache::CounterLineOverride& o : *stored) {
        const hw::Segment s{{double(o.x1), double(o.y1)}, {double(o.x2), double(o.y2)}};
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& a) { return a.name == o.name; });
        if (it == out.end()) {
            spdlog::warn("counter: a line set on the kiosk names no configured line ({}); ignored",
                         QuoteInput(o.name));
            continue;
        }
        if (Status valid = CheckSegment(s, 0, 0); !valid) {
            spdlog::warn(
                "counter: the line set on the kiosk for {} is unusable ({}); the configured one counts",
                o.name, valid.error().message);
            continue;
        }
        it->segment = s;
        it->set_on_kiosk = true;
        it->set_at = o.set_at;
    }
    return out;
}

Result<hw::Segment> SetCounterLine(cache::Database& db, const Config& config, const std::string& name,
                                   hw::Segment segment, int frame_width, int frame_height, TimePoint now) {
    const bool known = std::any_of(config.counter.lines.begin(), config.counter.lines.end(),
                                   [&](const auto& l) { return l.name == name; });
    if (!known) {
        std::string names;
        for (const auto& l : config.counter.lines) names += (names.empty() ? "" : ", ") + l.name;
        return MakeError("counter.line_unknown",
                         "no counting line is named " + QuoteInput(name) +
                             " (configured: " + (names.empty() ? std::string("none") : names) + ")");
    }
    for (double* v : {&segment.a.x, &segment.a.y, &segment.b.x, &segment.b.y})
        if (std::isfinite(*v)) *v = std::round(*v);
    if (Status valid = CheckSegment(segment, frame_width, frame_height); !valid) return valid.error();
    cache::CounterLineOverride o;
    o.name = name;
    o.x1 = static_cast<int>(segment.a.x);
    o.y1 = static_cast<int>(segment.a.y);
    o.x2 = static_cast<int>(segment.b.x);
    o.y2 = static_cast<int>(segment.b.y);
    o.set_at = now;
    if (Status saved = cache::SaveCounterLineOverride(db, o); !saved) return saved.error();
    spdlog::info("counter: line {} set on the kiosk to {},{} -> {},{}", name, o.x1, o.y1, o.x2, o.y2);
    return segment;
}

Status ResetCounterLines(cache::Database& db, const Config& config) {
    // By the configured names too: a stored line too damaged to be listed is gone as well.
    auto stored = cache::LoadCounterLineOverrides(db);
    if (!stored) return stored.error();
    std::vector<std::string> names;
    for (const auto& l : config.counter.lines) names.push_back(l.name);
    for (const auto& o : *stored) names.push_back(o.name);
    for (const std::string& name : names) {
        if (Status st = cache::DeleteCounterLineOverride(db, name); !st) return st;
    }
    spdlog::info("counter: the lines set on the kiosk were reset to the configuration");
    return {};
}

void UseActiveLines(counting::CountingSettings& settings, const std::vector<ActiveCounterLine>& lines) {
    for (auto& l : settings.lines) {
        for (const auto& a : lines)
            if (a.name == l.line.name) l.line.segment = a.segment;
    }
}

}  // namespace ck::kiosk
