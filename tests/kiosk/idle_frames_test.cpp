// Drawing is not doing: a frame without input runs no SQL. The real App (demo store, real fonts, real
// screens) draws 100 idle frames on every screen, in the states a visitor can leave it in, in landscape and
// portrait, and the store's statement counter must not move. Store reads belong to the feature controllers,
// called when a visitor taps (kiosk/src/features/).
#include <gtest/gtest.h>

#include <imgui.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/app.h"
#include "ui/fonts.h"

namespace ck::kiosk {
namespace {

constexpr double kFixedClock = 1795784700;  // 2026-11-27 13:05 UTC, as in screenshots

struct Size {
    float w, h;
};
constexpr Size kSizes[] = {{1920, 1080}, {1080, 1920}};

// One ImGui context and one demo App for the whole suite: building fonts and the store is the slow part.
class IdleFramesTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        context_ = ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        AppOptions o;
        o.demo = true;
        o.fixed_clock_unix_s = kFixedClock;
        Result<std::unique_ptr<App>> app = CreateApp(std::move(o));
        if (!app.ok()) {
            setup_error_ = app.error().message;
            return;
        }
        app_ = std::move(*app).release();
        ui::BindFrame(&app_->frame);
        Result<ui::Fonts> fonts = ui::LoadFonts(app_->font_files, 1.0f);
        if (!fonts.ok()) {
            setup_error_ = fonts.error().message;
            return;
        }
        app_->frame.fonts = *fonts;
        app_->fonts_dirty = false;
    }
    static void TearDownTestSuite() {
        delete app_;
        app_ = nullptr;
        ImGui::DestroyContext(context_);
    }
    void SetUp() override {
        ASSERT_TRUE(setup_error_.empty()) << setup_error_;
        ASSERT_TRUE(app_->db) << "the demo store must open";
    }

    // Opens `screen` as a screenshot would (a fresh visitor session, the screen's content loaded), lets
    // `prepare` put it into a state, then draws 100 frames without input at each size. Returns the number of
    // statements those frames ran.
    static std::int64_t IdleStatements(ScreenId screen, const std::function<void(App&)>& prepare = {}) {
        App& app = *app_;
        std::int64_t ran = 0;
        for (const Size& size : kSizes) {
            app.now_s = kFixedClock;
            app.options.start_screen = screen;
            ResetSession(app);
            app.fonts_dirty = false;  // the atlas does not change with the session here (no large text)
            if (prepare) prepare(app);
            const std::int64_t before = app.db->statements_executed();
            for (int i = 0; i < 100; ++i) {
                BuildFrame(app, size.w, size.h, 1.0f / 60.0f);
                app.now_s += 1.0 / 60.0;
            }
            EXPECT_EQ(app.nav.current(), screen) << "the idle frames must stay on the screen under test";
            EXPECT_GE(app.frame.trace.size(), 3u) << ScreenName(screen) << ": the frames drew the screen";
            ran += app.db->statements_executed() - before;
        }
        return ran;
    }

    static part::IdeaDraft ValidDraft(const App& app) {
        part::IdeaDraft d;
        d.title = "Mehr Bänke am Bahnhof";
        d.description = "Wer auf den Bus wartet, steht. Zwei Bänke unter dem Vordach würden reichen.";
        d.category = app.idea_settings.categories.front();
        d.district = app.idea_settings.districts.front();
        return d;
    }

    static inline ImGuiContext* context_ = nullptr;
    static inline App* app_ = nullptr;
    static inline std::string setup_error_;
};

TEST_F(IdleFramesTest, TheCounterSeesTheStatementsOfAnAction) {
    // The zero below means something only if the same counter moves when a controller reads the store.
    App& app = *app_;
    const std::int64_t before = app.db->statements_executed();
    RefreshIdeaList(app.session.ideas, StoreOf(app));
    EXPECT_GT(app.db->statements_executed(), before);
    EXPECT_FALSE(app.session.ideas.list.empty()) << "the demo store has published ideas";
}

