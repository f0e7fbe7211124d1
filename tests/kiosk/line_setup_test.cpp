// Setting up the counting line on the admin screen's live preview, end to end in this process: a counter runs
// on a generated looping video, a replay unlocks the admin screen with the PIN, drags one end of the line on
// the preview and saves. The line is then in the store (it wins at the next start) and the running counter
// counts with it without a restart, its totals going on; Reset returns to the configured line.
#include <gtest/gtest.h>

#include <fstream>

#include "app/admin_pin.h"
#include "app/app.h"
#include "app/config.h"
#include "app/counter_lines.h"
#include "app/kiosk_loop.h"
#include "counting/counting_service.h"
#include "offline_cache/counter_lines.h"
#include "synthetic_video.h"
#include "test_support/test_support.h"

namespace ck::kiosk {
namespace {

// People walking left and right across the middle of a 320x240 scene, so the line at x = 160 counts.
std::vector<hw::test::Walker> Scene() {
    return {
        {{20, 150}, {300, 160}, 5, 85, 16, 44, {40, 40, 170}},
        {{300, 200}, {20, 190}, 10, 90, 18, 48, {160, 60, 30}},
    };
}

std::string Tap(const std::string& text) {
    return R"({"tap_text":")" + text + R"("})";
}
std::string Expect(const std::string& text) {
    return R"({"expect_text":")" + text + R"("})";
}

class LineSetupTest : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto video = dir_ / "scene.avi";
        ASSERT_TRUE(hw::test::WriteSceneVideo(video, Scene(), 100, 15));
        const std::string db_path = (dir_ / "kiosk.db").string();
        {
            auto db = cache::Database::Open(db_path);
            ASSERT_TRUE(db.ok());
            ASSERT_TRUE(SetAdminPin(*db, "2468").ok());
        }
        auto config =
            ParseConfig("[kiosk]\nid = \"line-test-01\"\ndatabase = \"" + db_path +
                        "\"\n[counter]\nenabled = true\nsource = \"file\"\nvideo_file = \"" + video.string() +
                        "\"\ndetector = \"motion\"\n[[counter.lines]]\nname = \"mid\"\n"
                        "line = [160, 0, 160, 240]\n");
        ASSERT_TRUE(config.ok()) << config.error().message;
        AppOptions options;
        options.config = *config;
        options.language = "de";
        options.start_workers = true;
        auto app = CreateApp(options);
        ASSERT_TRUE(app.ok()) << app.error().message;
        app_ = std::move(*app);
        ASSERT_TRUE(app_->counter);
        ASSERT_TRUE(test::WaitFor([&] { return app_->counter->Snapshot()->frame_width > 0; }));
    }
    // Runs the steps as a replay in this process (1920x1080, not rasterised).
    int Replay(const std::vector<std::string>& steps) {
        const auto path = dir_ / "steps.jsonl";
        std::ofstream out(path);
        for (const auto& s : steps) out << s << "\n";
        out.close();
        app_->fonts_dirty = true;  // each replay has its own ImGui context and font atlas
        return RunReplayUnrendered(*app_, path.string(), 1920, 1080);
    }
    std::string Drag(hw::Point2 from, hw::Point2 to) const {
        const ui::FrameView& v = app_->session.admin.line_view;
        const ImVec2 a = ui::FrameToScreen(v, from), b = ui::FrameToScreen(v, to);
        return "{\"drag\":[" + std::to_string(a.x) + "," + std::to_string(a.y) + "," + std::to_string(b.x) +
               "," + std::to_string(b.y) + ",300]}";
    }
    bool CounterUses(const hw::Segment& s) const {
        const auto status = app_->counter->Snapshot();
        return status->lines.size() == 1 && status->lines[0].segment.a.x == s.a.x &&
               status->lines[0].segment.a.y == s.a.y && status->lines[0].segment.b.x == s.b.x &&
               status->lines[0].segment.b.y == s.b.y;
    }
    std::int64_t Counted() const {
        const auto status = app_->counter->Snapshot();
        return status->lines.empty() ? 0 : status->lines[0].positive + status->lines[0].negative;
    }
    test::TempDir dir_;
    std::unique_ptr<App> app_;
};

