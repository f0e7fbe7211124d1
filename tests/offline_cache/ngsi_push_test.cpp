// NGSI-v2 push against the fake Orion: request shape, headers, batching under 1 MiB, splitting, and what
// happens to items the server rejects.
#include <gtest/gtest.h>

#include "offline_cache/content_cache.h"
#include "offline_cache/ngsi_connector.h"
#include "sync_fixture.h"

namespace ck::cache::test {
namespace {

using nlohmann::json;

TEST_F(SyncTest, PushSendsOneAppendBatchWithTheFiwareHeaders) {
    settings_.auth_token = "token-123";
    Connect();
    Add(IdeaItem("a"));
    Add(IdeaItem("b"));
    Add(SupportItem("s", "a"));
    const auto summary = Round();
    EXPECT_EQ(summary.delivered, 3);
    EXPECT_EQ(Counts().delivered, 3);

    const auto posts = RequestsTo("POST", "/v2/op/update");
    ASSERT_GE(posts.size(), 1u);
    const auto& first = posts.front();
    EXPECT_EQ(first.Header("fiware-service"), "herne");
    EXPECT_EQ(first.Header("fiware-servicepath"), "/");
    EXPECT_EQ(first.Header("x-auth-token"), "token-123");
    EXPECT_EQ(first.Header("content-type"), "application/json");
    const json body = json::parse(first.body);
    EXPECT_EQ(body["actionType"], "append");
    ASSERT_EQ(body["entities"].size(), 3u);
    EXPECT_EQ(body["entities"][0]["id"], "urn:ngsi-ld:CitizenIdea:a");  // creation order
    EXPECT_EQ(body["entities"][2]["id"], "urn:ngsi-ld:IdeaSupport:s");

    auto stored = central_.Entity(kTenant, "urn:ngsi-ld:CitizenIdea:a");
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ((*stored)["title"]["value"], "Mehr Bänke am Markt");
    EXPECT_EQ((*stored)["dateCreated"]["type"], "DateTime");  // sent normalized: the type survives
    EXPECT_TRUE(central_.Entity(kTenant, "urn:ngsi-ld:IdeaSupport:s").has_value());
}

TEST_F(SyncTest, NoTokenHeaderWithoutAToken) {
    Connect();
    Add(IdeaItem("a"));
    Round();
    const auto posts = RequestsTo("POST", "/v2/op/update");
    ASSERT_FALSE(posts.empty());
    EXPECT_EQ(posts.front().Header("x-auth-token"), "");
}

TEST_F(SyncTest, LargeBacklogsGoInRequestsUnderOneMebibyte) {
    Connect();
    const std::string big(100 * 1024, 'x');  // 30 items of ~100 KiB: about 3 MiB in all
    for (int i = 0; i < 30; ++i) Add(IdeaItem("big-" + std::to_string(i), big));
    const auto summary = Round();
    EXPECT_EQ(summary.delivered, 30);
    const auto posts = RequestsTo("POST", "/v2/op/update");
    EXPECT_GE(posts.size(), 3u);
    for (const auto& p : posts) EXPECT_LE(p.body.size(), 1024u * 1024u);
    EXPECT_EQ(central_.Entities(kTenant, "CitizenIdea").size(), 30u);
}

TEST_F(SyncTest, ABatchRejectedAsTooLargeIsSplit) {
    // A connector that believes in a bigger limit than the server's: the fake's 413 must make it split.
    NgsiSettings ngsi;
    ngsi.base_url = central_.base_url();
    ngsi.service = kTenant;
    ngsi.max_body_bytes = 8 * 1024 * 1024;
    client_ = std::make_unique<HttpClient>(MakeHttpClientSettings(settings_));
    connectors_ = {MakeNgsiConnector(*client_, ngsi)};
    const std::string big(300 * 1024, 'y');
    for (int i = 0; i < 8; ++i) Add(IdeaItem("split-" + std::to_string(i), big));

    const auto summary = Round();
    EXPECT_EQ(summary.delivered, 8);
    EXPECT_EQ(summary.dead, 0);
    bool saw_413 = false;
    for (const auto& p : RequestsTo("POST", "/v2/op/update")) saw_413 |= p.body.size() > 1024u * 1024u;
    EXPECT_TRUE(saw_413);
    EXPECT_EQ(central_.Entities(kTenant, "CitizenIdea").size(), 8u);
}

TEST_F(SyncTest, AnEntityLargerThanTheLimitGoesDeadAndDoesNotBlock) {
    Connect();
    Add(IdeaItem("huge", std::string(1100 * 1024, 'z')));
    Add(IdeaItem("after"));
    const auto summary = Round();
    EXPECT_EQ(summary.dead, 1);
    EXPECT_EQ(summary.delivered, 1);
    auto dead = ListOutbox(*db_, OutboxState::kDead, 10);
    ASSERT_TRUE(dead.ok());
    ASSERT_EQ(dead->size(), 1u);
    EXPECT_EQ(dead->front().entity_id, "urn:ngsi-ld:CitizenIdea:huge");
    EXPECT_NE(dead->front().last_error.find("exceeds the request limit"), std::string::npos);
    EXPECT_TRUE(central_.Entity(kTenant, "urn:ngsi-ld:CitizenIdea:after").has_value());
}

TEST_F(SyncTest, TheCulpritOfARejectedBatchGoesDeadWithTheServersTextAndTheRestIsDelivered) {
    Connect();
    for (int i = 0; i < 7; ++i) {
        auto item = IdeaItem("i" + std::to_string(i));
        if (i == 4) {
            // "Text" (not TextUnrestricted) with a forbidden character: Orion answers 400.
            auto entity = json::parse(item.payload);
            entity["category"]["value"] = "mobility<script>";
            item.payload = entity.dump();
        }
        Add(item);
    }
    const auto summary = Round();
    EXPECT_EQ(summary.delivered, 6);
    EXPECT_EQ(summary.dead, 1);
    auto dead = ListOutbox(*db_, OutboxState::kDead, 10);
    ASSERT_TRUE(dead.ok());
    ASSERT_EQ(dead->size(), 1u);
    EXPECT_EQ(dead->front().entity_id, "urn:ngsi-ld:CitizenIdea:i4");
    EXPECT_EQ(dead->front().last_error, "HTTP 400 BadRequest: Invalid characters in attribute value");
    EXPECT_EQ(central_.Entities(kTenant, "CitizenIdea").size(), 6u);
    EXPECT_FALSE(central_.Entity(kTenant, "urn:ngsi-ld:CitizenIdea:i4").has_value());
    // The server answered, so the connector is online; the next round sends nothing again.
    ASSERT_TRUE(state_.connectors.count("ngsi"));
    EXPECT_TRUE(state_.connectors["ngsi"].online);
    const auto posts = RequestsTo("POST", "/v2/op/update").size();
    Round(false);
    EXPECT_EQ(RequestsTo("POST", "/v2/op/update").size(), posts);
}

TEST_F(SyncTest, AWrongUrlIsAConfigurationProblemNotAReasonToDropItems) {
    settings_.orion_url = central_.base_url() + "/not-orion";
    Connect();
    Add(IdeaItem("a"));
    const auto summary = Round();
    EXPECT_EQ(summary.dead, 0);
    EXPECT_EQ(Counts().pending, 1);
    ASSERT_TRUE(state_.connectors.count("ngsi"));
    EXPECT_EQ(state_.connectors["ngsi"].state, ConnectorState::kBadResponse);  // it answered, but 404
    EXPECT_EQ(state_.connectors["ngsi"].last_error_code, "http.status");
    EXPECT_NE(state_.connectors["ngsi"].last_error.find("404"), std::string::npos);
}

TEST_F(SyncTest, TheHeartbeatIsADeviceEntityWithOutboxCounts) {
    Connect();
    auto item = IdeaItem("bad");
    auto entity = json::parse(item.payload);
    entity["category"]["value"] = "a=b";
    item.payload = entity.dump();
    Add(item);  // goes dead: the heartbeat reports it
    const auto summary = Round();
    EXPECT_TRUE(summary.heartbeat_sent);
    auto device = central_.Entity(kTenant, "urn:ngsi-ld:Device:herne-test-01");
    ASSERT_TRUE(device.has_value());
    EXPECT_EQ((*device)["type"], "Device");
    EXPECT_EQ((*device)["deviceState"]["value"], "degraded");
    EXPECT_EQ((*device)["softwareVersion"]["value"], "0.1.0-test");
    EXPECT_EQ((*device)["dateLastValueReported"]["type"], "DateTime");
    EXPECT_EQ((*device)["controlledProperty"]["value"], json::array({"peopleCount"}));
    EXPECT_EQ((*device)["category"]["value"], json::array({"sensor"}));
    EXPECT_EQ((*device)["name"]["value"], "Digitaloforum Wanne");
    EXPECT_EQ((*device)["outboxDead"]["value"], 1);
    EXPECT_EQ((*device)["outboxPending"]["value"], 0);

    // Not again before the interval; again once it is due (upsert: still one entity).
    settings_.heartbeat_interval_s = 300;
    const auto writes = central_.WriteCount(kTenant, "urn:ngsi-ld:Device:herne-test-01");
    Round(false, Now() + std::chrono::seconds(10));
    EXPECT_EQ(central_.WriteCount(kTenant, "urn:ngsi-ld:Device:herne-test-01"), writes);
    Round(false, Now() + std::chrono::seconds(400));
    EXPECT_EQ(central_.WriteCount(kTenant, "urn:ngsi-ld:Device:herne-test-01"), writes + 1);
    EXPECT_EQ(central_.Entities(kTenant, "Device").size(), 1u);
}

TEST_F(SyncTest, TheHeartbeatReportsAFailedCounterAsAnErrorWithItsReason) {
    settings_.counter_enabled = true;
    Connect();
    CounterHealth failed;
    failed.state = CounterRunState::kError;
    failed.message = "camera 0 not found";
    failed.updated = Now();
    ASSERT_TRUE(SaveCounterHealth(*db_, failed).ok());
    ASSERT_TRUE(Round().heartbeat_sent);
    auto device = central_.Entity(kTenant, "urn:ngsi-ld:Device:herne-test-01");
    ASSERT_TRUE(device.has_value());
    EXPECT_EQ((*device)["deviceState"]["value"], "error");
    EXPECT_EQ((*device)["deviceStateReason"]["value"], "counter failed: camera 0 not found");

    // Recovered: the state and the reason are overwritten.
    CounterHealth running;
    running.state = CounterRunState::kRunning;
    running.updated = Now();
    ASSERT_TRUE(SaveCounterHealth(*db_, running).ok());
    ASSERT_TRUE(Round(true).heartbeat_sent);
    device = central_.Entity(kTenant, "urn:ngsi-ld:Device:herne-test-01");
    ASSERT_TRUE(device.has_value());
    EXPECT_EQ((*device)["deviceState"]["value"], "ok");
    EXPECT_EQ((*device)["deviceStateReason"]["value"], "");
}

TEST_F(SyncTest, InSafeModeTheHeartbeatSaysSoWithItsReason) {
    settings_.safe_mode_reason = "3 abnormal ends within 30 minutes";
    Connect();
    ASSERT_TRUE(Round().heartbeat_sent);
    const auto device = central_.Entity(kTenant, "urn:ngsi-ld:Device:herne-test-01");
    ASSERT_TRUE(device.has_value());
    EXPECT_EQ((*device)["deviceState"]["value"], "safe-mode");
    EXPECT_EQ((*device)["deviceStateReason"]["value"], "3 abnormal ends within 30 minutes");
}

TEST(DeviceHealth, FromOutboxAndCounter) {
    const TimePoint now = FromUnixMs(1795792500000);
    auto counter = [&](CounterRunState state, TimePoint updated, const std::string& message = "") {
        CounterHealth h;
        h.state = state;
        h.updated = updated;
        h.message = message;
        return std::optional<CounterHealth>(h);
    };
    OutboxCounts fine;
    EXPECT_EQ(AssessDeviceHealth(fine, std::nullopt, now).state, "ok");
    EXPECT_EQ(AssessDeviceHealth(fine, counter(CounterRunState::kRunning, now), now).state, "ok");
    EXPECT_EQ(AssessDeviceHealth(fine, counter(CounterRunState::kRunning, now), now).reason, "");
    // A camera being retried still lets the kiosk work: degraded, with the counter's own message.
    const DeviceHealth retrying = AssessDeviceHealth(fine, counter(CounterRunState::kRetrying, now, "no frames"), now);
    EXPECT_EQ(retrying.state, "degraded");
    EXPECT_EQ(retrying.reason, "counter retrying its camera: no frames");
    // Silent for longer than allowed, or never written, or unreadable: error.
    EXPECT_EQ(AssessDeviceHealth(fine, counter(CounterRunState::kRunning, now - std::chrono::minutes(11)), now).state, "error");
    EXPECT_EQ(AssessDeviceHealth(fine, counter(CounterRunState::kRunning, now - std::chrono::minutes(9)), now).state, "ok");
    EXPECT_EQ(AssessDeviceHealth(fine, CounterHealth{}, now).state, "error");
    // A counter stopped on purpose (the kiosk ended) is not an error.
    EXPECT_EQ(AssessDeviceHealth(fine, counter(CounterRunState::kStopped, now - std::chrono::hours(5)), now).state, "ok");
    // Outbox trouble is degraded; an error outranks it and its reasons are the error's.
    OutboxCounts dead;
    dead.dead = 2;
    EXPECT_EQ(AssessDeviceHealth(dead, std::nullopt, now).state, "degraded");
    EXPECT_EQ(AssessDeviceHealth(dead, std::nullopt, now).reason, "2 outbox items rejected");
    const DeviceHealth both = AssessDeviceHealth(dead, counter(CounterRunState::kError, now, "model"), now);
    EXPECT_EQ(both.state, "error");
    EXPECT_EQ(both.reason, "counter failed: model");
    OutboxCounts backlog;
    backlog.pending = 1001;
    EXPECT_EQ(AssessDeviceHealth(backlog, std::nullopt, now).state, "degraded");
}

TEST(ServerErrors, DescribedFromOrionsBodyPrintableAndBounded) {
    EXPECT_EQ(DescribeServerError(422, R"({"error":"Unprocessable","description":"Already Exists"})"),
              "HTTP 422 Unprocessable: Already Exists");
    EXPECT_EQ(DescribeServerError(502, "<html>Bad gateway</html>"), "HTTP 502: <html>Bad gateway</html>");
    EXPECT_EQ(DescribeServerError(500, ""), "HTTP 500");
    const std::string hostile = DescribeServerError(
        400, "{\"error\":\"x\",\"description\":\"" + std::string(5000, 'd') + "\\n\\u001b[31m\"}");
    EXPECT_LE(hostile.size(), 310u);
    EXPECT_EQ(hostile.find('\n'), std::string::npos);
    EXPECT_EQ(hostile.find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace ck::cache::test

namespace ck::cache::test {
namespace {

TEST_F(SyncTest, ContactDataReachesTheCityAndIsThenPurgedLocally) {
    Connect();
    auto item = IdeaItem("with-contact");
    auto entity = json::parse(item.payload);
    entity["contactEmail"] = {{"type", "TextUnrestricted"}, {"value", "someone@example.org"}};
    item.payload = entity.dump();
    item.personal_attributes = {"contactEmail"};
    Add(item);
    Round();
    auto stored = central_.Entity(kTenant, item.entity_id);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ((*stored)["contactEmail"]["value"], "someone@example.org");
    auto local = ListOutbox(*db_, OutboxState::kDelivered, 10);
    ASSERT_TRUE(local.ok());
    ASSERT_EQ(local->size(), 1u);
    EXPECT_EQ(local->front().payload.find("someone@example.org"), std::string::npos);
}

TEST_F(SyncTest, DeliveredItemsArePrunedAfterTheRetention) {
    settings_.retention_days = 1;
    Connect();
    Add(IdeaItem("old"));
    const TimePoint now = Now();
    Round(true, now);
    EXPECT_EQ(Counts().delivered, 1);
    EXPECT_EQ(Round(false, now + std::chrono::hours(23)).pruned, 0);
    EXPECT_EQ(Round(false, now + std::chrono::hours(25)).pruned, 1);
    EXPECT_EQ(Counts().delivered, 0);
}

}  // namespace
}  // namespace ck::cache::test
