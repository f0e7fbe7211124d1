// Text that always fits, every glyph exists: every visitor screen (in the states a visitor can put it in) is
// drawn in every language of the catalogues, at 1920x1080 and 1080x1920, with large text off and on. The
// widget layer measures each text with Dear ImGui against the rectangle of the widget that shows it and looks
// up every character of the display form in the font; whatever it had to cut or could not draw is a
// TextProblem, and there must be none. Large text must leave every screen usable: no two touch targets
// overlap, none sticks out of the screen.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "demo_kiosk.h"
#include "features/services_controller.h"

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
                    const DrawRequest r{.screen = s.screen,
                                        .language = lang,
                                        .size = size,
                                        .large_text = large,
                                        .prepare = s.prepare};
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
                const DrawRequest r{.screen = s.screen,
                                    .language = lang,
                                    .size = size,
                                    .large_text = true,
                                    .prepare = s.prepare};
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

// The hand-off under a service in portrait (QR, heading, address, notes) sat partly below the navigation bar
// once a service had no online service and its note took another line. Every one of its texts must end above
// the bar, with and without an online service, large text on and off.
TEST_F(TextFitTest, TheServiceHandOffEndsAboveTheNavigationBar) {
    App& app = kiosk_->app();
    for (const ImVec2 size : kSizes) {
        for (const std::string lang : {"de", "ar"}) {
            for (const bool large : {false, true}) {
                for (const bool online : {true, false}) {
                    DrawRequest r;
                    r.screen = ScreenId::kServiceDetail;
                    r.language = lang;
                    r.size = size;
                    r.large_text = large;
                    r.prepare = [online](App& a) {
                        ServicesState& st = a.session.services;
                        if (online) return;
                        // Opened as the screen would on its first frame, then without its online services.
                        if (!st.service && a.services && !a.services->index.services.empty()) {
                            OpenService(a.db ? &*a.db : nullptr, *a.services, st,
                                        a.services->index.services.front().id, a.session.language);
                        }
                        if (st.service) st.service->online_links.clear();
                        if (st.detail) st.detail->online_links.clear();
                    };
                    const std::vector<ui::TraceEntry> trace = kiosk_->Draw(r);
                    const std::string where =
                        Where(online ? "service-detail" : "service-detail without online service", lang, size,
                              large);
                    const ui::Layout l = ui::ComputeLayout(size, large ? 1.3f : 1.0f);
                    const float bar_top = size.y - ui::units::kNavBarHeight * l.scale;
                    const std::vector<std::string> texts = {
                        app.T(online ? "kiosk.services.continue_on_phone" : "kiosk.services.appointment"),
                        app.T(online ? "kiosk.services.no_personal_data" : "kiosk.services.no_online")};
                    for (const auto& text : texts) {
                        const auto e = std::find_if(trace.begin(), trace.end(),
                                                    [&](const ui::TraceEntry& t) { return t.text == text; });
                        ASSERT_NE(e, trace.end()) << where << ": \"" << text << "\" is not drawn";
                        EXPECT_LE(e->max.y, bar_top + 0.5f)
                            << where << ": \"" << text << "\" runs under the bar";
                    }
                }
            }
        }
    }
}

}  // namespace
}  // namespace ck::kiosk
