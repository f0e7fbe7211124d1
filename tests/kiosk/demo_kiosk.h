// A demo kiosk in-process for layout tests: one ImGui context and one demo App (real fonts, real catalogues,
// the demo store), drawing any screen in any language and size, large text on or off, without a window.
// The frame's trace (every text with its rectangle, recorded by the widget layer) is what tests inspect.
#pragma once

#include <gtest/gtest.h>
#include <imgui.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/app.h"

namespace ck::kiosk::test {

inline constexpr double kFixedClock = 1795784700;  // 2026-11-27 13:05 UTC, as in screenshots

struct DrawRequest {
    ScreenId screen = ScreenId::kHome;
    std::string language = "de";
    ImVec2 size{1920, 1080};
    bool large_text = false;
    bool high_contrast = false;
    std::function<void(App&)> prepare;  // puts the screen into a state after it opened
    bool force_left_to_right = false;   // the layout of a right-to-left language drawn left to right
};

class DemoKiosk {
  public:
    DemoKiosk();
    // Any kiosk (e.g. on a store a test prepared); the clock is fixed at kFixedClock.
    explicit DemoKiosk(AppOptions options);
    ~DemoKiosk();
    DemoKiosk(const DemoKiosk&) = delete;
    DemoKiosk& operator=(const DemoKiosk&) = delete;

    const std::string& error() const { return error_; }  // empty when the kiosk could be set up
    App& app() { return *app_; }
    // Opens the screen as a screenshot would and draws three frames; returns the last frame's trace.
    std::vector<ui::TraceEntry> Draw(const DrawRequest& request);

  private:
    ImGuiContext* context_ = nullptr;
    std::unique_ptr<App> app_;
    float fonts_scale_ = 0;
    std::string error_;
};

// The screens a visitor sees, each with the states worth drawing (keyboard open, a dialog, a wizard step).
struct ScreenState {
    std::string name;
    ScreenId screen;
    std::function<void(App&)> prepare;
};
std::vector<ScreenState> VisitorScreenStates();

// One demo kiosk for a whole test suite: building its fonts and store is the slow part.
class DemoKioskSuite : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { kiosk_ = new DemoKiosk(); }
    static void TearDownTestSuite() {
        delete kiosk_;
        kiosk_ = nullptr;
    }
    void SetUp() override { ASSERT_TRUE(kiosk_->error().empty()) << kiosk_->error(); }
    static inline DemoKiosk* kiosk_ = nullptr;
};

}  // namespace ck::kiosk::test
