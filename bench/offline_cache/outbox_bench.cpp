// Prints three figures: committed outbox items per second (each its own fsync'd transaction, as a visitor's
// idea is), delivery throughput of a 10,000-item backlog to the fake central over loopback, and the time to
// drain that backlog once the network returns after an outage.
//   bench_offline_cache [--items N] [--enqueue N] [--dir D]
#include <fake_central/fake_central.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "offline_cache/database.h"
#include "offline_cache/outbox.h"
#include "offline_cache/sync.h"

namespace {

namespace fs = std::filesystem;
using namespace ck::cache;
using Seconds = std::chrono::duration<double>;

NewOutboxItem Idea(int i) {
    NewOutboxItem item;
    item.entity_type = "CitizenIdea";
    item.entity_id = "urn:ngsi-ld:CitizenIdea:bench-" + std::to_string(i);
    const nlohmann::json e = {
        {"id", item.entity_id},
        {"type", "CitizenIdea"},
        {"title", {{"type", "TextUnrestricted"}, {"value", "Mehr Fahrradbügel am Bahnhof Wanne-Eickel"}}},
        {"description",
         {{"type", "TextUnrestricted"},
          {"value",
           "Am Hauptbahnhof fehlen überdachte Abstellplätze; morgens ist alles voll. Vorschlag: "
           "zwei Reihen Bügel an der Nordseite, beleuchtet."}}},
        {"category", {{"type", "Text"}, {"value", "mobility"}}},
        {"district", {{"type", "Text"}, {"value", "Wanne"}}},
        {"placeKind", {{"type", "Text"}, {"value", "kiosk"}}},
        {"channel", {{"type", "Text"}, {"value", "kiosk"}}},
        {"refDevice", {{"type", "Relationship"}, {"value", "urn:ngsi-ld:Device:herne-bench-01"}}},
        {"site", {{"type", "Text"}, {"value", "Digitaloforum Wanne"}}},
        {"language", {{"type", "Text"}, {"value", "de"}}},
        {"dateCreated", {{"type", "DateTime"}, {"value", "2026-11-27T10:00:00Z"}}},
        {"status", {{"type", "Text"}, {"value", "submitted"}}},
        {"referenceCode", {{"type", "Text"}, {"value", "HER-" + std::to_string(100000 + i)}}},
        {"needsReview", {{"type", "Boolean"}, {"value", false}}},
    };
    item.payload = e.dump();
    return item;
}

Database OpenFresh(const fs::path& path) {
    fs::remove(path);
    fs::remove(path.string() + "-wal");
    fs::remove(path.string() + "-shm");
    auto db = Database::Open(path.string());
    if (!db) {
        std::fprintf(stderr, "cannot open %s: %s\n", path.c_str(), db.error().message.c_str());
        std::exit(1);
    }
    return std::move(*db);
}

void FillBacklog(Database& db, int n) {
    Transaction tx(db, Durability::kNormal);
    for (int i = 0; i < n; ++i) {
        if (!EnqueueInTransaction(db, Idea(i), ck::Now())) std::exit(1);
    }
    if (!tx.Commit()) std::exit(1);
}

SyncSettings Settings(const ck::fake::FakeCentral& central) {
    SyncSettings s;
    s.orion_url = central.base_url();
    s.fiware_service = "herne";
    s.kiosk_id = "herne-bench-01";
    s.site_name = "Bench";
    s.software_version = "bench";
    s.backoff_min_s = 0.1;
    s.backoff_max_s = 1;
    return s;
}

// Rounds until the outbox has nothing pending; returns the seconds it took.
double Drain(Database& db, const SyncSettings& settings, SyncState& state, ck::TimePoint first_round_at) {
    HttpClient client(MakeHttpClientSettings(settings));
    auto connectors = MakeConnectors(client, settings);
    const auto start = std::chrono::steady_clock::now();
    ck::TimePoint now = first_round_at;
    for (int round = 0; round < 1000; ++round) {
        const auto summary = RunSyncRound(db, connectors, settings, state, now);
        if (summary.outbox.pending == 0 && summary.outbox.in_flight == 0) break;
        now = std::max(ck::Now(), state.connectors["ngsi"].retry_at);
    }
    return Seconds(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    int backlog = 10000;
    int enqueues = 2000;
    fs::path dir = fs::temp_directory_path() / ("ck-bench-" + std::to_string(getpid()));
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--items") backlog = std::atoi(argv[i + 1]);
        if (arg == "--enqueue") enqueues = std::atoi(argv[i + 1]);
        if (arg == "--dir") dir = argv[i + 1];
    }
    fs::create_directories(dir);
    const auto path = dir / "bench.db";

    {
        Database db = OpenFresh(path);
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < enqueues; ++i) {
            if (!Enqueue(db, Idea(i), ck::Now())) return 1;
        }
        const double s = Seconds(std::chrono::steady_clock::now() - start).count();
        std::printf(
            "outbox enqueue: %d committed items (synchronous=FULL, one transaction each) in %.2f s = %.0f "
            "items/s\n",
            enqueues, s, enqueues / s);
    }
    {
        ck::fake::FakeCentral central;
        Database db = OpenFresh(path);
        FillBacklog(db, backlog);
        SyncState state;
        const double s = Drain(db, Settings(central), state, ck::Now());
        const auto stored = central.Entities("herne", "CitizenIdea").size();
        std::printf(
            "delivery: %d-item backlog to the fake central over loopback in %.2f s = %.0f items/s (%zu "
            "stored)\n",
            backlog, s, backlog / s, stored);
        if (stored != static_cast<std::size_t>(backlog)) return 1;
    }
    {
        ck::fake::FakeCentral central;
        Database db = OpenFresh(path);
        FillBacklog(db, backlog);
        const SyncSettings settings = Settings(central);
        SyncState state;
        ck::fake::FaultPlan outage;
        outage.fault = ck::fake::Fault::kRefuseConnections;
        central.SetFault(outage);
        {
            HttpClient client(MakeHttpClientSettings(settings));
            auto connectors = MakeConnectors(client, settings);
            RunSyncRound(db, connectors, settings, state, ck::Now());  // fails: the kiosk is offline
        }
        central.ClearFault();
        // The network is back: the worker's next round is at the retry time; measure from there.
        const double s = Drain(db, settings, state, state.connectors["ngsi"].retry_at);
        std::printf(
            "drain after outage: %d-item backlog delivered %.2f s after the first retry (%zu stored)\n",
            backlog, s, central.Entities("herne", "CitizenIdea").size());
    }
    fs::remove_all(dir);
    return 0;
}
