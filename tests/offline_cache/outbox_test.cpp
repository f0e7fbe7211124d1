#include "offline_cache/outbox.h"

#include <gtest/gtest.h>

#include <fstream>

#include "offline_cache/idea_store.h"
#include "store_helpers.h"
#include "test_support/test_support.h"

namespace ck::cache {
namespace {

using test::MakeItem;
using test::RawDb;
using test::T;

class OutboxTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto opened = Database::Open(path().string());
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        db_ = std::make_unique<Database>(std::move(*opened));
    }
    std::filesystem::path path() const { return dir_ / "kiosk.db"; }
    Database& db() { return *db_; }
    std::int64_t Add(const std::string& uuid, TimePoint at = T(0), const std::string& target = "ngsi") {
        auto seq = Enqueue(db(), MakeItem(uuid, "CitizenIdea", target), at);
        EXPECT_TRUE(seq.ok()) << seq.error().message;
        return seq.ok() ? *seq : -1;
    }
    std::vector<std::string> Ids(const std::vector<OutboxItem>& items) {
        std::vector<std::string> ids;
        for (const auto& i : items) ids.push_back(i.entity_id.substr(i.entity_id.rfind(':') + 1));
        return ids;
    }

    ck::test::TempDir dir_;
    std::unique_ptr<Database> db_;
};

TEST_F(OutboxTest, EnqueueStoresAPendingItemInCreationOrder) {
    const auto a = Add("a", T(1));
    const auto b = Add("b", T(2));
    EXPECT_LT(a, b);
    auto items = ListOutbox(db(), OutboxState::kPending, 10);
    ASSERT_TRUE(items.ok());
    ASSERT_EQ(items->size(), 2u);
    EXPECT_EQ(items->at(0).seq, a);
    EXPECT_EQ(items->at(0).state, OutboxState::kPending);
    EXPECT_EQ(items->at(0).attempts, 0);
    EXPECT_EQ(items->at(0).created, T(1));
    EXPECT_EQ(items->at(0).next_attempt, T(1));
    EXPECT_EQ(items->at(1).entity_type, "CitizenIdea");
}

TEST_F(OutboxTest, EnqueueRejectsAPayloadThatIsNotTheNamedEntity) {
    auto item = MakeItem("a");
    item.payload = "{not json";
    auto r = Enqueue(db(), item, T(0));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "outbox.invalid_item");

    item = MakeItem("a");
    item.entity_id = "urn:ngsi-ld:CitizenIdea:other";
    EXPECT_FALSE(Enqueue(db(), item, T(0)).ok());

    item = MakeItem("a");
    item.entity_type = "IdeaSupport";
    EXPECT_FALSE(Enqueue(db(), item, T(0)).ok());

    item = MakeItem("a");
    item.target.clear();
    EXPECT_FALSE(Enqueue(db(), item, T(0)).ok());

    auto counts = CountOutbox(db());
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->pending, 0);
}

TEST_F(OutboxTest, SqlMetacharactersInPayloadAreStoredVerbatim) {
    auto item = MakeItem("quote");
    item.payload =
        R"({"id":"urn:ngsi-ld:CitizenIdea:quote","type":"CitizenIdea","title":{"type":"TextUnrestricted","value":"'); DROP TABLE outbox; --"}})";
    ASSERT_TRUE(Enqueue(db(), item, T(0)).ok());
    auto items = ListOutbox(db(), OutboxState::kPending, 1);
    ASSERT_TRUE(items.ok());
    ASSERT_EQ(items->size(), 1u);
    EXPECT_EQ(items->front().payload, item.payload);
}

TEST_F(OutboxTest, ClaimBatchTakesOldestFirstUnderTheByteLimitAndMarksInFlight) {
    for (int i = 0; i < 6; ++i) Add(std::to_string(i), T(i));
    const auto one = MakeItem("0").payload.size();
    auto batch = ClaimBatch(db(), "ngsi", T(100), 10, one * 3 + 1);
    ASSERT_TRUE(batch.ok());
    EXPECT_EQ(Ids(*batch), (std::vector<std::string>{"0", "1", "2"}));
    for (const auto& item : *batch) {
        EXPECT_EQ(item.state, OutboxState::kInFlight);
        EXPECT_EQ(item.attempts, 1);
    }
    auto counts = CountOutbox(db());
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->in_flight, 3);
    EXPECT_EQ(counts->pending, 3);

    auto next = ClaimBatch(db(), "ngsi", T(100), 2, 1 << 20);
    ASSERT_TRUE(next.ok());
    EXPECT_EQ(Ids(*next), (std::vector<std::string>{"3", "4"}));
}