TEST_F(IdleFramesTest, ScreensWithoutVisitorInputRunNoStatements) {
    for (ScreenId s : {ScreenId::kAttract, ScreenId::kHome, ScreenId::kServices, ScreenId::kServiceDetail,
                       ScreenId::kIdeas, ScreenId::kLive, ScreenId::kPrivacy, ScreenId::kAdmin}) {
        EXPECT_EQ(IdleStatements(s), 0) << ScreenName(s);
    }
}

TEST_F(IdleFramesTest, TheSearchKeyboardRunsNoStatements) {
    EXPECT_EQ(IdleStatements(ScreenId::kServices, [](App& a) { a.session.services.keyboard_open = true; }),
              0);
}

TEST_F(IdleFramesTest, AnOpenIdeaAndItsSupportRunNoStatements) {
    auto select_first = [](App& a) {
        ASSERT_FALSE(a.session.ideas.list.empty());
        SelectIdea(a.session.ideas, a.session.ideas.list.front().id);
    };
    EXPECT_EQ(IdleStatements(ScreenId::kIdeas, select_first), 0) << "the detail card";
    EXPECT_EQ(IdleStatements(
                  ScreenId::kIdeas,
                  [&](App& a) {
                      select_first(a);
                      SupportSelectedIdea(a.session.ideas, StoreOf(a),
                                          part::SupportContext{a.options.config.kiosk_id, AppNow(a)});
                      ASSERT_TRUE(a.session.ideas.list_error_key.empty()) << a.session.ideas.list_error_key;
                  }),
              0)
        << "the card after a support";
}

TEST_F(IdleFramesTest, EveryWizardStepRunsNoStatements) {
    using part::WizardStep;
    for (WizardStep step :
         {WizardStep::kTitle, WizardStep::kDescription, WizardStep::kCategory, WizardStep::kDistrict,
          WizardStep::kPlace, WizardStep::kContact, WizardStep::kReview}) {
        const std::int64_t ran = IdleStatements(ScreenId::kIdeaNew, [&](App& a) {
            part::WizardState& wz = a.session.ideas.wizard;
            wz.draft = ValidDraft(a);
            wz.draft.contact_consent = step == WizardStep::kContact;
            wz.draft.place_kind = step == WizardStep::kPlace ? part::PlaceKind::kMap : part::PlaceKind::kNone;
            wz.step = step;
        });
        EXPECT_EQ(ran, 0) << part::ToString(step);
    }
    // The empty title step is where the rate limits used to be counted in every frame.
    EXPECT_EQ(IdleStatements(ScreenId::kIdeaNew), 0) << "a fresh wizard";
}

TEST_F(IdleFramesTest, TheLimitReachedPageAndTheReceiptRunNoStatements) {
    auto submit = [&](App& a) {
        OpenIdeaWizard(a.session.ideas, StoreOf(a), a.idea_settings, AppNow(a));
        a.session.ideas.wizard.draft = ValidDraft(a);
        part::SubmitContext c;
        c.kiosk_id = a.options.config.kiosk_id;
        c.site = a.options.config.site_name;
        c.language = "de";
        c.now = AppNow(a);
        c.settings = a.idea_settings;
        ASSERT_TRUE(SubmitIdeaWizard(a.session.ideas, StoreOf(a), c)) << a.session.ideas.wizard_error_key;
    };
    EXPECT_EQ(IdleStatements(ScreenId::kIdeaReceipt, submit), 0) << "the receipt";
    EXPECT_EQ(IdleStatements(ScreenId::kIdeaNew,
                             [&](App& a) {
                                 for (int i = 0; i < a.idea_settings.max_per_session; ++i) submit(a);
                                 OpenIdeaWizard(a.session.ideas, StoreOf(a), a.idea_settings, AppNow(a));
                                 ASSERT_EQ(a.session.ideas.blocked_key, "kiosk.ideas.error.session_limit");
                             }),
              0)
        << "the limit page";
}

