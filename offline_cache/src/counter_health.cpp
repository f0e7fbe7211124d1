#include "offline_cache/counter_health.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "offline_cache/content_cache.h"

namespace ck::cache {
namespace {

using nlohmann::json;

constexpr const char* kKey = "counter.state";
constexpr std::array<CounterRunState, 5> kStates = {CounterRunState::kStarting, CounterRunState::kRunning,
                                                    CounterRunState::kRetrying, CounterRunState::kError,
                                                    CounterRunState::kStopped};

std::optional<CounterRunState> StateFrom(const std::string& text) {
    for (const CounterRunState s : kStates) {
        if (text == ToString(s)) return s;
    }
    return std::nullopt;
}

// json::value() throws when the member has another type; a damaged setting must not.
std::string TextOr(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

template <typename T>
T NumberOr(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number()) return T{};
    const double d = it->get<double>();
    // Outside T's range the conversion would be undefined: a damaged figure reads as 0.
    const bool fits = d >= static_cast<double>(std::numeric_limits<T>::lowest()) &&
                      d <= static_cast<double>(std::numeric_limits<T>::max());
    return std::isfinite(d) && std::fabs(d) < 9e15 && fits ? static_cast<T>(d) : T{};
}

CounterHealth Unreadable(const std::string& why) {
    CounterHealth h;
    h.state = CounterRunState::kError;
    h.message = "stored counter health unreadable: " + why;
    return h;
}

}  // namespace

const char* ToString(CounterRunState state) {
    switch (state) {
        case CounterRunState::kStarting:
            return "starting";
        case CounterRunState::kRunning:
            return "running";
        case CounterRunState::kRetrying:
            return "retrying";
        case CounterRunState::kError:
            return "error";
        case CounterRunState::kStopped:
            return "stopped";
    }
    return "error";
}

Status SaveCounterHealth(Database& db, const CounterHealth& h) {
    json lines = json::array();
    for (const auto& l : h.lines)
        lines.push_back({{"name", l.name}, {"positive", l.positive}, {"negative", l.negative}});
    const json j = {{"state", ToString(h.state)},
                    {"detector", h.detector},
                    {"fps", std::isfinite(h.fps) ? std::round(h.fps * 10) / 10 : 0.0},
                    {"frames", h.frames},
                    {"retries", h.retries},
                    {"message", h.message},
                    {"lines", lines},
                    {"frame_width", h.frame_width},
                    {"frame_height", h.frame_height},
                    {"updated", FormatIsoUtc(h.updated)}};
    return PutSetting(db, kKey, j.dump(-1, ' ', false, json::error_handler_t::replace));
}

Result<std::optional<CounterHealth>> LoadCounterHealth(Database& db) {
    Result<std::optional<std::string>> stored = GetSetting(db, kKey);
    if (!stored) return stored.error();
    if (!*stored) return std::optional<CounterHealth>();
    const json j = json::parse(**stored, nullptr, false);
    if (!j.is_object()) return std::optional<CounterHealth>(Unreadable("not a JSON object"));
    CounterHealth h;
    const auto state = StateFrom(TextOr(j, "state"));
    const auto updated = ParseIsoUtc(TextOr(j, "updated"));
    if (!state) return std::optional<CounterHealth>(Unreadable("unknown state"));
    if (!updated) return std::optional<CounterHealth>(Unreadable("no time of the last update"));
    h.state = *state;
    h.updated = *updated;
    h.detector = TextOr(j, "detector");
    h.fps = NumberOr<double>(j, "fps");
    h.frames = NumberOr<std::int64_t>(j, "frames");
    h.retries = NumberOr<int>(j, "retries");
    h.message = TextOr(j, "message");
    // Bounded first: a damaged figure must not overflow an int.
    h.frame_width =
        static_cast<int>(std::clamp<std::int64_t>(NumberOr<std::int64_t>(j, "frame_width"), 0, 100000));
    h.frame_height =
        static_cast<int>(std::clamp<std::int64_t>(NumberOr<std::int64_t>(j, "frame_height"), 0, 100000));
    if (j.contains("lines") && j["lines"].is_array()) {
        for (const auto& l : j["lines"]) {
            if (!l.is_object()) continue;
            h.lines.push_back({TextOr(l, "name"), NumberOr<std::int64_t>(l, "positive"),
                               NumberOr<std::int64_t>(l, "negative")});
        }
    }
    return std::optional<CounterHealth>(std::move(h));
}

}  // namespace ck::cache