TEST_F(OutboxTest, AnItemAboveTheByteLimitIsHandedOutAlone) {
    Add("big");
    Add("small");
    auto batch = ClaimBatch(db(), "ngsi", T(1), 10, 10);
    ASSERT_TRUE(batch.ok());
    EXPECT_EQ(Ids(*batch), (std::vector<std::string>{"big"}));
}

TEST_F(OutboxTest, ClaimBatchOnlyTakesItsTarget) {
    Add("a", T(0), "ngsi");
    Add("b", T(0), "open311");
    auto batch = ClaimBatch(db(), "open311", T(1), 10, 1 << 20);
    ASSERT_TRUE(batch.ok());
    EXPECT_EQ(Ids(*batch), (std::vector<std::string>{"b"}));
}

TEST_F(OutboxTest, AnItemWaitingForItsRetryHoldsBackTheOnesBehindIt) {
    const auto a = Add("a", T(0));
    Add("b", T(1));
    auto first = ClaimBatch(db(), "ngsi", T(2), 1, 1 << 20);
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(first->size(), 1u);
    ASSERT_TRUE(MarkRetry(db(), {a}, T(60), "HTTP 503").ok());

    auto blocked = ClaimBatch(db(), "ngsi", T(30), 10, 1 << 20);
    ASSERT_TRUE(blocked.ok());
    EXPECT_TRUE(blocked->empty());
    auto due = NextDueTime(db());
    ASSERT_TRUE(due.ok());
    EXPECT_EQ(*due, T(60));  // not T(1): "b" cannot overtake "a"

    auto later = ClaimBatch(db(), "ngsi", T(60), 10, 1 << 20);
    ASSERT_TRUE(later.ok());
    EXPECT_EQ(Ids(*later), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(later->front().attempts, 2);
    auto items = ListOutbox(db(), OutboxState::kInFlight, 10);
    ASSERT_TRUE(items.ok());
    EXPECT_EQ(items->front().last_error, "HTTP 503");
}

TEST_F(OutboxTest, NextDueTimeIsAnErrorWhenNothingIsPending) {
    auto due = NextDueTime(db());
    ASSERT_FALSE(due.ok());
    EXPECT_EQ(due.error().code, "outbox.empty");
}

TEST_F(OutboxTest, RecoverInFlightMakesCrashedClaimsPendingAgain) {
    Add("a");
    Add("b");
    ASSERT_TRUE(ClaimBatch(db(), "ngsi", T(1), 10, 1 << 20).ok());
    ASSERT_TRUE(RecoverInFlight(db()).ok());
    auto counts = CountOutbox(db());
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->pending, 2);
    EXPECT_EQ(counts->in_flight, 0);
    auto again = ClaimBatch(db(), "ngsi", T(1), 10, 1 << 20);
    ASSERT_TRUE(again.ok());
    ASSERT_EQ(again->size(), 2u);
    EXPECT_EQ(again->front().attempts, 2);
}

TEST_F(OutboxTest, ADeadItemNeverBlocksTheItemsBehindIt) {
    const auto a = Add("a");
    Add("b");
    ASSERT_TRUE(ClaimBatch(db(), "ngsi", T(1), 1, 1 << 20).ok());
    ASSERT_TRUE(MarkDead(db(), a, "400 BadRequest: Invalid characters in attribute value").ok());
    auto next = ClaimBatch(db(), "ngsi", T(1), 10, 1 << 20);
    ASSERT_TRUE(next.ok());
    EXPECT_EQ(Ids(*next), (std::vector<std::string>{"b"}));
    auto dead = ListOutbox(db(), OutboxState::kDead, 10);
    ASSERT_TRUE(dead.ok());
    ASSERT_EQ(dead->size(), 1u);
    EXPECT_EQ(dead->front().last_error, "400 BadRequest: Invalid characters in attribute value");
    // A retry of a dead item (e.g. a late transient answer) does not resurrect it.
    ASSERT_TRUE(MarkRetry(db(), {a}, T(5), "late").ok());
    auto counts = CountOutbox(db());
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->dead, 1);
}

