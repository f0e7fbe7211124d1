// The ideas controller on a real store: what each visitor action reads and writes, and what it leaves for the
// screens to draw (features/ideas_controller.h).
#include "features/ideas_controller.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <optional>
#include <string>
#include <vector>

#include "app/config.h"
#include "app/content.h"
#include "app/idea_settings.h"
#include "offline_cache/content_cache.h"
#include "offline_cache/outbox.h"
#include "test_support/test_support.h"

namespace ck::kiosk {
namespace {

class IdeasControllerTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto db = cache::Database::Open((dir_ / "kiosk.db").string());
        ASSERT_TRUE(db.ok()) << db.error().message;
        db_.emplace(std::move(*db));
        std::vector<cache::CachedEntity> ideas;
        for (const auto& e : DemoIdeaEntities(config_, now_))
            ideas.push_back({e["id"].get<std::string>(), "CitizenIdea", e.dump(), now_});
        ASSERT_TRUE(cache::ReplaceEntities(*db_, "CitizenIdea", ideas).ok());
        auto settings = IdeaSettingsFromConfig(config_);
        ASSERT_TRUE(settings.ok()) << settings.error().message;
        settings_ = std::move(*settings);
    }

    part::SubmitContext Context() const {
        part::SubmitContext c;
        c.kiosk_id = config_.kiosk_id;
        c.site = config_.site_name;
        c.language = "de";
        c.now = now_;
        c.settings = settings_;
        return c;
    }

    test::TempDir dir_;
    Config config_;
    TimePoint now_ = FromUnixMs(1795784700000);
    std::optional<cache::Database> db_;
    part::IdeaSettings settings_;
};

TEST_F(IdeasControllerTest, FilterAndSortReloadTheList) {
    IdeasController c;
    RefreshIdeaList(c, &*db_);
    ASSERT_GE(c.list.size(), 2u);
    const std::size_t all = c.list.size();
    ChooseIdeaCategory(c, &*db_, "mobility");
    ASSERT_FALSE(c.list.empty());
    EXPECT_LT(c.list.size(), all);
    for (const auto& idea : c.list) EXPECT_EQ(idea.category, "mobility");
    ChooseIdeaCategory(c, &*db_, "");
    ChooseIdeaSort(c, &*db_, true);
    ASSERT_EQ(c.list.size(), all);
    for (std::size_t i = 1; i < c.list.size(); ++i)
        EXPECT_GE(c.list[i - 1].support_count, c.list[i].support_count);
}

TEST_F(IdeasControllerTest, ASupportShowsAtOnceAndOnlyOncePerVisitor) {
    IdeasController c;
    RefreshIdeaList(c, &*db_);
    ASSERT_FALSE(c.list.empty());
    const std::string id = c.list.front().id;
    const std::int64_t before = c.list.front().support_count;
    SelectIdea(c, id);
    SupportSelectedIdea(c, &*db_, part::SupportContext{config_.kiosk_id, now_});
    EXPECT_TRUE(c.list_error_key.empty()) << c.list_error_key;
    ASSERT_FALSE(c.list.empty());
    EXPECT_EQ(c.list.front().id, id);
    EXPECT_EQ(c.list.front().support_count, before + 1)
        << "the list was reloaded with the undelivered support";
    SupportSelectedIdea(c, &*db_, part::SupportContext{config_.kiosk_id, now_});
    EXPECT_EQ(c.list_error_key, "kiosk.ideas.error.already_supported");
    SelectIdea(c, "");
    EXPECT_TRUE(c.list_error_key.empty()) << "closing the card clears its message";
}

TEST_F(IdeasControllerTest, TheWizardIsBlockedWhenItOpensAtTheVisitorsLimit) {
    IdeasController c;
    for (int i = 0; i < settings_.max_per_session; ++i) {
        OpenIdeaWizard(c, &*db_, settings_, now_);
        ASSERT_TRUE(c.blocked_key.empty()) << c.blocked_key;
        c.wizard.draft.title = "Idee " + std::to_string(i);
        c.wizard.draft.description = "Eine Beschreibung, die lang genug ist.";
        c.wizard.draft.category = settings_.categories.front();
        ASSERT_TRUE(SubmitIdeaWizard(c, &*db_, Context())) << c.wizard_error_key;
        ASSERT_TRUE(c.wizard.receipt.has_value());
    }
    EXPECT_EQ(c.blocked_key, "kiosk.ideas.error.session_limit") << "checked again after the submit";
    OpenIdeaWizard(c, &*db_, settings_, now_);
    EXPECT_EQ(c.blocked_key, "kiosk.ideas.error.session_limit");
    EXPECT_FALSE(c.wizard.receipt.has_value()) << "opening starts a fresh draft";
    EXPECT_EQ(c.wizard.step, part::WizardStep::kTitle);
}

