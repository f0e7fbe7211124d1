#include <gtest/gtest.h>

#include "offline_cache/content_cache.h"
#include "offline_cache/counter_bins.h"
#include "offline_cache/counter_health.h"
#include "offline_cache/idea_store.h"
#include "offline_cache/outbox.h"
#include "store_helpers.h"
#include "test_support/test_support.h"

namespace ck::cache {
namespace {

using test::MakeItem;
using test::T;

class RepositoryTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto opened = Database::Open((dir_ / "kiosk.db").string());
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        db_ = std::make_unique<Database>(std::move(*opened));
    }
    Database& db() { return *db_; }
    OutboxCounts Counts() {
        auto c = CountOutbox(db());
        EXPECT_TRUE(c.ok());
        return c.ok() ? *c : OutboxCounts{};
    }
    ck::test::TempDir dir_;
    std::unique_ptr<Database> db_;
};

LocalIdea Idea(const std::string& uuid, const std::string& ref, TimePoint at,
               const std::string& channel = "kiosk") {
    return LocalIdea{"urn:ngsi-ld:CitizenIdea:" + uuid, ref, channel, at};
}

TEST_F(RepositoryTest, CommitIdeaStoresTheIdeaWithItsOutboxItem) {
    ASSERT_TRUE(CommitIdea(db(), Idea("1", "HER-0001", T(0)), MakeItem("1"), T(0)).ok());
    EXPECT_EQ(Counts().pending, 1);
    auto exists = ReferenceCodeExists(db(), "HER-0001");
    ASSERT_TRUE(exists.ok());
    EXPECT_TRUE(*exists);
    auto absent = ReferenceCodeExists(db(), "HER-9999");
    ASSERT_TRUE(absent.ok());
    EXPECT_FALSE(*absent);
}

TEST_F(RepositoryTest, ADuplicateReferenceCodeStoresNothing) {
    ASSERT_TRUE(CommitIdea(db(), Idea("1", "HER-0001", T(0)), MakeItem("1"), T(0)).ok());
    auto st = CommitIdea(db(), Idea("2", "HER-0001", T(1)), MakeItem("2"), T(1));
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, "idea.duplicate");
    EXPECT_EQ(Counts().pending, 1);  // the second idea's outbox item was rolled back with it
}

TEST_F(RepositoryTest, AnIdeaWhoseOutboxItemIsAnotherEntityIsRefused) {
    auto st = CommitIdea(db(), Idea("1", "HER-0001", T(0)), MakeItem("other"), T(0));
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(Counts().pending, 0);
}

TEST_F(RepositoryTest, CountIdeasSinceFiltersByTimeAndChannel) {
    ASSERT_TRUE(CommitIdea(db(), Idea("1", "A", T(0)), MakeItem("1"), T(0)).ok());
    ASSERT_TRUE(CommitIdea(db(), Idea("2", "B", T(100)), MakeItem("2"), T(100)).ok());
    ASSERT_TRUE(CommitIdea(db(), Idea("3", "C", T(100), "paper"), MakeItem("3"), T(100)).ok());
    auto kiosk = CountIdeasSince(db(), T(50));
    ASSERT_TRUE(kiosk.ok());
    EXPECT_EQ(*kiosk, 1);
    auto paper = CountIdeasSince(db(), T(0), "paper");
    ASSERT_TRUE(paper.ok());
    EXPECT_EQ(*paper, 1);
}

TEST_F(RepositoryTest, UndeliveredSupportsAreCountedUntilDelivered) {
    const std::string idea = "urn:ngsi-ld:CitizenIdea:published";
    for (const char* uuid : {"s1", "s2"}) {
        LocalSupport support{std::string("urn:ngsi-ld:IdeaSupport:") + uuid, idea, T(0)};
        ASSERT_TRUE(CommitSupport(db(), support, MakeItem(uuid, "IdeaSupport"), T(0)).ok());
    }
    auto n = CountUndeliveredSupports(db(), idea);
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(*n, 2);

    auto batch = ClaimBatch(db(), "ngsi", T(1), 1, 1 << 20);
    ASSERT_TRUE(batch.ok());
    ASSERT_EQ(batch->size(), 1u);
    n = CountUndeliveredSupports(db(), idea);
    EXPECT_EQ(*n, 2);  // in flight is not delivered yet
    ASSERT_TRUE(MarkDelivered(db(), {batch->front().seq}, T(2)).ok());
    n = CountUndeliveredSupports(db(), idea);
    EXPECT_EQ(*n, 1);
    ASSERT_TRUE(PruneDelivered(db(), T(100)).ok());
    n = CountUndeliveredSupports(db(), idea);
    EXPECT_EQ(*n, 1);

    LocalSupport again{"urn:ngsi-ld:IdeaSupport:s1", idea, T(3)};
    auto dup = CommitSupport(db(), again, MakeItem("s1", "IdeaSupport"), T(3));
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().code, "support.duplicate");
}

CachedEntity Entity(const std::string& id, const std::string& type, TimePoint at) {
    return CachedEntity{id, type, R"({"id":")" + id + R"(","type":")" + type + "\"}", at};
}

