// End to end: `civic-kiosk sync --once` and `civic-kiosk status --json` as child processes against the
// fake central in this process.
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "offline_cache/content_cache.h"
#include "offline_cache/counter_bins.h"
#include "offline_cache/counter_health.h"
#include "sync_fixture.h"

namespace ck::cache::test {
namespace {

using nlohmann::json;

using ck::test::CommandResult;
using ck::test::RunKiosk;

class CliTest : public SyncTest {
  protected:
    void SetUp() override {
        SyncTest::SetUp();
        config_ = (dir_ / "kiosk.toml").string();
        WriteConfig(central_.base_url());
    }
    void WriteConfig(const std::string& orion_url) {
        std::ofstream(config_) << "[kiosk]\nid = \"herne-e2e-01\"\nsite = \"Digitaloforum Wanne\"\n"
                               << "database = \"" << (dir_ / "kiosk.db").string() << "\"\n"
                               << "[central]\norion_url = \"" << orion_url
                               << "\"\nfiware_service = \"herne\"\n"
                               << "connect_timeout_s = 1\ntotal_timeout_s = 3\n"
                               << "[sync]\nbackoff_min_s = 0.1\n";
    }
    json Status() {
        const auto r = RunKiosk("status --json --config '" + config_ + "'");
        EXPECT_EQ(r.exit_code, 0) << r.output;
        const json j = json::parse(r.output, nullptr, false);
        EXPECT_TRUE(j.is_object()) << r.output;
        return j;
    }
    std::string config_;
};

TEST_F(CliTest, SyncOnceDeliversEverythingAndExitsZero) {
    Add(IdeaItem("cli-1"));
    Add(IdeaItem("cli-2"));
    Add(SupportItem("cli-s", "cli-1"));
    const auto r = RunKiosk("sync --once --config '" + config_ + "'");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("delivered 3"), std::string::npos) << r.output;
    EXPECT_TRUE(central_.Entity(kTenant, "urn:ngsi-ld:CitizenIdea:cli-1").has_value());
    EXPECT_TRUE(central_.Entity(kTenant, "urn:ngsi-ld:IdeaSupport:cli-s").has_value());
    auto device = central_.Entity(kTenant, "urn:ngsi-ld:Device:herne-e2e-01");
    ASSERT_TRUE(device.has_value());
    EXPECT_EQ((*device)["name"]["value"], "Digitaloforum Wanne");

    const json status = Status();
    EXPECT_EQ(status["outbox"]["delivered"], 3);
    EXPECT_EQ(status["outbox"]["pending"], 0);
    EXPECT_EQ(status["connectors"]["ngsi"]["online"], true);
    EXPECT_TRUE(status["connectors"]["ngsi"]["last_success"].is_string());
    EXPECT_TRUE(status["counter"].is_null());

    CounterHealth health;
    health.state = CounterRunState::kRetrying;
    health.detector = "dnn";
    health.message = "camera 0 not found";
    health.lines = {{"door", 4, 2}};
    health.updated = FromUnixMs(1795792500000);
    ASSERT_TRUE(SaveCounterHealth(*db_, health).ok());
    const json counter = Status()["counter"];
    EXPECT_EQ(counter["state"], "retrying");
    EXPECT_EQ(counter["detector"], "dnn");
    EXPECT_EQ(counter["message"], "camera 0 not found");
    EXPECT_EQ(counter["lines"][0]["name"], "door");
    EXPECT_EQ(counter["lines"][0]["positive"], 4);
    EXPECT_EQ(counter["updated"], "2026-11-27T15:15:00Z");
    // A stored health the kiosk cannot read is shown as an error, never as healthy.
    ASSERT_TRUE(PutSetting(*db_, "counter.state", "running").ok());
    EXPECT_EQ(Status()["counter"]["state"], "error");
}

TEST_F(CliTest, AnUnreachableCentralExitsOneAndStatusSaysOffline) {
    Add(IdeaItem("waiting"));
    fake::FaultPlan plan;
    plan.fault = fake::Fault::kServiceUnavailable;
    central_.SetFault(plan);
    auto r = RunKiosk("sync --once --config '" + config_ + "'");
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("still pending 1"), std::string::npos) << r.output;
    json status = Status();
    EXPECT_EQ(status["outbox"]["pending"], 1);
    EXPECT_EQ(status["connectors"]["ngsi"]["state"], "bad_response");
    EXPECT_EQ(status["connectors"]["ngsi"]["last_error_code"], "http.status");
    EXPECT_EQ(status["connectors"]["ngsi"]["last_error"],
              "HTTP 503 ServiceUnavailable: fault injected by the fake central")
        << status.dump();

    central_.ClearFault();
    r = RunKiosk("sync --once --config '" + config_ + "'");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    status = Status();
    EXPECT_EQ(status["connectors"]["ngsi"]["online"], true);
    EXPECT_EQ(central_.WriteCount(kTenant, "urn:ngsi-ld:CitizenIdea:waiting"), 1);
}

