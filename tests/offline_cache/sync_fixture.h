// A store in a temp dir, the in-process fake central and the real connectors between them.
#pragma once

#include <gtest/gtest.h>

#include <fake_central/fake_central.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "offline_cache/database.h"
#include "offline_cache/http_client.h"
#include "offline_cache/outbox.h"
#include "offline_cache/sync.h"
#include "test_support/test_support.h"

namespace ck::cache::test {

inline constexpr const char* kTenant = "herne";

// Captures log lines for the duration of a test; restores the default logger after.
class LogCapture {
  public:
    LogCapture()
        : previous_(spdlog::default_logger()),
          sink_(std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(1000)) {
        spdlog::set_default_logger(std::make_shared<spdlog::logger>("capture", sink_));
    }
    ~LogCapture() { spdlog::set_default_logger(previous_); }
    std::vector<std::string> Lines() const { return sink_->last_formatted(); }
    int Count(const std::string& needle) const {
        int n = 0;
        for (const auto& line : sink_->last_formatted()) n += line.find(needle) != std::string::npos;
        return n;
    }

  private:
    std::shared_ptr<spdlog::logger> previous_;
    std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> sink_;
};

// A CitizenIdea as participation/ builds it (normalized, free text as TextUnrestricted).
inline NewOutboxItem IdeaItem(const std::string& uuid, const std::string& title = "Mehr Bänke am Markt") {
    NewOutboxItem item;
    item.entity_type = "CitizenIdea";
    item.entity_id = "urn:ngsi-ld:CitizenIdea:" + uuid;
    const nlohmann::json entity = {
        {"id", item.entity_id},
        {"type", "CitizenIdea"},
        {"title", {{"type", "TextUnrestricted"}, {"value", title}}},
        {"description",
         {{"type", "TextUnrestricted"}, {"value", "Ein Satz mit \"Zeichen\" & (Klammern); <ok>"}}},
        {"category", {{"type", "Text"}, {"value", "mobility"}}},
        {"status", {{"type", "Text"}, {"value", "submitted"}}},
        {"dateCreated", {{"type", "DateTime"}, {"value", "2026-11-27T10:00:00Z"}}},
        {"refDevice", {{"type", "Relationship"}, {"value", "urn:ngsi-ld:Device:herne-test-01"}}},
    };
    item.payload = entity.dump();
    return item;
}

inline NewOutboxItem SupportItem(const std::string& uuid, const std::string& idea_uuid) {
    NewOutboxItem item;
    item.entity_type = "IdeaSupport";
    item.entity_id = "urn:ngsi-ld:IdeaSupport:" + uuid;
    const nlohmann::json entity = {
        {"id", item.entity_id},
        {"type", "IdeaSupport"},
        {"refIdea", {{"type", "Relationship"}, {"value", "urn:ngsi-ld:CitizenIdea:" + idea_uuid}}},
        {"dateCreated", {{"type", "DateTime"}, {"value", "2026-11-27T10:05:00Z"}}},
    };
    item.payload = entity.dump();
    return item;
}

class SyncTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto opened = Database::Open((dir_ / "kiosk.db").string());
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        db_ = std::make_unique<Database>(std::move(*opened));
        settings_.orion_url = central_.base_url();
        settings_.fiware_service = kTenant;
        settings_.fiware_servicepath = "/";
        settings_.connect_timeout_s = 2;
        settings_.total_timeout_s = 5;
        settings_.backoff_min_s = 1;
        settings_.backoff_max_s = 8;
        settings_.kiosk_id = "herne-test-01";
        settings_.site_name = "Digitaloforum Wanne";
        settings_.software_version = "0.1.0-test";
    }

    // (Re)builds the client and connectors from settings_ (call after changing settings_).
    void Connect(std::vector<NgsiPullSpec> pulls = {}) {
        settings_.pulls = std::move(pulls);
        connectors_.clear();
        client_ = std::make_unique<HttpClient>(MakeHttpClientSettings(settings_));
        connectors_ = MakeConnectors(*client_, settings_);
    }

    RoundSummary Round(bool force = true, TimePoint now = Now()) {
        if (!client_) Connect();
        RoundOptions options;
        options.force = force;
        return RunSyncRound(*db_, connectors_, settings_, state_, now, options);
    }

    std::int64_t Add(const NewOutboxItem& item) {
        auto seq = Enqueue(*db_, item, Now());
        EXPECT_TRUE(seq.ok()) << seq.error().message;
        return seq.ok() ? *seq : -1;
    }

    OutboxCounts Counts() {
        auto c = CountOutbox(*db_);
        EXPECT_TRUE(c.ok());
        return c.ok() ? *c : OutboxCounts{};
    }

    std::vector<fake::RecordedRequest> RequestsTo(const std::string& method, const std::string& path) const {
        std::vector<fake::RecordedRequest> out;
        for (auto& r : central_.Requests()) {
            if (r.method == method && r.path == path) out.push_back(r);
        }
        return out;
    }

    ck::test::TempDir dir_;
    fake::FakeCentral central_;
    std::unique_ptr<Database> db_;
    SyncSettings settings_;
    std::unique_ptr<HttpClient> client_;
    std::vector<Connector> connectors_;
    SyncState state_;
};

}  // namespace ck::cache::test
