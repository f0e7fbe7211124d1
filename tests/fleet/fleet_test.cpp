// 50 kiosks, one central, a 10-minute outage on a compressed clock: the request rate when the network returns
// (jittered backoff, no thundering herd) and every item delivered exactly once. See README.md.
#include <gtest/gtest.h>

#include <fake_central/fake_central.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/time.h"
#include "offline_cache/database.h"
#include "offline_cache/http_client.h"
#include "offline_cache/outbox.h"
#include "offline_cache/sync.h"
#include "test_support/test_support.h"

namespace ck {
namespace {

constexpr int kKiosks = 50;
constexpr int kOutageStart = 300;      // simulated seconds
constexpr int kOutageEnd = 300 + 600;  // ten minutes without a network
constexpr int kStopQueuing = kOutageEnd + 120;
constexpr int kLastTick = kOutageEnd + 1200;  // twice the longest backoff: everything must be drained by then
constexpr const char* kTenant = "herne";

struct Kiosk {
    int index = 0;
    std::unique_ptr<cache::Database> db;
    std::unique_ptr<cache::HttpClient> client;
    std::vector<cache::Connector> connectors;
    cache::SyncSettings settings;
    cache::SyncState state;
    TimePoint next_round{};
    int next_item_s = 0;  // simulated second of the next idea
    std::vector<std::string> ids;
    std::mt19937 rng;
    std::vector<std::string> errors;  // store errors (never expected)
    int last_backlog_s = 0;           // the last round that left items in the outbox
};

cache::NewOutboxItem Idea(const std::string& id, TimePoint now) {
    cache::NewOutboxItem item;
    item.entity_type = "CitizenIdea";
    item.entity_id = id;
    const nlohmann::json entity = {
        {"id", id},
        {"type", "CitizenIdea"},
        {"title", {{"type", "TextUnrestricted"}, {"value", "Mehr Bänke am Markt"}}},
        {"status", {{"type", "Text"}, {"value", "submitted"}}},
        {"dateCreated", {{"type", "DateTime"}, {"value", FormatIsoUtc(now)}}},
    };
    item.payload = entity.dump();
    return item;
}

TEST(Fleet, FiftyKiosksThroughATenMinuteOutage) {
    test::TempDir dir;
    fake::FakeCentral central;
    const TimePoint t0 = FromUnixMs(1795784700000);  // 2026-11-27 10:25 UTC

    std::vector<Kiosk> kiosks(kKiosks);
    for (int i = 0; i < kKiosks; ++i) {
        Kiosk& k = kiosks[i];
        k.index = i;
        auto db = cache::Database::Open((dir / ("kiosk-" + std::to_string(i) + ".db")).string());
        ASSERT_TRUE(db.ok()) << db.error().message;
        k.db = std::make_unique<cache::Database>(std::move(*db));
        k.settings.orion_url = central.base_url();
        k.settings.fiware_service = kTenant;
        k.settings.connect_timeout_s = 2;
        k.settings.total_timeout_s = 10;
        k.settings.kiosk_id = "fleet-" + std::to_string(i);
        k.settings.site_name = "Fleet";
        k.settings.software_version = "0.1.0-fleet";
        // The shipped defaults (packaging/civic-kiosk.toml): what a city's fleet runs.
        k.settings.backoff_min_s = 2;
        k.settings.backoff_max_s = 600;
        k.settings.interval_s = 30;
        k.settings.heartbeat_interval_s = 300;
        k.client = std::make_unique<cache::HttpClient>(cache::MakeHttpClientSettings(k.settings));
        k.connectors = cache::MakeConnectors(*k.client, k.settings);
        k.state.rng.seed(1000 + i);
        k.rng.seed(2000 + i);
        k.next_item_s = std::uniform_int_distribution<int>(0, 59)(k.rng);
        k.next_round = t0 + std::chrono::seconds(std::uniform_int_distribution<int>(0, 29)(k.rng));
    }

    // The barrier's completion step runs alone between ticks: it reads the central's request count, sets
    // the fault for the next tick and advances the clock.
    int tick = 0;
    bool done = false;
    std::vector<std::size_t> requests_per_tick;
    std::size_t requests_seen = central.RequestCount();
    auto between_ticks = [&]() noexcept {
        const std::size_t now_count = central.RequestCount();
        requests_per_tick.push_back(now_count - requests_seen);
        requests_seen = now_count;
        ++tick;
        if (tick == kOutageStart) central.SetFault(fake::FaultPlan{fake::Fault::kRefuseConnections, -1});
        if (tick == kOutageEnd) central.ClearFault();
        done = tick > kLastTick;
    };
    std::barrier sync(kKiosks, between_ticks);

    std::vector<std::thread> threads;
    for (Kiosk& k : kiosks) {
        threads.emplace_back([&k, &sync, &tick, &done, t0] {
            for (;;) {
                const int s = tick;
                const TimePoint now = t0 + std::chrono::seconds(s);
                bool wake = now >= k.next_round;
                if (s < kStopQueuing && s >= k.next_item_s) {
                    const std::string id = "urn:ngsi-ld:CitizenIdea:fleet-" + std::to_string(k.index) + "-" +
                                           std::to_string(k.ids.size());
                    if (auto st = cache::Enqueue(*k.db, Idea(id, now), now); st.ok()) {
                        k.ids.push_back(id);
                    } else {
                        k.errors.push_back(st.error().message);
                    }
                    k.next_item_s = s + std::uniform_int_distribution<int>(30, 90)(k.rng);
                    wake = true;  // the app asks the worker for a round after every idea
                }
                if (wake) {
                    const cache::RoundSummary r =
                        cache::RunSyncRound(*k.db, k.connectors, k.settings, k.state, now);
                    if (r.outbox.pending + r.outbox.in_flight > 0) k.last_backlog_s = s;
                    k.next_round = cache::NextRoundTime(*k.db, k.connectors, k.settings, k.state, now);
                }
                sync.arrive_and_wait();
                if (done) return;
            }
        });
    }
    for (auto& t : threads) t.join();

    // Every idea arrived exactly once, and no outbox holds anything.
    std::size_t total = 0;
    for (Kiosk& k : kiosks) {
        EXPECT_TRUE(k.errors.empty()) << k.errors.front();
        auto counts = cache::CountOutbox(*k.db);
        ASSERT_TRUE(counts.ok());
        EXPECT_EQ(counts->pending + counts->in_flight + counts->dead, 0) << "kiosk " << k.index;
        EXPECT_EQ(counts->delivered, static_cast<std::int64_t>(k.ids.size())) << "kiosk " << k.index;
        for (const std::string& id : k.ids) EXPECT_EQ(central.WriteCount(kTenant, id), 1) << id;
        total += k.ids.size();
    }
    EXPECT_EQ(central.Entities(kTenant, "CitizenIdea").size(), total);
    EXPECT_EQ(central.Entities(kTenant, "Device").size(), static_cast<std::size_t>(kKiosks));

    // The request rate, per simulated second.
    auto window = [&](int from, int to) {
        std::size_t sum = 0, peak = 0;
        for (int s = from; s < to && s < static_cast<int>(requests_per_tick.size()); ++s) {
            sum += requests_per_tick[s];
            peak = std::max(peak, requests_per_tick[s]);
        }
        return std::pair<double, std::size_t>(static_cast<double>(sum) / (to - from), peak);
    };
    std::size_t peak10 = 0;
    for (int s = kOutageEnd; s + 10 <= kLastTick; ++s) {
        std::size_t sum = 0;
        for (int j = s; j < s + 10; ++j) sum += requests_per_tick[j];
        peak10 = std::max(peak10, sum);
    }
    int drained_at = 0;
    for (const Kiosk& k : kiosks) drained_at = std::max(drained_at, k.last_backlog_s);
    const auto before = window(60, kOutageStart);
    const auto after1 = window(kOutageEnd, kOutageEnd + 60);
    const auto after10 = window(kOutageEnd, kOutageEnd + 600);
    std::printf("fleet: %d kiosks, %zu ideas, outage %d..%d s (simulated)\n", kKiosks, total, kOutageStart,
                kOutageEnd);
    std::printf("fleet: requests/s before the outage: mean %.2f, peak %zu\n", before.first, before.second);
    std::printf(
        "fleet: after the return, first minute: mean %.2f/s, peak %zu in one second; "
        "first 10 minutes: mean %.2f/s; peak in any 10 s: %zu\n",
        after1.first, after1.second, after10.first, peak10);
    std::printf("fleet: every outbox empty %d s after the return (queuing stopped at %d s)\n",
                drained_at + 1 - kOutageEnd, kStopQueuing - kOutageEnd);
    // A herd would be the whole fleet in the same second. Jitter spreads the first retries over minutes.
    EXPECT_LE(after1.second, static_cast<std::size_t>(kKiosks / 4));
    EXPECT_LE(peak10, static_cast<std::size_t>(kKiosks));
}

}  // namespace
}  // namespace ck
