// Text that always fits, every glyph exists: every visitor screen (in the states a visitor can put it in) is
// drawn in every language of the catalogues, at 1920x1080 and 1080x1920, with large text off and on. The
// widget layer measures each text with Dear ImGui against the rectangle of the widget that shows it and looks
// up every character of the display form in the font; whatever it had to cut or could not draw is a
// TextProblem, and there must be none. Large text must leave every screen usable: no two touch targets
// overlap, none sticks out of the screen.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "demo_kiosk.h"

namespace ck::kiosk {
namespace {

using test::DemoKiosk;
using test::DrawRequest;

const ImVec2 kSizes[] = {{1920, 1080}, {1080, 1920}};

std::string Where(const std::string& state, const std::string& lang, ImVec2 size, bool large) {
    return state + " [" + lang + " " + std::to_string(static_cast<int>(size.x)) + "x" +
           std::to_string(static_cast<int>(size.y)) + (large ? " large text" : "") + "]";
}

class TextFitTest : public test::DemoKioskSuite {
  protected:
};

TEST_F(TextFitTest, EveryTextFitsItsWidgetAndHasItsGlyphs) {
    App& app = kiosk_->app();
    std::vector<std::string> languages;
    for (const auto& l : app.catalogues.languages) languages.push_back(l.tag);
    ASSERT_GE(languages.size(), 7u);
    std::set<std::string> shown;
    int drawn = 0, problems = 0;
    for (const bool large : {false, true}) {
        for (const ImVec2 size : kSizes) {
            for (const std::string& lang : languages) {
                for (const test::ScreenState& s : test::VisitorScreenStates()) {
                    DrawRequest r;
                    r.screen = s.screen;
                    r.language = lang;
                    r.size = size;
                    r.large_text = large;
                    r.prepare = s.prepare;
                    for (const auto& e : kiosk_->Draw(r)) shown.insert(e.text);
                    ++drawn;
                    for (const ui::TextProblem& p : app.frame.text_problems) {
                        if (++problems > 60) continue;  // enough to see the pattern
                        ADD_FAILURE() << Where(s.name, lang, size, large) << ": " << p.what << ": \""
                                      << p.text << "\" (widget " << p.min.x << "," << p.min.y << " - "
                                      << p.max.x << "," << p.max.y << ")";
                    }
                }
            }
        }
    }
    EXPECT_EQ(problems, 0);
    // How much of the catalogues the states reach (texts without arguments, compared as they are).
    std::size_t plain = 0, seen = 0;
    for (const auto& [key, text] : app.catalogues.FindCatalogue("de")->messages) {
        if (text.find('{') != std::string::npos || key.rfind("kiosk.admin.", 0) == 0) continue;
        ++plain;
        seen += shown.count(text);
    }
    std::printf("drew %d screens; %zu of %zu plain German visitor texts were on them\n", drawn, seen, plain);
    EXPECT_GT(seen * 100, plain * 60) << "the screen states must reach most visitor texts";
}

TEST_F(TextFitTest, LargeTextLeavesEveryScreenUsable) {
    for (const ImVec2 size : kSizes) {
        for (const std::string lang : {"de", "ar"}) {
            for (const test::ScreenState& s : test::VisitorScreenStates()) {
                DrawRequest r;
                r.screen = s.screen;
                r.language = lang;
                r.size = size;
                r.large_text = true;
                r.prepare = s.prepare;
                const std::vector<ui::TraceEntry> trace = kiosk_->Draw(r);
                const std::string where = Where(s.name, lang, size, true);
                // A dialog covers the screen: only its own targets count.
                const bool dialog = s.name.find('+') != std::string::npos && s.name != "services+keyboard" &&
                                    s.name != "ideas+detail";
                std::vector<const ui::TraceEntry*> targets;
                for (const auto& e : trace) {
                    if (!e.tappable) continue;
                    EXPECT_GE(e.min.x, -0.5f) << where << ": \"" << e.text << "\" sticks out on the left";
                    EXPECT_LE(e.max.x, size.x + 0.5f)
                        << where << ": \"" << e.text << "\" sticks out on the right";
                    targets.push_back(&e);
                }
                if (dialog || s.name == "ideas+detail") continue;
                for (std::size_t i = 0; i < targets.size(); ++i) {
                    for (std::size_t j = i + 1; j < targets.size(); ++j) {
                        const ui::TraceEntry& a = *targets[i];
                        const ui::TraceEntry& b = *targets[j];
                        const bool same =
                            std::fabs(a.min.x - b.min.x) < 0.5f && std::fabs(a.min.y - b.min.y) < 0.5f &&
                            std::fabs(a.max.x - b.max.x) < 0.5f && std::fabs(a.max.y - b.max.y) < 0.5f;
                        if (same) continue;  // one widget traced twice (a list row's title and subtitle)
                        const float ox = std::min(a.max.x, b.max.x) - std::max(a.min.x, b.min.x);
                        const float oy = std::min(a.max.y, b.max.y) - std::max(a.min.y, b.min.y);
                        EXPECT_FALSE(ox > 1 && oy > 1)
                            << where << ": \"" << a.text << "\" overlaps \"" << b.text << "\"";
                    }
                }
            }
        }
    }
}

}  // namespace
}  // namespace ck::kiosk
