#include "offline_cache/run_history.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "offline_cache/content_cache.h"

namespace ck::cache {
namespace {

using nlohmann::json;

constexpr const char* kKey = "kiosk.run_history";
constexpr std::size_t kMaxKept = 32;  // only the last 30 minutes matter; a bound keeps the setting small

}  // namespace

Status SaveRunHistory(Database& db, const RunHistory& history) {
    json ends = json::array();
    const std::size_t skip =
        history.abnormal_ends.size() > kMaxKept ? history.abnormal_ends.size() - kMaxKept : 0;
    for (std::size_t i = skip; i < history.abnormal_ends.size(); ++i)
        ends.push_back(ToUnixMs(history.abnormal_ends[i]));
    const json j = {
        {"running", history.running}, {"started_ms", ToUnixMs(history.started)}, {"abnormal_ends_ms", ends}};
    return PutSetting(db, kKey, j.dump());
}

Result<RunHistory> LoadRunHistory(Database& db, TimePoint now) {
    Result<std::optional<std::string>> stored = GetSetting(db, kKey);
    if (!stored) return stored.error();
    RunHistory h;
    if (!*stored) return h;
    const json j = json::parse(**stored, nullptr, false);
    const auto running = j.is_object() ? j.find("running") : j.end();
    const auto started = j.is_object() ? j.find("started_ms") : j.end();
    const auto ends = j.is_object() ? j.find("abnormal_ends_ms") : j.end();
    if (!j.is_object() || running == j.end() || !running->is_boolean() || started == j.end() ||
        !started->is_number_integer() || ends == j.end() || !ends->is_array()) {
        h.abnormal_ends.push_back(now);
        return h;
    }
    h.running = running->get<bool>();
    h.started = FromUnixMs(started->get<std::int64_t>());
    for (const auto& e : *ends) {
        if (e.is_number_integer()) h.abnormal_ends.push_back(FromUnixMs(e.get<std::int64_t>()));
    }
    std::sort(h.abnormal_ends.begin(), h.abnormal_ends.end());
    return h;
}

}  // namespace ck::cache