TEST_F(OutboxTest, DeliveryPurgesPersonalAttributesFromTheStoredPayload) {
    auto item = MakeItem("with-contact");
    const std::string email = "visitor.name@example.org";
    item.payload = R"({"id":"urn:ngsi-ld:CitizenIdea:with-contact","type":"CitizenIdea",)"
                   R"("title":{"type":"TextUnrestricted","value":"Bänke"},)"
                   R"("contactEmail":{"type":"TextUnrestricted","value":")" +
                   email + R"("}})";
    item.personal_attributes = {"contactEmail"};
    auto seq = Enqueue(db(), item, T(0));
    ASSERT_TRUE(seq.ok());
    auto before = ListOutbox(db(), OutboxState::kPending, 1);
    ASSERT_TRUE(before.ok());
    EXPECT_NE(before->front().payload.find(email), std::string::npos);  // kept until delivered

    ASSERT_TRUE(ClaimBatch(db(), "ngsi", T(1), 10, 1 << 20).ok());
    ASSERT_TRUE(MarkDelivered(db(), {*seq}, T(2)).ok());
    auto after = ListOutbox(db(), OutboxState::kDelivered, 1);
    ASSERT_TRUE(after.ok());
    ASSERT_EQ(after->size(), 1u);
    EXPECT_EQ(after->front().payload.find(email), std::string::npos);
    EXPECT_EQ(after->front().payload.find("contactEmail"), std::string::npos);
    EXPECT_NE(after->front().payload.find("title"), std::string::npos);

    // Not in the file either (secure_delete), once the WAL is checkpointed.
    RawDb raw(path());
    ASSERT_EQ(raw.Exec("PRAGMA wal_checkpoint(TRUNCATE)"), "");
    std::ifstream in(path(), std::ios::binary);
    const std::string bytes(std::istreambuf_iterator<char>(in), {});
    EXPECT_EQ(bytes.find(email), std::string::npos);
}

TEST_F(OutboxTest, ADeadItemLosesItsPersonalAttributesToo) {
    auto item = MakeItem("rejected");
    const std::string email = "rejected.visitor@example.org";
    item.payload = R"({"id":"urn:ngsi-ld:CitizenIdea:rejected","type":"CitizenIdea",)"
                   R"("contactEmail":{"type":"TextUnrestricted","value":")" +
                   email + R"("}})";
    item.personal_attributes = {"contactEmail"};
    auto seq = Enqueue(db(), item, T(0));
    ASSERT_TRUE(seq.ok());
    ASSERT_TRUE(MarkDead(db(), *seq, "400 BadRequest").ok());
    auto dead = ListOutbox(db(), OutboxState::kDead, 1);
    ASSERT_TRUE(dead.ok());
    ASSERT_EQ(dead->size(), 1u);
    EXPECT_EQ(dead->front().payload.find(email), std::string::npos);
    EXPECT_EQ(dead->front().last_error, "400 BadRequest");
}

TEST_F(OutboxTest, CountsPerState) {
    const auto a = Add("a");
    const auto b = Add("b");
    Add("c");
    Add("d");
    ASSERT_TRUE(ClaimBatch(db(), "ngsi", T(1), 3, 1 << 20).ok());
    ASSERT_TRUE(MarkDelivered(db(), {a}, T(2)).ok());
    ASSERT_TRUE(MarkDead(db(), b, "x").ok());
    auto counts = CountOutbox(db());
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->delivered, 1);
    EXPECT_EQ(counts->dead, 1);
    EXPECT_EQ(counts->in_flight, 1);
    EXPECT_EQ(counts->pending, 1);
}

TEST_F(OutboxTest, PruneRemovesOnlyDeliveredItemsOlderThanTheRetention) {
    const auto old_item = Add("old");
    const auto recent = Add("recent");
    Add("pending");
    ASSERT_TRUE(ClaimBatch(db(), "ngsi", T(1), 2, 1 << 20).ok());
    ASSERT_TRUE(MarkDelivered(db(), {old_item}, T(10)).ok());
    ASSERT_TRUE(MarkDelivered(db(), {recent}, T(100)).ok());
    // An idea pointing at the pruned item keeps its row.
    LocalIdea idea{"urn:ngsi-ld:CitizenIdea:idea", "ABC-123", "kiosk", T(0)};
    ASSERT_TRUE(CommitIdea(db(), idea, MakeItem("idea"), T(0)).ok());

    auto removed = PruneDelivered(db(), T(50));
    ASSERT_TRUE(removed.ok()) << removed.error().message;
    EXPECT_EQ(*removed, 1);
    auto counts = CountOutbox(db());
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->delivered, 1);
    EXPECT_EQ(counts->pending, 2);
}

TEST(OutboxState, Names) {
    EXPECT_STREQ(ToString(OutboxState::kPending), "pending");
    EXPECT_STREQ(ToString(OutboxState::kInFlight), "in_flight");
    EXPECT_STREQ(ToString(OutboxState::kDelivered), "delivered");
    EXPECT_STREQ(ToString(OutboxState::kDead), "dead");
}

}  // namespace
}  // namespace ck::cache
