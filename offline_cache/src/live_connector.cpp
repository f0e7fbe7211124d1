#include "offline_cache/live_connector.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "offline_cache/ngsi_connector.h"

namespace ck::cache {
namespace {

using nlohmann::json;

// A tile whose entities keep being rejected logs one line per this interval, not one per pull.
constexpr auto kLogEvery = std::chrono::minutes(10);

class LiveConnector {
  public:
    LiveConnector(HttpClient& client, LiveSettings settings)
        : client_(client), settings_(std::move(settings)) {
        while (!settings_.base_url.empty() && settings_.base_url.back() == '/') settings_.base_url.pop_back();
        due_.assign(settings_.tiles.size(), TimePoint{});
        suppressed_.assign(settings_.tiles.size(), 0);
        last_logged_.assign(settings_.tiles.size(), TimePoint{});
    }

    Result<PullOutcome> Pull(Database& db, TimePoint now) {
        PullOutcome total;
        for (std::size_t i = 0; i < settings_.tiles.size(); ++i) {
            if (now < due_[i]) continue;
            auto one = PullTile(db, i, now);
            if (!one) {
                // The tile's cached values stay as they were; it is tried again at the next pull.
                total.failures.push_back(one.error());
                continue;
            }
            due_[i] = now + std::chrono::milliseconds(
                                static_cast<std::int64_t>(settings_.tiles[i].refresh_s * 1000));
            total.stored += one->stored;
            total.skipped += one->skipped;
        }
        const auto keep = std::chrono::milliseconds(
            static_cast<std::int64_t>(std::clamp(settings_.history_days, 0.0, 3650.0) * 86400.0 * 1000.0));
        if (auto pruned = PruneLive(db, now - keep); !pruned) total.failures.push_back(pruned.error());
        return total;
    }

  private:
    Result<PullOutcome> PullTile(Database& db, std::size_t index, TimePoint now) {
        const LiveTilePull& tile = settings_.tiles[index];
        EntityQuery query;
        query.base_url = settings_.base_url;
        query.headers = NgsiHeaders(settings_.service,
                                    tile.service_path.empty() ? settings_.service_path : tile.service_path,
                                    settings_.auth_token, false);
        query.query = "type=" + UrlEncode(tile.type);
        if (!tile.entity_id.empty()) query.query += "&id=" + UrlEncode(tile.entity_id);
        if (!tile.id_pattern.empty()) query.query += "&idPattern=" + UrlEncode(tile.id_pattern);
        if (!tile.q.empty()) query.query += "&q=" + UrlEncode(tile.q);
        if (!tile.attrs.empty()) {
            std::string attrs;
            for (const auto& a : tile.attrs) attrs += (attrs.empty() ? "" : ",") + a;
            query.query += "&attrs=" + UrlEncode(attrs);
        }
        query.page_limit = settings_.page_limit;
        query.max_entities = settings_.max_entities_per_tile;
        query.what = "tile " + tile.tile;
        query.repair_utf8 = true;

        std::map<std::string, LiveRow> rows;  // by entity id: paging over a changing set may repeat one
        PullOutcome outcome;
        std::int64_t seen = 0;
        std::string first_reason;
        const Status fetched = ForEachPulledEntity(client_, query, [&](const json& entity) {
            ++seen;
            std::string reason = ValidatePulledEntity(entity, settings_.max_entity_bytes);
            Result<LiveRow> row = MakeError("live.invalid", reason);
            if (reason.empty()) row = settings_.parse(index, entity, now);
            if (!row) {
                if (first_reason.empty()) first_reason = row.error().message;
                ++outcome.skipped;
                return;
            }
            row->tile = tile.tile;
            row->fetched = now;
            rows[row->entity_id] = std::move(*row);
        });
        if (!fetched) return fetched.error();
        LogRejected(index, outcome.skipped, first_reason, now);
        // An answer of nothing but garbage is a bad answer, not "every entity is gone".
        if (rows.empty() && outcome.skipped > 0) {
            return MakeError("live.malformed", "tile " + tile.tile + ": all " + std::to_string(seen) +
                                                   " entities were rejected (" + first_reason + ")");
        }
        std::vector<LiveRow> list;
        for (auto& [id, row] : rows) list.push_back(std::move(row));
        if (auto st = StoreTilePull(db, tile.tile, list, now); !st) return st.error();
        outcome.stored = static_cast<std::int64_t>(list.size());
        return outcome;
    }

    // Rate-limited: the first rejection of a tile is logged at once, later ones at most every kLogEvery
    // with how many were not logged in between.
    void LogRejected(std::size_t index, std::int64_t skipped, const std::string& reason, TimePoint now) {
        if (skipped == 0) return;
        if (ToUnixMs(last_logged_[index]) != 0 && now - last_logged_[index] < kLogEvery) {
            suppressed_[index] += skipped;
            return;
        }
        spdlog::warn(
            "live: tile {}: skipped {} entities ({}){}", settings_.tiles[index].tile, skipped, reason,
            suppressed_[index] ? " and " + std::to_string(suppressed_[index]) + " since the last report"
                               : std::string());
        suppressed_[index] = 0;
        last_logged_[index] = now;
    }

    HttpClient& client_;
    LiveSettings settings_;
    std::vector<TimePoint> due_;
    std::vector<std::int64_t> suppressed_;
    std::vector<TimePoint> last_logged_;
};

}  // namespace

Connector MakeLiveConnector(HttpClient& client, LiveSettings settings) {
    double most_often = 86400;
    for (const auto& t : settings.tiles) most_often = std::min(most_often, std::max(t.refresh_s, 10.0));
    auto impl = std::make_shared<LiveConnector>(client, std::move(settings));
    Connector c;
    c.name = "live";
    c.pull = [impl](Database& db, TimePoint now) { return impl->Pull(db, now); };
    c.pull_interval_s = most_often;
    return c;
}

}  // namespace ck::cache
