#define IMGUI_DEFINE_MATH_OPERATORS
#include <imgui.h>
#include <imgui_internal.h>

#include <ctime>

#include "screens/screens.h"
#include "ui/on_screen_keyboard.h"
#include "ui/widgets.h"

namespace ck::kiosk {
namespace {

void DrawStatusBar(App& app) {
    const ui::UiFrame& f = app.frame;
    const ui::Theme& t = f.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 size = f.layout.size;
    const float h = ui::LayoutScale(ui::units::kStatusBarHeight);
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(size.x, h), t.primary);
    const float m = ui::LayoutScale(ui::units::kMargin);
    // Portrait is narrow: the city alone, so the clock in the middle stays free.
    const std::string left = f.layout.portrait
                                 ? app.options.config.city_name
                                 : app.options.config.city_name + " \xC2\xB7 " + app.options.config.site_name;
    // Laid out left to right; ui::ReadingX mirrors each piece in a right-to-left UI (city on the right,
    // language on the left), like every row of the widget layer.
    const float left_w = ui::MeasureText(left, f.fonts.large).x;
    const ImVec2 left_pos(ui::ReadingX(m, left_w), (h - f.fonts.large->FontSize) * 0.5f);
    ui::LabelAt(dl, left_pos, left, f.fonts.large, t.on_primary);
    ui::Frame().trace.push_back(
        ui::TraceEntry{left, left_pos, left_pos + ImVec2(left_w, f.fonts.large->FontSize), false});
    // Operators reach the admin screen by five quick taps on the city name (visitors have no reason to).
    const float corner_w = ui::LayoutScale(ui::units::kAdminCornerWidth);
    ImGui::SetCursorScreenPos(ImVec2(ui::ReadingX(0, corner_w), 0));
    if (ImGui::InvisibleButton("##admin_corner", ImVec2(corner_w, h)) && !f.gesture.dragging) {
        if (app.now_s - app.admin_first_tap_s > 4) {
            app.admin_first_tap_s = app.now_s;
            app.admin_taps = 0;
        }
        if (++app.admin_taps >= 5) {
            app.admin_taps = 0;
            app.nav.Push(ScreenId::kAdmin);
        }
    }
    const std::string clock = app.loc->FormatTime(AppNow(app));
    ui::LabelCentered(dl, ImVec2(0, 0), ImVec2(size.x, h), clock, f.fonts.large, t.on_primary);
    // Right side: demo badge and language.
    float x = size.x - m;
    const std::string lang = app.loc->language().native_name;
    const ImVec2 ls = ui::MeasureText(lang, f.fonts.large);
    x -= ls.x;
    const ImVec2 lang_pos(ui::ReadingX(x, ls.x), (h - f.fonts.large->FontSize) * 0.5f);
    ui::LabelAt(dl, lang_pos, lang, f.fonts.large, t.on_primary);
    ui::Frame().trace.push_back(ui::TraceEntry{lang, lang_pos, lang_pos + ls, false});
    if (app.sync) {
        // Connection indicator: green when every connector's last contact succeeded, else hollow.
        const cache::SyncSnapshot snap = app.sync->Snapshot();
        bool online = !snap.connectors.empty();
        for (const auto& c : snap.connectors) online = online && c.online;
        const std::string label = app.T(online ? "kiosk.status.online" : "kiosk.status.offline");
        const ImVec2 ls2 = ui::MeasureText(label, f.fonts.body);
        x -= ls2.x + m * 0.5f;
        const float r = ui::LayoutScale(ui::units::kStatusDotRadius);
        const float label_x = x;
        x -= r * 3;
        // The dot leads the label in reading order.
        const float piece = ui::ReadingX(x, label_x + ls2.x - x);
        const float dot_x = f.rtl ? piece + (label_x + ls2.x - x) - 2 * r : piece;
        const float text_x = f.rtl ? piece : piece + (label_x - x);
        ui::LabelAt(dl, ImVec2(text_x, (h - f.fonts.body->FontSize) * 0.5f), label, f.fonts.body,
                    t.on_primary);
        if (online) {
            dl->AddCircleFilled(ImVec2(dot_x + r, h * 0.5f), r, t.on_primary);
        } else {
            dl->AddCircle(ImVec2(dot_x + r, h * 0.5f), r, t.on_primary, 16,
                          ui::LayoutScale(ui::units::kBorderThick));
        }
        ui::Frame().trace.push_back(
            ui::TraceEntry{label, ImVec2(piece, 0), ImVec2(piece + label_x + ls2.x - x, h), false});
    }
    if (app.content.demo) {
        const std::string demo = app.T("kiosk.status.demo");
        const ImVec2 ds = ui::MeasureText(demo, f.fonts.body);
        const ImVec2 pad = ui::LayoutScale(ui::units::kBadgePaddingX, ui::units::kGapSmall);
        x -= ds.x + 2 * pad.x + m * 0.5f;
        const ImVec2 bmin(ui::ReadingX(x, ds.x + 2 * pad.x), (h - ds.y) * 0.5f - pad.y);
        dl->AddRectFilled(bmin, bmin + ds + pad * 2, t.accent, ui::LayoutScale(ui::units::kRoundingSmall));
        ui::LabelAt(dl, bmin + pad, demo, f.fonts.body, t.on_accent);
        ui::Frame().trace.push_back(ui::TraceEntry{demo, bmin, bmin + ds + pad * 2, false});
    }
}

}  // namespace

