#define IMGUI_DEFINE_MATH_OPERATORS
// The attract screen: what the kiosk offers, in several languages, that a camera counts anonymously, and one
// live value so a passer-by sees something alive. No animation: the value changes at a deadline (the loop
// draws one frame then), so the idle kiosk draws almost nothing and sleeps (only a finger held for speech
// asks for frames, to draw its progress and notice the moment). Against burn-in the content drifts a few
// units once a minute, on the frame the status clock's minute draws anyway.
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

#include "screens/live_text.h"
#include "screens/screens.h"
#include "ui/live_card.h"
#include "ui/widgets.h"

namespace ck::kiosk {
namespace {

// One finger resting on the attract screen (the item just submitted) for kHoldToSpeakS switches speech and
// explore by touch on: found without sight, told apart from a tap by time alone (no second finger, no path).
void HoldToSpeak(App& app, ImDrawList* dl) {
    SpeechSession& s = app.session.speech;
    const ImGuiIO& io = ImGui::GetIO();
    ui::UiFrame& f = app.frame;
    if (io.MouseClicked[0]) {
        s.hold_start_s = app.now_s;
        s.hold_fired = false;
    }
    const ImVec2 moved = io.MousePos - f.gesture.press_pos;
    const float limit = ui::LayoutScale(ui::units::kDragThreshold);
    if (!ImGui::IsItemActive() || moved.x * moved.x + moved.y * moved.y > limit * limit) s.hold_start_s = -1;
    if (s.hold_start_s < 0 || s.hold_fired) return;
    const double progress = (app.now_s - s.hold_start_s) / kHoldToSpeakS;
    if (progress >= 1.0) {
        s.hold_fired = true;
        SetExplore(app, true);
        return;
    }
    f.wants_animation = true;  // the moment must be noticed without another event
    const float r = ui::LayoutScale(ui::units::kButtonHeight);
    dl->PathArcTo(f.gesture.press_pos, r, -IM_PI * 0.5f,
                  -IM_PI * 0.5f + 2.0f * IM_PI * static_cast<float>(progress), 48);
    dl->PathStroke(f.theme.on_primary, 0, ui::LayoutScale(ui::units::kFocusRing));
}

}  // namespace

void DrawAttract(App& app) {
    const ui::UiFrame& f = app.frame;
    const ui::Theme& t = f.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 size = f.layout.size;
    dl->AddRectFilled(ImVec2(0, 0), size, t.primary);
    const float m = ui::LayoutScale(ui::units::kMargin) * 2;
    const float w = size.x - 2 * m;
    const ImVec2 drift = ui::BurnInDrift(f.time_s) * f.layout.scale;

    // The clearly marked switch for speech and explore by touch, in the top corner at the reading end; it
    // comes before the whole-screen target so that it gets its own taps.
    const float sw = SpeechSwitchWidth(app);
    const float sh = ui::LayoutScale(ui::units::kButtonHeight);
    const ImVec2 smin(size.x - m - sw, m * 0.5f);  // a widget: it mirrors itself right to left
    ImGui::SetCursorScreenPos(smin);
    const bool speech_tapped = SpeechSwitch(app, "##speech", ImVec2(sw, sh));
    const std::string& hint = app.T("kiosk.attract.speech_hint");
    const ImVec2 hint_size = ui::MeasureText(hint, f.fonts.body);
    const ImVec2 hint_pos(ui::ReadingX(size.x - m - hint_size.x, hint_size.x),
                          smin.y + sh + ui::LayoutScale(ui::units::kGapSmall));
    ui::LabelAt(dl, hint_pos, hint, f.fonts.body, t.on_primary);
    const float hint_bottom = hint_pos.y + hint_size.y;
    ui::Frame().trace.push_back(ui::TraceEntry{hint, hint_pos, hint_pos + hint_size, false});

    // The whole screen is one big target: any touch starts a session.
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    const bool tapped = ImGui::InvisibleButton("##start", size);
    HoldToSpeak(app, dl);

    const float x = m + drift.x;
    // The rotating live value, only a fresh one (an outdated value is no advert for live data). In landscape
    // it has a column of its own at the end of the reading direction, beside the start pill and the language
    // list (which then keep to the rest of the width); in portrait it sits above the notice.
    const LiveController& live = app.live;
    const bool show_tile = live.rotation < live.entries.size() && !live.entries[live.rotation].stale;
    const float gap = ui::LayoutScale(ui::units::kGapSection);
    ImVec2 card(std::min(ui::LayoutScale(f.layout.portrait ? ui::units::kAttractTileWidth
                                                           : ui::units::kAttractTileWidthBeside),
                         w),
                ui::LayoutScale(ui::units::kAttractTileHeight));
    // As tall as its lines need (large text, an age that wraps).
    if (show_tile) {
        const TileTexts& tt = TextsFor(app, live.rotation);
        card.y = std::max(card.y, ui::LiveCardHeight({tt.title, tt.name, tt.value, {}, tt.age}, card.x));
    }
    const bool beside = show_tile && !f.layout.portrait;

    // Counting notice: the camera's purpose is never hidden. Placed first: the rest fits above it.
    const std::string& notice = app.T("kiosk.attract.counting_notice");
    // The icon sits centred one padding in; the text starts two paddings in and ends half a padding early.
    const float np = ui::LayoutScale(ui::units::kNoticePadding);
    const float nh = ui::MeasureText(notice, f.fonts.body, w - np).y + np;
    // Right to left the drift mirrors too, like every other block.
    const ImVec2 nmin(ui::ReadingX(x, w), size.y - m - nh + drift.y);
    dl->AddRectFilled(nmin, ImVec2(nmin.x + w, nmin.y + nh), (t.on_primary & 0x00FFFFFF) | 0x26000000,
                      ui::LayoutScale(ui::units::kRoundingSmall));
    ui::DrawIcon(dl, ui::Icon::kPrivacy, ImVec2(ui::ReadingX(x + np, 0), nmin.y + np),
                 ui::LayoutScale(ui::units::kNoticeIconSize), t.on_primary);
    ui::LabelAt(dl, ImVec2(ui::ReadingX(x + 2 * np, w - 2.5f * np), nmin.y + np * 0.5f), notice, f.fonts.body,
                t.on_primary, w - 2.5f * np);
    ui::Frame().trace.push_back(ui::TraceEntry{notice, nmin, ImVec2(nmin.x + w, nmin.y + nh), false});

    float y = size.y * (f.layout.portrait ? 0.18f : 0.10f) + drift.y;
    // Every text goes into the frame trace too, so replays and tests can find what a visitor sees.
    // Right to left, ui::ReadingX mirrors each block (wrapped lines are right-aligned within it).
    auto text = [&](ImVec2 pos, const std::string& s, ImFont* font, float wrap) {
        ui::LabelAt(dl, ImVec2(ui::ReadingX(pos.x, wrap), pos.y), s, font, t.on_primary, wrap);
        const ImVec2 sz = ui::MeasureText(s, font, wrap);
        const ImVec2 at(ui::ReadingX(pos.x, sz.x), pos.y);
        ui::Frame().trace.push_back(ui::TraceEntry{s, at, at + sz, false});
        return sz.y;
    };
    text(ImVec2(x, y), app.options.config.city_name, f.fonts.large, w);
    y += f.fonts.large->FontSize * 1.6f;
    const std::string& title = app.T("kiosk.attract.title");
    y += text(ImVec2(x, y), title, f.fonts.huge, w) + ui::LayoutScale(ui::units::kGapSection);
    const std::string& sub = app.T("kiosk.attract.subtitle");
    // Landscape: the tile's column starts beside the start pill, or (large text) already beside the subtitle,
    // which then wraps short of it, when the pill's row leaves too little height above the notice.
    const float text_w = beside ? w - card.x - gap : w;
    const float tile_bottom_limit = nmin.y - ui::LayoutScale(ui::units::kGapSmall);
    const bool tile_high = beside && y + ui::MeasureText(sub, f.fonts.large, w).y +
                                             ui::LayoutScale(ui::units::kAttractSubtitleGap) + card.y >
                                         tile_bottom_limit;
    const float sub_top = y;
    y += text(ImVec2(x, y), sub, f.fonts.large, tile_high ? text_w : w) +
         ui::LayoutScale(ui::units::kAttractSubtitleGap);

    // The start call in the visitor languages, each in its own script (shaped by the display helper).
    const std::string& start = app.T("kiosk.attract.touch_to_start");
    const ImVec2 pill = ui::MeasureText(start, f.fonts.title) +
                        ui::LayoutScale(ui::units::kPillPaddingX, ui::units::kPillPaddingY);
    const ImVec2 pmin(ui::ReadingX(x, pill.x), y);
    dl->AddRectFilled(pmin, pmin + pill, t.on_primary, pill.y * 0.5f);
    ui::LabelCentered(dl, pmin, pmin + pill, start, f.fonts.title, t.primary);
    ui::Frame().trace.push_back(ui::TraceEntry{start, pmin, pmin + pill, true});
    // Beside the pill when it leaves room, else below it.
    const float card_top = std::max(
        hint_bottom + gap, tile_high                ? sub_top
                           : pill.x + gap <= text_w ? y
                                                    : y + pill.y + ui::LayoutScale(ui::units::kGapWide));
    y += pill.y + ui::LayoutScale(ui::units::kGapWide);

    // The other languages in two columns, in the large size when they fit above the notice (and the tile in
    // portrait), else in the body size, and only as many rows as fit: large text never runs them into the
    // notice, and every language stays on home's language button.
    std::vector<std::string> calls;
    for (const auto& lang : app.catalogues.languages) {
        if (lang.tag == app.loc->language().tag) continue;
        const auto* cat = app.catalogues.FindCatalogue(lang.tag);
        if (!cat) continue;
        auto it = cat->messages.find("kiosk.attract.touch_to_start");
        if (it != cat->messages.end()) calls.push_back(lang.native_name + ": " + it->second);
    }
    const float col_w = text_w * 0.5f;
    const float cell_w = col_w - ui::LayoutScale(ui::units::kGapSection);
    const float row_gap = ui::LayoutScale(ui::units::kGapMedium);
    auto row_height = [&](std::size_t row, ImFont* font) {
        float h = ui::MeasureText(calls[row * 2], font, cell_w).y;
        if (row * 2 + 1 < calls.size()) h = std::max(h, ui::MeasureText(calls[row * 2 + 1], font, cell_w).y);
        return h + row_gap;
    };
    const std::size_t rows = (calls.size() + 1) / 2;
    const float room = nmin.y - gap - y - (show_tile && !beside ? card.y + gap : 0);
    auto rows_fitting = [&](ImFont* font) {
        std::size_t n = 0;
        for (float used = 0; n < rows && used + row_height(n, font) <= room; ++n) used += row_height(n, font);
        return n;
    };
    ImFont* list_font = f.fonts.large;
    std::size_t shown_rows = rows_fitting(list_font);
    if (shown_rows < rows) {
        list_font = f.fonts.body;
        shown_rows = rows_fitting(list_font);
    }
    for (std::size_t row = 0; row < shown_rows; ++row) {
        for (std::size_t col = 0; col < 2 && row * 2 + col < calls.size(); ++col)
            text(ImVec2(x + static_cast<float>(col) * col_w, y), calls[row * 2 + col], list_font, cell_w);
        y += row_height(row, list_font);  // wrapped cells push the next row down
    }

    if (show_tile) {
        // Laid out left to right; the card mirrors itself right to left.
        const ImVec2 at(x + w - card.x, beside ? card_top : std::max(y, nmin.y - card.y - gap));
        // Never over the notice: a screen too small for both keeps the notice.
        if (at.y + card.y <= tile_bottom_limit) {
            const TileTexts& tt = TextsFor(app, live.rotation);
            ImGui::SetCursorScreenPos(at);
            ui::LiveCard(nullptr, {tt.title, tt.name, tt.value, {}, tt.age}, false, card);
        }
    }

    if ((tapped && !f.gesture.dragging) || speech_tapped) {
        app.idle.Arm(app.now_s);
        app.nav.Push(ScreenId::kHome);
    }
}

}  // namespace ck::kiosk