TEST_F(RepositoryTest, ReplaceEntitiesSwapsOneTypeAtomically) {
    ASSERT_TRUE(
        ReplaceEntities(db(), "WeatherObserved",
                        {Entity("w1", "WeatherObserved", T(0)), Entity("w2", "WeatherObserved", T(0))})
            .ok());
    ASSERT_TRUE(UpsertEntity(db(), Entity("p1", "OffStreetParking", T(0))).ok());
    ASSERT_TRUE(ReplaceEntities(db(), "WeatherObserved", {Entity("w3", "WeatherObserved", T(5))}).ok());

    auto weather = ListEntities(db(), "WeatherObserved");
    ASSERT_TRUE(weather.ok());
    ASSERT_EQ(weather->size(), 1u);
    EXPECT_EQ(weather->front().id, "w3");
    EXPECT_EQ(weather->front().fetched, T(5));
    auto parking = GetEntity(db(), "p1");
    ASSERT_TRUE(parking.ok());
    ASSERT_TRUE(parking->has_value());
    EXPECT_EQ((*parking)->type, "OffStreetParking");
    auto gone = GetEntity(db(), "w1");
    ASSERT_TRUE(gone.ok());
    EXPECT_FALSE(gone->has_value());

    // A set containing a foreign type is refused whole; the cache keeps the previous set.
    auto st = ReplaceEntities(db(), "WeatherObserved",
                              {Entity("w4", "WeatherObserved", T(9)), Entity("x", "Other", T(9))});
    EXPECT_FALSE(st.ok());
    weather = ListEntities(db(), "WeatherObserved");
    ASSERT_EQ(weather->size(), 1u);
    EXPECT_EQ(weather->front().id, "w3");
}

TEST_F(RepositoryTest, SettingsRoundTripAndListByPrefix) {
    auto missing = GetSetting(db(), "counter.state");
    ASSERT_TRUE(missing.ok());
    EXPECT_FALSE(missing->has_value());
    ASSERT_TRUE(PutSetting(db(), "counter.state", "running").ok());
    ASSERT_TRUE(PutSetting(db(), "counter.state", "stopped").ok());
    ASSERT_TRUE(PutSetting(db(), "sync.ngsi", "{}").ok());
    ASSERT_TRUE(PutSetting(db(), "sync%x", "not a prefix match").ok());
    auto value = GetSetting(db(), "counter.state");
    ASSERT_TRUE(value.ok());
    EXPECT_EQ(value->value_or(""), "stopped");
    auto listed = ListSettings(db(), "sync.");
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->front().first, "sync.ngsi");
}

// A damaged stored counter health (figures far outside their types) reads as zeros, not as undefined
// conversions; the readable fields stay.
TEST_F(RepositoryTest, ADamagedCounterHealthReadsItsHugeFiguresAsZero) {
    ASSERT_TRUE(PutSetting(db(), "counter.state",
                           R"({"state":"running","updated":"2026-12-06T12:00:00Z","detector":"dnn",)"
                           R"("retries":1e12,"frames":-1e300,"fps":5.5,"frame_width":1e14})")
                    .ok());
    auto h = LoadCounterHealth(db());
    ASSERT_TRUE(h.ok()) << h.error().message;
    ASSERT_TRUE(h->has_value());
    EXPECT_EQ((*h)->retries, 0);
    EXPECT_EQ((*h)->frames, 0);
    EXPECT_EQ((*h)->frame_width, 100000) << "clamped";
    EXPECT_DOUBLE_EQ((*h)->fps, 5.5);
    EXPECT_EQ((*h)->detector, "dnn");
}

TEST_F(RepositoryTest, OpenBinsAreUpdatedThenClosedOnceWithTheirOutboxItem) {
    CounterBin bin{"door", T(0), T(900), 3, 1, false};
    ASSERT_TRUE(SaveBin(db(), bin).ok());
    bin.positive = 5;
    ASSERT_TRUE(SaveBin(db(), bin).ok());
    auto open = ListOpenBins(db());
    ASSERT_TRUE(open.ok());
    ASSERT_EQ(open->size(), 1u);
    EXPECT_EQ(open->front().positive, 5);
    EXPECT_EQ(open->front().negative, 1);

    bin.positive = 6;
    ASSERT_TRUE(CloseBin(db(), bin, MakeItem("kiosk-door-1", "CrowdFlowObserved"), T(900)).ok());
    EXPECT_EQ(Counts().pending, 1);
    open = ListOpenBins(db());
    ASSERT_TRUE(open.ok());
    EXPECT_TRUE(open->empty());
    auto all = ListBins(db(), T(0));
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 1u);
    EXPECT_TRUE(all->front().closed);
    EXPECT_EQ(all->front().positive, 6);

    // Closed is final: neither totals nor a second outbox item.
    auto again = CloseBin(db(), bin, MakeItem("kiosk-door-1b", "CrowdFlowObserved"), T(901));
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, "counter.already_closed");
    EXPECT_EQ(SaveBin(db(), bin).error().code, "counter.already_closed");
    EXPECT_EQ(Counts().pending, 1);
}

TEST_F(RepositoryTest, InvalidBinsAreRefused) {
    EXPECT_FALSE(SaveBin(db(), CounterBin{"", T(0), T(900), 0, 0, false}).ok());
    EXPECT_FALSE(SaveBin(db(), CounterBin{"door", T(900), T(0), 0, 0, false}).ok());
    EXPECT_FALSE(SaveBin(db(), CounterBin{"door", T(0), T(900), -1, 0, false}).ok());
}

TEST_F(RepositoryTest, ListBinsSinceSkipsOlderBins) {
    ASSERT_TRUE(SaveBin(db(), CounterBin{"door", T(0), T(900), 1, 0, false}).ok());
    ASSERT_TRUE(SaveBin(db(), CounterBin{"door", T(900), T(1800), 2, 0, false}).ok());
    ASSERT_TRUE(SaveBin(db(), CounterBin{"gate", T(900), T(1800), 3, 0, false}).ok());
    auto bins = ListBins(db(), T(900));
    ASSERT_TRUE(bins.ok());
    ASSERT_EQ(bins->size(), 2u);
    EXPECT_EQ(bins->at(0).line, "door");
    EXPECT_EQ(bins->at(1).line, "gate");
}

}  // namespace
}  // namespace ck::cache
