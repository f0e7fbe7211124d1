// End to end through the real binary: the fake central serves tile entities; `sync --once` pulls them,
// `live --json` shows them, a second pull with new observations adds history, and an outage leaves the
// values in place, marked stale exactly when their tile's limit has passed.
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <fake_central/fake_central.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/time.h"
#include "test_support/test_support.h"

namespace ck {
namespace {

using nlohmann::json;

using ck::test::CommandResult;
using ck::test::RunKiosk;

json Weather(double temperature, const std::string& observed) {
    return {{"id", "urn:ngsi-ld:WeatherObserved:herne-mitte"},
            {"type", "WeatherObserved"},
            {"name", {{"type", "Text"}, {"value", "Herne-Mitte"}}},
            {"temperature", {{"type", "Number"}, {"value", temperature}}},
            {"precipitation", {{"type", "Number"}, {"value", 0.2}}},
            {"dateObserved", {{"type", "DateTime"}, {"value", observed}}}};
}

json Parking(const std::string& observed) {
    return {{"id", "urn:ngsi-ld:OffStreetParking:city-center"},
            {"type", "OffStreetParking"},
            {"name", {{"type", "Text"}, {"value", "Parkhaus City-Center"}}},
            {"availableSpotNumber", {{"type", "Number"}, {"value", 132}}},
            {"totalSpotNumber", {{"type", "Number"}, {"value", 420}}},
            {"dateObserved", {{"type", "DateTime"}, {"value", observed}}}};
}

class LiveCli : public ::testing::Test {
  protected:
    void SetUp() override {
        config_ = (dir_ / "kiosk.toml").string();
        std::ofstream(config_)
            << "[kiosk]\nid = \"herne-live-01\"\ndatabase = \"" << (dir_ / "kiosk.db").string()
            << "\"\n[central]\norion_url = \"" << central_.base_url()
            << "\"\nfiware_service = \"herne\"\nconnect_timeout_s = 1\ntotal_timeout_s = 3\n";
    }
    json Live(TimePoint clock) {
        const auto r = RunKiosk("live --json --config '" + config_ + "' --clock " +
                                std::to_string(ToUnixMs(clock) / 1000));
        EXPECT_EQ(r.exit_code, 0) << r.output;
        const json j = json::parse(r.output, nullptr, false);
        EXPECT_TRUE(j.is_object() && j.contains("entries")) << r.output;
        return j.is_object() ? j.value("entries", json::array()) : json::array();
    }
    static const json* Find(const json& entries, const std::string& tile) {
        for (const auto& e : entries)
            if (e.value("tile", "") == tile) return &e;
        return nullptr;
    }
    int Sync() { return RunKiosk("sync --once --config '" + config_ + "'").exit_code; }

    test::TempDir dir_;
    fake::FakeCentral central_;
    std::string config_;
};

TEST_F(LiveCli, NothingCachedIsEmptyNotAnError) {
    EXPECT_EQ(Live(Now()), json::array());
}

TEST_F(LiveCli, SyncThenLiveThenHistoryThenStaleAfterAnOutage) {
    // Observation times near the real clock: the worker prunes history by it and refuses the future.
    using std::chrono::minutes;
    const TimePoint now = std::chrono::time_point_cast<std::chrono::seconds>(Now());
    const TimePoint first = now - minutes(60), second = now - minutes(30);
    central_.PutEntity("herne", Weather(7.5, FormatIsoUtc(first)));
    central_.PutEntity("herne", Parking(FormatIsoUtc(first)));
    ASSERT_EQ(Sync(), 0);

    json entries = Live(first + minutes(5));
    const json* w = Find(entries, "weather");
    ASSERT_TRUE(w) << entries.dump(2);
    EXPECT_EQ((*w)["type"], "WeatherObserved");
    EXPECT_EQ((*w)["entity"], "urn:ngsi-ld:WeatherObserved:herne-mitte");
    EXPECT_EQ((*w)["name"], "Herne-Mitte");
    EXPECT_DOUBLE_EQ((*w)["value"].get<double>(), 7.5);
    EXPECT_EQ((*w)["unit"], "\u00b0C");
    EXPECT_EQ((*w)["observed"], FormatIsoUtc(first));
    EXPECT_EQ((*w)["stale"], false);
    EXPECT_EQ((*w)["history_points"], 1);
    const json* p = Find(entries, "parking");
    ASSERT_TRUE(p);
    EXPECT_DOUBLE_EQ((*p)["value"].get<double>(), 132);

    // A new observation adds a history point; the same one again does not.
    central_.PutEntity("herne", Weather(8.1, FormatIsoUtc(second)));
    ASSERT_EQ(Sync(), 0);
    ASSERT_EQ(Sync(), 0);
    entries = Live(second + minutes(5));
    w = Find(entries, "weather");
    ASSERT_TRUE(w);
    EXPECT_EQ((*w)["history_points"], 2);
    EXPECT_DOUBLE_EQ((*w)["value"].get<double>(), 8.1);

    // The platform goes away: the round fails, nothing cached is lost.
    central_.SetFault({fake::Fault::kRefuseConnections});
    EXPECT_EQ(Sync(), 1);
    // The weather tile's limit is two hours, the parking tile's thirty minutes.
    entries = Live(second + minutes(119));
    ASSERT_TRUE(Find(entries, "weather"));
    EXPECT_EQ((*Find(entries, "weather"))["stale"], false);
    EXPECT_EQ((*Find(entries, "parking"))["stale"], true);
    entries = Live(second + minutes(121));
    EXPECT_EQ((*Find(entries, "weather"))["stale"], true);
    EXPECT_DOUBLE_EQ((*Find(entries, "weather"))["value"].get<double>(), 8.1);
    EXPECT_EQ((*Find(entries, "weather"))["history_points"], 2);
    central_.ClearFault();
}

TEST_F(LiveCli, ABadConfigurationValueNamesTheKey) {
    std::ofstream(config_, std::ios::app)
        << "[[live.tiles]]\nid = \"t\"\ntitle_key = \"kiosk.live.tile.weather\"\n"
        << "type = \"WeatherObserved\"\nattribute = \"temperature\"\nrefresh_s = 5\n";
    const auto r = RunKiosk("live --config '" + config_ + "' 2>&1");
    EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace ck