TEST_F(CliTest, AFailedRoundExitsOneEvenWithNothingPending) {
    // 503: nothing pending, but the heartbeat and the pulls failed.
    fake::FaultPlan plan;
    plan.fault = fake::Fault::kServiceUnavailable;
    central_.SetFault(plan);
    auto r = RunKiosk("sync --once --config '" + config_ + "'");
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("still pending 0"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("heartbeat not sent"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("problem: ngsi: http.status: "), std::string::npos) << r.output;

    // Connection refused: unreachable, with the stable code in the output and in status.
    central_.ClearFault();
    WriteConfig("http://127.0.0.1:1");
    r = RunKiosk("sync --once --config '" + config_ + "'");
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("http.connect"), std::string::npos) << r.output;
    const json status = Status();
    EXPECT_EQ(status["connectors"]["ngsi"]["state"], "unreachable");
    EXPECT_EQ(status["connectors"]["ngsi"]["online"], false);
    EXPECT_EQ(status["connectors"]["ngsi"]["last_error_code"], "http.connect");
    EXPECT_FALSE(status["connectors"]["ngsi"]["last_error"].get<std::string>().empty());
    const auto text = RunKiosk("status --config '" + config_ + "'");
    EXPECT_NE(text.output.find("connector ngsi: unreachable"), std::string::npos) << text.output;
    EXPECT_NE(text.output.find("last error: http.connect: "), std::string::npos) << text.output;

    // The same central up again: 0.
    WriteConfig(central_.base_url());
    EXPECT_EQ(RunKiosk("sync --once --config '" + config_ + "'").exit_code, 0);
}

TEST_F(CliTest, RejectedItemsDoNotFailTheRunButAreShownInStatus) {
    auto bad = IdeaItem("bad");
    auto entity = json::parse(bad.payload);
    entity["category"]["value"] = "x;y";
    bad.payload = entity.dump();
    Add(bad);
    Add(IdeaItem("good"));
    const auto r = RunKiosk("sync --once --config '" + config_ + "'");
    EXPECT_EQ(r.exit_code, 0) << r.output;  // nothing deliverable is left pending
    const json status = Status();
    EXPECT_EQ(status["outbox"]["dead"], 1);
    ASSERT_EQ(status["outbox"]["dead_items"].size(), 1u);
    EXPECT_EQ(status["outbox"]["dead_items"][0]["entity_id"], "urn:ngsi-ld:CitizenIdea:bad");
    EXPECT_NE(status["outbox"]["dead_items"][0]["error"].get<std::string>().find("Invalid characters"),
              std::string::npos);
}

TEST_F(CliTest, BadConfigurationExitsTwo) {
    WriteConfig("ftp://127.0.0.1:1");
    EXPECT_EQ(RunKiosk("sync --once --config '" + config_ + "'").exit_code, 2);
    EXPECT_EQ(RunKiosk("status --config '" + config_ + "'").exit_code, 2);
    EXPECT_EQ(RunKiosk("sync --once --config '" + (dir_ / "missing.toml").string() + "'").exit_code, 2);
    WriteConfig(central_.base_url());
    EXPECT_EQ(RunKiosk("sync --config '" + config_ + "'").exit_code, 2);  // --once is required
}

TEST_F(CliTest, StatusOfAKioskThatNeverRanReportsAnAbsentStore) {
    std::ofstream(config_) << "[kiosk]\ndatabase = \"" << (dir_ / "never.db").string() << "\"\n";
    const json status = Status();
    EXPECT_EQ(status["store"], "absent");
    EXPECT_EQ(status["outbox"]["pending"], 0);
    EXPECT_TRUE(status["connectors"].empty());
    EXPECT_FALSE(std::filesystem::exists(dir_ / "never.db"));
}

// `counts export`: the bins of a period as CSV with towards/away per the line's direction, a date meaning the
// whole day, bad dates refused with exit 2, and an unwritable target with exit 1 and no partial file left.
TEST_F(CliTest, CountsExportWritesThePeriodAsCsv) {
    const TimePoint day = FromUnixMs(1795737600000);  // 2026-11-27T00:00:00Z
    auto bin = [&](const char* line, int hour, std::int64_t pos, std::int64_t neg) {
        return CounterBin{line,
                          day + std::chrono::hours(hour),
                          day + std::chrono::hours(hour) + std::chrono::minutes(15),
                          pos,
                          neg,
                          false};
    };
    ASSERT_TRUE(SaveBin(*db_, bin("door", 9, 5, 2)).ok());
    ASSERT_TRUE(SaveBin(*db_, bin("door", 23, 1, 0)).ok());
    ASSERT_TRUE(SaveBin(*db_, bin("door", -1, 7, 7)).ok());  // the day before: not exported
    ASSERT_TRUE(SaveBin(*db_, bin("door", 24, 9, 9)).ok());  // the day after
    std::ofstream(config_, std::ios::app)
        << "[counter]\n[[counter.lines]]\nname = \"door\"\nline = [1, 2, 3, 4]\n"
        << "towards = \"negative\"\n";
    const std::string out = (dir_ / "export.csv").string();
    const auto r = RunKiosk("counts export --from 2026-11-27 --to 2026-11-27 --out '" + out + "' --config '" +
                            config_ + "'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("exported 2 bins"), std::string::npos) << r.output;
    std::ifstream in(out);
    const std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(csv,
              "kiosk_id,line,start,end,towards,away,total,closed\n"
              "herne-e2e-01,door,2026-11-27T09:00:00Z,2026-11-27T09:15:00Z,2,5,7,no\n"
              "herne-e2e-01,door,2026-11-27T23:00:00Z,2026-11-27T23:15:00Z,0,1,1,no\n");

    EXPECT_EQ(RunKiosk("counts export --from yesterday --to 2026-11-27 --out '" + out + "' --config '" +
                       config_ + "'")
                  .exit_code,
              2);
    EXPECT_EQ(RunKiosk("counts export --from 2026-11-28 --to 2026-11-27 --out '" + out + "' --config '" +
                       config_ + "'")
                  .exit_code,
              2);
    const std::string nowhere = (dir_ / "no-such-dir" / "x.csv").string();
    EXPECT_EQ(RunKiosk("counts export --from 2026-11-27 --to 2026-11-27 --out '" + nowhere + "' --config '" +
                       config_ + "'")
                  .exit_code,
              1);
    EXPECT_FALSE(std::filesystem::exists(nowhere + ".partial"));
}

}  // namespace
}  // namespace ck::cache::test