// Another writer holding the store (the sync worker under load) must not cost the visitor the idea: the
// message says to try again, the draft stays, and the next tap saves it once.
TEST_F(IdeasControllerTest, ABusyStoreKeepsTheDraftAndTheNextSubmitSavesItOnce) {
    IdeasController c;
    OpenIdeaWizard(c, &*db_, settings_, now_);
    c.wizard.draft.title = "Mehr Bänke am Marktplatz";
    c.wizard.draft.description = "Eine Beschreibung, die lang genug ist.";
    c.wizard.draft.category = settings_.categories.front();
    const auto before = cache::CountOutbox(*db_);
    ASSERT_TRUE(before.ok());

    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / "kiosk.db").string().c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    EXPECT_FALSE(SubmitIdeaWizard(c, &*db_, Context()));
    EXPECT_EQ(c.wizard_error_key, "kiosk.ideas.error.busy");
    EXPECT_FALSE(c.wizard.receipt.has_value());
    EXPECT_EQ(c.wizard.draft.title, "Mehr Bänke am Marktplatz");
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);

    ASSERT_TRUE(SubmitIdeaWizard(c, &*db_, Context())) << c.wizard_error_key;
    ASSERT_TRUE(c.wizard.receipt.has_value());
    const auto after = cache::CountOutbox(*db_);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->pending, before->pending + 1) << "saved exactly once";
}

TEST_F(IdeasControllerTest, AnInvalidStepOrSubmitLeavesAMessageAndNoReceipt) {
    IdeasController c;
    OpenIdeaWizard(c, &*db_, settings_, now_);
    IdeaWizardNext(c, settings_);
    EXPECT_EQ(c.wizard_error_key, "kiosk.ideas.error.required");
    EXPECT_EQ(c.wizard.step, part::WizardStep::kTitle);
    EXPECT_FALSE(SubmitIdeaWizard(c, &*db_, Context()));
    EXPECT_EQ(c.wizard_error_key, "kiosk.ideas.error.required");
    EXPECT_FALSE(c.wizard.receipt.has_value());
    EXPECT_EQ(c.quota.ideas_submitted, 0);
}

TEST_F(IdeasControllerTest, WithoutAStoreNothingIsLoadedOrSent) {
    IdeasController c;
    RefreshIdeaList(c, nullptr);
    EXPECT_TRUE(c.list.empty());
    OpenIdeaWizard(c, nullptr, settings_, now_);
    EXPECT_TRUE(c.blocked_key.empty());
    c.wizard.draft.title = "Titel";
    EXPECT_FALSE(SubmitIdeaWizard(c, nullptr, Context()));
}

TEST(IdeaMessageKeyTest, MapsDomainCodesToCatalogueKeys) {
    EXPECT_EQ(IdeaMessageKey(MakeError("ideas.title.too_long", "")), "kiosk.ideas.error.too_long");
    EXPECT_EQ(IdeaMessageKey(MakeError("ideas.description.required", "")), "kiosk.ideas.error.required");
    EXPECT_EQ(IdeaMessageKey(MakeError("ideas.limit.kiosk_hour", "")), "kiosk.ideas.error.hour_limit");
    EXPECT_EQ(IdeaMessageKey(MakeError("ideas.text.invalid_utf8", "")), "kiosk.ideas.error.invalid_text");
    EXPECT_EQ(IdeaMessageKey(MakeError("db.busy", "")), "kiosk.ideas.error.busy");
    EXPECT_EQ(IdeaMessageKey(MakeError("db.full", "")), "kiosk.ideas.error.save_failed");
}

}  // namespace
}  // namespace ck::kiosk
