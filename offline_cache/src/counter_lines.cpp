#include "offline_cache/counter_lines.h"

#include <nlohmann/json.hpp>

#include "offline_cache/content_cache.h"

namespace ck::cache {
namespace {

using nlohmann::json;

constexpr const char* kPrefix = "counter.line.";

}  // namespace

Status SaveCounterLineOverride(Database& db, const CounterLineOverride& line) {
    if (line.name.empty()) return MakeError("counter.line_name", "a stored counting line needs its name");
    const json j = {{"line", {line.x1, line.y1, line.x2, line.y2}}, {"set_ms", ToUnixMs(line.set_at)}};
    return PutSetting(db, kPrefix + line.name, j.dump());
}

Result<std::vector<CounterLineOverride>> LoadCounterLineOverrides(Database& db) {
    auto stored = ListSettings(db, kPrefix);
    if (!stored) return stored.error();
    std::vector<CounterLineOverride> out;
    for (const auto& [key, value] : *stored) {
        const json j = json::parse(value, nullptr, false);
        if (!j.is_object()) continue;
        const auto line = j.find("line");
        const auto set = j.find("set_ms");
        if (line == j.end() || !line->is_array() || line->size() != 4 || set == j.end() ||
            !set->is_number_integer())
            continue;
        bool ints = true;
        for (const auto& v : *line) ints = ints && v.is_number_integer();
        if (!ints) continue;
        CounterLineOverride o;
        o.name = key.substr(std::string(kPrefix).size());
        o.x1 = (*line)[0].get<int>();
        o.y1 = (*line)[1].get<int>();
        o.x2 = (*line)[2].get<int>();
        o.y2 = (*line)[3].get<int>();
        o.set_at = FromUnixMs(set->get<std::int64_t>());
        out.push_back(std::move(o));
    }
    return out;
}

Status DeleteCounterLineOverride(Database& db, const std::string& name) {
    return DeleteSetting(db, kPrefix + name);
}

}  // namespace ck::cache