// Live data: the tiles, a chart in both ranges, the passers-by bars, the datasets list and an open dataset.
TEST_F(IdleFramesTest, LiveChartsAndDatasetsRunNoStatements) {
    EXPECT_EQ(IdleStatements(ScreenId::kLiveDetail), 0) << "the 24-hour chart";
    EXPECT_EQ(IdleStatements(ScreenId::kLiveDetail, [](App& a) { a.live.range = ChartRange::kWeek; }), 0)
        << "the 7-day chart";
    EXPECT_EQ(IdleStatements(ScreenId::kLiveDetail,
                             [](App& a) {
                                 for (std::size_t i = 0; i < a.live.entries.size(); ++i)
                                     if (a.live.entries[i].value.type == "CrowdFlowObserved")
                                         OpenTileDetail(a.live, StoreOf(a), i, AppNow(a));
                             }),
              0)
        << "the passers-by";
    EXPECT_EQ(IdleStatements(ScreenId::kDatasets), 0) << "the list";
    EXPECT_EQ(IdleStatements(ScreenId::kDatasets, [](App& a) { a.live.dataset_open = 0; }), 0) << "a dataset";
    // The demo really has charts and datasets to draw.
    app_->options.start_screen = ScreenId::kLiveDetail;
    ResetSession(*app_);
    EXPECT_GE(app_->live.history.size(), 100u);
    app_->options.start_screen = ScreenId::kDatasets;
    ResetSession(*app_);
    EXPECT_EQ(app_->live.datasets.size(), 4u);
}

TEST_F(IdleFramesTest, TheUnlockedAdminScreenRunsNoStatements) {
    EXPECT_EQ(IdleStatements(ScreenId::kAdmin, [](App& a) { a.session.admin.unlocked = true; }), 0);
}

// The PIN pad's last row (delete, 0, OK) used to sit below the fold at 1920x1080. Every key must lie inside
// the viewport above the navigation bar, in both orientations, with and without large text.
TEST_F(IdleFramesTest, ThePinPadFitsAboveTheNavigationBar) {
    App& app = *app_;
    for (const Size& size : kSizes) {
        for (const bool large : {false, true}) {
            app.now_s = kFixedClock;
            app.options.start_screen = ScreenId::kAdmin;
            ResetSession(app);
            app.session.large_text = large;
            const ui::Layout l = ui::ComputeLayout(ImVec2(size.w, size.h), large ? 1.3f : 1.0f);
            Result<ui::Fonts> fonts = ui::LoadFonts(app.font_files, l.scale * l.text_scale);
            ASSERT_TRUE(fonts.ok());
            app.frame.fonts = *fonts;
            app.fonts_dirty = false;
            for (int i = 0; i < 3; ++i) BuildFrame(app, size.w, size.h, 1.0f / 60.0f);
            const float bottom = size.h - ui::units::kNavBarHeight * l.scale;
            int keys = 0;
            for (const auto& e : app.frame.trace) {
                if (e.text != "OK" && e.text != "0" && e.text != "Löschen" && e.text != "1") continue;
                ++keys;
                EXPECT_GE(e.min.y, 0) << e.text;
                EXPECT_LE(e.max.y, bottom + 0.5f)
                    << e.text << " at " << size.w << "x" << size.h << (large ? " large" : "");
                EXPECT_LE(e.max.x, size.w) << e.text;
            }
            EXPECT_EQ(keys, 4) << "the pad's keys are in the trace";
        }
    }
    // Back to the suite's fonts for the other tests.
    Result<ui::Fonts> fonts = ui::LoadFonts(app.font_files, 1.0f);
    ASSERT_TRUE(fonts.ok());
    app.frame.fonts = *fonts;
    app.session.large_text = false;
}

}  // namespace
}  // namespace ck::kiosk