TEST_F(LineSetupTest, DraggingAnEndAndSavingMovesTheRunningCountersLine) {
    // Unlock: five taps on the city name, the PIN.
    std::vector<std::string> unlock = {Tap("Bildschirm berühren")};
    for (int i = 0; i < 5; ++i) unlock.push_back(R"({"tap":[40,20]})");
    for (const char* key : {"2", "4", "6", "8", "OK"}) unlock.push_back(Tap(key));
    unlock.push_back(Expect("mid: aus der Konfiguration"));
    ASSERT_EQ(Replay(unlock), 0);
    ASSERT_TRUE(app_->session.admin.unlocked);
    const ui::FrameView view = app_->session.admin.line_view;
    ASSERT_GT(view.scale, 0);
    EXPECT_EQ(view.frame_width, 320);
    EXPECT_EQ(view.frame_height, 240);
    ASSERT_TRUE(CounterUses({{160, 0}, {160, 240}}));
    // Some counts before the move: they stay.
    ASSERT_TRUE(test::WaitFor([&] { return Counted() > 0; }));
    const std::int64_t before = Counted();

    // End B sits on the frame's bottom edge; the finger takes it a little inside and drags it up and right,
    // then on past the picture's right edge, where the end stays on the edge.
    ASSERT_EQ(Replay({Drag({160, 232}, {240, 200}), Expect("mid: verschoben, noch nicht gespeichert"),
                      Drag({240, 200}, {400, 120}), Tap("Linie speichern"),
                      Expect("Linie mid gespeichert, die Zählung nutzt sie ab jetzt.")}),
              0);
    const hw::Segment moved{{160, 0}, {320, 120}};
    {
        auto db = cache::Database::Open((dir_ / "kiosk.db").string());
        ASSERT_TRUE(db.ok());
        auto stored = cache::LoadCounterLineOverrides(*db);
        ASSERT_TRUE(stored.ok());
        ASSERT_EQ(stored->size(), 1u);
        EXPECT_EQ((*stored)[0].name, "mid");
        EXPECT_EQ((*stored)[0].x1, 160);
        EXPECT_EQ((*stored)[0].y1, 0);
        EXPECT_EQ((*stored)[0].x2, 320);
        EXPECT_EQ((*stored)[0].y2, 120);
        // What the next start counts with.
        auto active = ActiveCounterLines(app_->options.config, &*db);
        ASSERT_TRUE(active.ok());
        ASSERT_EQ(active->size(), 1u);
        EXPECT_TRUE((*active)[0].set_on_kiosk);
        EXPECT_EQ((*active)[0].segment.b.x, 320);
    }
    // The running counter takes it between two frames; its totals go on from where they were.
    EXPECT_TRUE(test::WaitFor([&] { return CounterUses(moved); }));
    EXPECT_GE(Counted(), before);
    ASSERT_EQ(
        Replay({Expect("mid: am Kiosk gesetzt am " +
                       app_->loc->FormatDateTime(app_->session.admin.controller.overview.lines[0].set_at,
                                                 loc::DateStyle::kMedium))}),
        0);

    // Reset: the configured line again, in the store and in the counter.
    ASSERT_EQ(Replay({Tap("Zurücksetzen"), Expect("Die Zähllinien zählen wieder wie konfiguriert."),
                      Expect("mid: aus der Konfiguration")}),
              0);
    auto db = cache::Database::Open((dir_ / "kiosk.db").string());
    ASSERT_TRUE(db.ok());
    auto stored = cache::LoadCounterLineOverrides(*db);
    ASSERT_TRUE(stored.ok());
    EXPECT_TRUE(stored->empty());
    EXPECT_TRUE(test::WaitFor([&] { return CounterUses({{160, 0}, {160, 240}}); }));
}

TEST_F(LineSetupTest, APressAwayFromTheEndsMovesNothing) {
    std::vector<std::string> steps = {Tap("Bildschirm berühren")};
    for (int i = 0; i < 5; ++i) steps.push_back(R"({"tap":[40,20]})");
    for (const char* key : {"2", "4", "6", "8", "OK"}) steps.push_back(Tap(key));
    ASSERT_EQ(Replay(steps), 0);
    ASSERT_GT(app_->session.admin.line_view.scale, 0);
    // From the picture's left part (far from both ends) across it: no end follows, so there is nothing to
    // save.
    ASSERT_EQ(Replay({Drag({40, 120}, {300, 60}), Tap("Linie speichern"),
                      Expect("Ziehen Sie zuerst ein Ende der Linie.")}),
              0);
    EXPECT_FALSE(app_->session.admin.controller.draft.moved);
    EXPECT_TRUE(CounterUses({{160, 0}, {160, 240}}));
}

}  // namespace
}  // namespace ck::kiosk
