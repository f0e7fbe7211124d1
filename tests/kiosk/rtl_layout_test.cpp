// Right to left, completely: every visitor screen drawn in Arabic is the mirror image of the same screen laid
// out left to right (same texts, same fonts; only the direction differs), item by item, from the frame trace
// the widget layer records. Inside keep-order blocks (the keyboard's letters) the layout's own order stays.
// Then the orders a visitor notices, named: the first chip is the rightmost, the first tile, the status bar,
// the navigation bar, the keyboard's special keys.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "demo_kiosk.h"

namespace ck::kiosk {
namespace {

using test::DemoKiosk;
using test::DrawRequest;

const ImVec2 kSizes[] = {{1920, 1080}, {1080, 1920}};

class RtlLayoutTest : public test::DemoKioskSuite {
  protected:
    static std::vector<ui::TraceEntry> Arabic(ScreenId screen, ImVec2 size,
                                              const std::function<void(App&)>& prepare = {}) {
        DrawRequest r;
        r.screen = screen;
        r.language = "ar";
        r.size = size;
        r.prepare = prepare;
        return kiosk_->Draw(r);
    }
    static const ui::TraceEntry* Find(const std::vector<ui::TraceEntry>& trace, const std::string& text) {
        for (const auto& e : trace)
            if (e.text == text) return &e;
        return nullptr;
    }
    static const std::string& T(const char* key) { return kiosk_->app().T(key); }
};

TEST_F(RtlLayoutTest, EveryScreenIsTheMirrorImageOfItsLeftToRightLayout) {
    int compared = 0;
    for (const ImVec2 size : kSizes) {
        for (const test::ScreenState& s : test::VisitorScreenStates()) {
            const std::string where = s.name + " " + std::to_string(static_cast<int>(size.x)) + "x" +
                                      std::to_string(static_cast<int>(size.y));
            DrawRequest r;
            r.screen = s.screen;
            r.language = "ar";
            r.size = size;
            r.prepare = s.prepare;
            const std::vector<ui::TraceEntry> rtl = kiosk_->Draw(r);
            r.force_left_to_right = true;
            const std::vector<ui::TraceEntry> ltr = kiosk_->Draw(r);
            ASSERT_EQ(rtl.size(), ltr.size()) << where;
            ASSERT_GE(rtl.size(), 3u) << where << ": the screen was drawn";
            float last_kept_x = -1;
            for (std::size_t i = 0; i < rtl.size(); ++i) {
                const ui::TraceEntry& a = rtl[i];
                // Entries are matched by text and occurrence (mirrored rows may be drawn in another
                // order). The arrow keys swap places in the mirrored row, each staying on the side it
                // points to.
                const std::string counterpart = a.text == "\u2190"   ? "\u2192"
                                                : a.text == "\u2192" ? "\u2190"
                                                                     : a.text;
                std::size_t occurrence = 0;
                for (std::size_t j = 0; j < i; ++j) occurrence += rtl[j].text == a.text;
                const ui::TraceEntry* match = nullptr;
                for (const auto& e : ltr) {
                    if (e.text != counterpart) continue;
                    if (occurrence-- == 0) {
                        match = &e;
                        break;
                    }
                }
                ASSERT_NE(match, nullptr) << where << ": \"" << a.text << "\" only right to left";
                const ui::TraceEntry& b = *match;
                EXPECT_NEAR(a.min.y, b.min.y, 0.5f) << where << ": " << a.text;
                if (a.keeps_order) {
                    // The block moved as a whole: same width, and within a row left to right as laid out.
                    EXPECT_NEAR(a.max.x - a.min.x, b.max.x - b.min.x, 0.5f) << where << ": " << a.text;
                    if (i > 0 && rtl[i - 1].keeps_order && std::fabs(rtl[i - 1].min.y - a.min.y) < 0.5f) {
                        EXPECT_GT(a.min.x, last_kept_x) << where << ": " << a.text << " keeps its order";
                    }
                    last_kept_x = a.min.x;
                    continue;
                }
                EXPECT_NEAR(a.min.x, size.x - b.max.x, 1.0f)
                    << where << ": \"" << a.text << "\" is not mirrored";
                EXPECT_NEAR(a.max.x, size.x - b.min.x, 1.0f)
                    << where << ": \"" << a.text << "\" is not mirrored";
                ++compared;
            }
        }
    }
    EXPECT_GT(compared, 500);
}

TEST_F(RtlLayoutTest, TheFirstChipIsTheRightmost) {
    for (const ImVec2 size : kSizes) {
        const auto trace = Arabic(ScreenId::kIdeas, size);
        const ui::TraceEntry* all = Find(trace, T("kiosk.ideas.filter_all"));
        ASSERT_NE(all, nullptr);
        int same_row = 0;
        for (const auto& e : trace) {
            if (&e == all || !e.tappable || std::fabs(e.min.y - all->min.y) > 0.5f) continue;
            EXPECT_LT(e.max.x, all->min.x) << e.text << " stands right of the first chip";
            ++same_row;
        }
        EXPECT_GE(same_row, 1) << "more chips in the first row";
        EXPECT_NEAR(all->max.x, size.x - ui::units::kMargin * (std::min(size.x, size.y) / 1080.0f), 1.0f)
            << "the first chip starts at the right margin";
    }
}

TEST_F(RtlLayoutTest, TilesStatusBarAndNavigationReadFromTheRight) {
    for (const ImVec2 size : kSizes) {
        const auto trace = Arabic(ScreenId::kHome, size);
        const ui::TraceEntry* services = Find(trace, T("kiosk.home.services"));
        const ui::TraceEntry* ideas = Find(trace, T("kiosk.home.ideas"));
        ASSERT_TRUE(services && ideas);
        EXPECT_GT(services->min.x, ideas->max.x) << "the first tile is the rightmost of its row";
        const ui::TraceEntry* city = Find(
            trace,
            kiosk_->app().options.config.city_name +
                (size.x > size.y ? " \xC2\xB7 " + kiosk_->app().options.config.site_name : std::string()));
        const ui::TraceEntry* language = Find(trace, kiosk_->app().loc->language().native_name);
        ASSERT_TRUE(city && language);
        EXPECT_GT(city->min.x, size.x * 0.5f) << "the city name stands on the right";
        EXPECT_LT(language->max.x, size.x * 0.5f) << "the language stands on the left";
        const auto ideas_trace = Arabic(ScreenId::kIdeas, size);
        const ui::TraceEntry* back = Find(ideas_trace, T("kiosk.nav.back"));
        const ui::TraceEntry* lang_button = Find(ideas_trace, T("kiosk.nav.language"));
        ASSERT_TRUE(back && lang_button);
        EXPECT_GT(back->min.x, lang_button->max.x) << "back leads: on the right";
    }
}

TEST_F(RtlLayoutTest, TheKeyboardMirrorsItsSpecialKeysButNotItsLetters) {
    for (const ImVec2 size : kSizes) {
        const auto trace =
            Arabic(ScreenId::kServices, size, [](App& a) { a.session.services.keyboard_open = true; });
        const ui::TraceEntry* shift = Find(trace, T("kiosk.keyboard.shift"));
        const ui::TraceEntry* done = Find(trace, T("kiosk.keyboard.done"));
        const ui::TraceEntry* left = Find(trace, "\u2190");
        const ui::TraceEntry* right = Find(trace, "\u2192");
        ASSERT_TRUE(shift && done && left && right);
        EXPECT_LT(done->max.x, shift->min.x) << "done on the left, shift on the right";
        EXPECT_LT(left->max.x, right->min.x) << "each arrow still stands on the side it points to";
        // The Arabic layout's first row starts with DAD on the left, as on a physical Arabic keyboard.
        const ui::TraceEntry* dad = Find(trace, "\u0636");
        const ui::TraceEntry* sad = Find(trace, "\u0635");
        ASSERT_TRUE(dad && sad);
        EXPECT_LT(dad->max.x, sad->min.x);
    }
}

}  // namespace
}  // namespace ck::kiosk