float BeginScreenBody(App& app, std::string_view title_key) {
    const ui::UiFrame& f = app.frame;
    DrawStatusBar(app);
    const float m = ui::LayoutScale(ui::units::kMargin);
    const float width = f.layout.size.x - 2 * m;
    ImGui::SetCursorScreenPos(ImVec2(m, ui::LayoutScale(ui::units::kStatusBarHeight) + m * 0.75f));
    ImGui::BeginGroup();
    if (!title_key.empty()) {
        ui::Label(app.T(title_key), f.fonts.title, f.theme.text, width);
        ui::Spacing(ui::units::kGapMedium);
    }
    const float body_h = f.layout.size.y - ImGui::GetCursorScreenPos().y -
                         ui::LayoutScale(ui::units::kNavBarHeight) - m * 0.5f;
    // The body scrolls when its content is taller than the screen (large text on a small display).
    ui::BeginScrollArea("##body", ImVec2(width, body_h), true);
    return width;
}

void EndScreenBody(App& app) {
    ui::EndScrollArea();
    ImGui::EndGroup();
    const ui::UiFrame& f = app.frame;
    const float bar_h = ui::LayoutScale(ui::units::kNavBarHeight);
    const float m = ui::LayoutScale(ui::units::kMargin);
    const float y = f.layout.size.y - bar_h;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, y), f.layout.size, f.theme.surface);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(0, y), ImVec2(f.layout.size.x, y), f.theme.border,
                                        ui::LayoutScale(ui::units::kBorder));
    const float bh = ui::LayoutScale(ui::units::kButtonHeight) * 0.9f;
    const float by = y + (bar_h - bh) * 0.5f;
    const float bw = std::min(ui::LayoutScale(ui::units::kNavButtonWidth),
                              (f.layout.size.x - 2 * m - 2 * ui::LayoutScale(ui::units::kButtonGap)) / 3.0f);
    // Left to right as laid out here; the widget layer mirrors the bar right to left.
    ImGui::SetCursorScreenPos(ImVec2(m, by));
    if (app.nav.can_go_back() &&
        ui::SecondaryButton("##back", app.T("kiosk.nav.back"), ImVec2(bw, bh), ui::Icon::kBack)) {
        app.nav.Back();
    }
    // Home has no "back": its place holds the switch for speech and explore by touch, in a corner a visitor
    // who cannot see finds by sliding a finger along the screen's edge.
    if (app.nav.current() == ScreenId::kHome) SpeechSwitch(app, "##speech", ImVec2(bw, bh));
    ImGui::SetCursorScreenPos(ImVec2((f.layout.size.x - bw) * 0.5f, by));
    if (ui::PrimaryButton("##home", app.T("kiosk.nav.home"), ImVec2(bw, bh), ui::Icon::kHome)) app.nav.Home();
    ImGui::SetCursorScreenPos(ImVec2(f.layout.size.x - m - bw, by));
    if (ui::SecondaryButton("##language", app.T("kiosk.nav.language"), ImVec2(bw, bh), ui::Icon::kLanguage)) {
        app.session.language_dialog = true;
    }
}

std::size_t& SearchField(App& app, ui::KeyboardState& keyboard, std::string& query, bool& keyboard_open,
                         std::string_view placeholder_key, const ui::TextLimit& limit, float width) {
    std::size_t& caret = ui::CaretFor(keyboard, 0, query);
    if (ui::TextField("##query", query, app.T(placeholder_key), keyboard_open,
                      ImVec2(width, ui::LayoutScale(ui::units::kButtonHeight)), false, &caret)) {
        keyboard_open = true;
    }
    if (keyboard_open) {
        (void)ui::InsertAtCaret(query, caret, app.typed_text, limit);
        for (int i = 0; i < app.typed_backspaces; ++i) (void)ui::EraseBeforeCaret(query, caret);
    }
    return caret;
}

void NotAvailableYet(App& app, float width) {
    const ui::UiFrame& f = app.frame;
    ui::Spacing(ui::units::kGapWide);
    ui::Label(app.T("kiosk.common.not_available_title"), f.fonts.large, f.theme.text, width);
    ui::Spacing(ui::units::kGapMedium);
    ui::Label(app.T("kiosk.common.not_available_text"), f.fonts.body, f.theme.text_muted, width);
}

}  // namespace ck::kiosk
