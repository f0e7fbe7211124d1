#define IMGUI_DEFINE_MATH_OPERATORS
// The city's open datasets (CKAN, cached): a list with title, formats and licence, searchable with the
// on-screen keyboard; a tap shows the plain description, the last change and a QR code to the dataset's page
// for the visitor's phone.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "screens/labels.h"
#include "screens/screens.h"
#include "ui/on_screen_keyboard.h"
#include "ui/widgets.h"

namespace ck::kiosk {
namespace {

// A search is a few words; the limit keeps the field readable.
constexpr std::size_t kMaxQueryGraphemes = 60;
// The list's share of the width beside the open keyboard in landscape (as on the services screen).
constexpr float kListShareBesideKeyboard = 0.36f;

std::string Join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

// The first line of a description, cut at a word near `max_bytes`.
std::string Teaser(const std::string& text, std::size_t max_bytes) {
    std::string line = text.substr(0, text.find('\n'));
    if (line.size() <= max_bytes) return line;
    std::size_t cut = line.rfind(' ', max_bytes);
    if (cut == std::string::npos || cut < max_bytes / 2) {
        cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    }
    return line.substr(0, cut) + "\u2026";
}

void DrawDataset(App& app, const DatasetView& v, float width) {
    const ui::UiFrame& f = app.frame;
    const od::Dataset& d = v.dataset;
    const bool side_by_side = !f.layout.portrait;
    const float qr = ui::LayoutScale(ui::units::kDatasetQrSize);
    const float gap = ui::LayoutScale(ui::units::kDetailColumnGap);
    const float text_w = side_by_side ? width - qr - gap : width;
    const float scroll_h = side_by_side
                               ? 0
                               : std::max(ImGui::GetContentRegionAvail().y - qr - gap -
                                              f.fonts.body->FontSize * 2.5f - f.fonts.small->FontSize * 4,
                                          ui::LayoutScale(ui::units::kMinResultListHeight));
    ImGui::BeginGroup();
    ui::BeginScrollArea("##dataset", ImVec2(text_w, scroll_h));
    const float w = text_w - ui::LayoutScale(ui::units::kScrollInset);
    ui::Label(d.title, f.fonts.large, f.theme.text, w, true);
    ui::Spacing(ui::units::kGapSmall);
    if (!d.organization.empty()) ui::Label(d.organization, f.fonts.body, f.theme.text_muted, w);
    if (!d.formats.empty())
        ui::Label(app.loc->Format("kiosk.datasets.formats", {{"formats", Join(d.formats)}}), f.fonts.body,
                  f.theme.text, w);
    if (!d.license.empty())
        ui::Label(app.loc->Format("kiosk.datasets.license", {{"license", d.license}}), f.fonts.body,
                  f.theme.text, w);
    if (ToUnixMs(d.modified) != 0) {
        ui::Label(app.loc->Format("kiosk.datasets.modified",
                                  {{"date", app.loc->FormatDate(d.modified, loc::DateStyle::kMedium)}}),
                  f.fonts.body, f.theme.text, w);
    }
    ui::Spacing(ui::units::kGapMedium);
    ui::Label(v.description.empty() ? app.T("kiosk.datasets.no_description") : v.description, f.fonts.body,
              v.description.empty() ? f.theme.text_muted : f.theme.text, w, true);
    ui::EndScrollArea();
    ImGui::EndGroup();
    if (side_by_side) {
        ImGui::SameLine(0, gap);
    } else {
        ui::Spacing(ui::units::kGapMedium);
    }
    ImGui::BeginGroup();
    ui::Label(app.T("kiosk.datasets.open_on_phone"), f.fonts.body, f.theme.text, qr);
    ui::Spacing(ui::units::kGapSmall);
    ui::QrCode(d.page_url, qr);
    ui::Label(d.page_url, f.fonts.small, f.theme.text, qr, true);
    ImGui::EndGroup();
}

}  // namespace

void DrawDatasets(App& app) {
    const ui::UiFrame& f = app.frame;
    LiveController& live = app.live;
    const float width = BeginScreenBody(app, "kiosk.datasets.title");
    if (live.dataset_open && *live.dataset_open < live.datasets.size()) {
        if (ui::SecondaryButton("##list", app.T("kiosk.datasets.all"),
                                ImVec2(ui::LayoutScale(ui::units::kActionButtonWidth),
                                       ui::LayoutScale(ui::units::kCompactButtonHeight)),
                                ui::Icon::kBack)) {
            live.dataset_open.reset();
        }
        ui::Spacing(ui::units::kGapMedium);
        DrawDataset(app, live.datasets[*live.dataset_open], width);
        EndScreenBody(app);
        return;
    }
    if (live.datasets.empty()) {
        ui::Spacing(ui::units::kGapWide);
        ui::Label(app.T("kiosk.datasets.empty_title"), f.fonts.large, f.theme.text, width);
        ui::Spacing(ui::units::kGapMedium);
        ui::Label(app.T("kiosk.datasets.empty_text"), f.fonts.body, f.theme.text_muted, width);
        EndScreenBody(app);
        return;
    }
    DatasetSearch& st = app.session.datasets;
    const ui::TextLimit limit{kMaxQueryGraphemes, kMaxQueryGraphemes * 16};
    std::size_t& caret = SearchField(app, app.session.datasets_keyboard, st.query, st.keyboard_open,
                                     "kiosk.datasets.search_placeholder", limit, width);
    UpdateDatasetSearch(live, st);
    const bool searching = st.filtered;
    ui::Spacing(ui::units::kGapMedium);
    // As on the services screen: in landscape the list goes beside the open keyboard, in portrait above it.
    const bool beside = st.keyboard_open && !f.layout.portrait;
    const float gap = ui::LayoutScale(ui::units::kGap);
    const float list_w = beside ? std::floor(width * kListShareBesideKeyboard) : width;
    const std::string count =
        searching ? app.loc->Format("kiosk.datasets.count_matching",
                                    {{"n", static_cast<std::int64_t>(st.hits.size())},
                                     {"total", static_cast<std::int64_t>(live.datasets.size())}})
                  : app.loc->Format("kiosk.datasets.count",
                                    {{"n", static_cast<std::int64_t>(live.datasets.size())}});
    const ImVec2 list_top = ImGui::GetCursorScreenPos();
    ui::Label(count, f.fonts.body, f.theme.text_muted, list_w);
    ui::Spacing(ui::units::kGapSmall);
    const float avail_h = ImGui::GetContentRegionAvail().y;
    float list_h = avail_h;
    if (st.keyboard_open && !beside) {
        list_h = std::max(avail_h - ui::KeyboardHeight(width) - ui::LayoutScale(ui::units::kGapLarge),
                          ui::LayoutScale(ui::units::kMinResultListHeight));
    }
    ui::BeginScrollArea("##datasets", ImVec2(list_w, list_h));
    const float row_w = list_w - ui::LayoutScale(ui::units::kScrollInset);
    if (st.hits.empty()) {
        // Nothing matches: say so with the query, and offer the way back to the whole list.
        ui::Label(app.loc->Format("kiosk.datasets.no_match", {{"query", st.query}}), f.fonts.large,
                  f.theme.text_muted, row_w);
        ui::Spacing(ui::units::kGapMedium);
        if (ui::SecondaryButton("##clear", app.T("kiosk.datasets.clear_search"),
                                ImVec2(std::min(row_w, ui::LayoutScale(ui::units::kActionButtonWidth)),
                                       ui::LayoutScale(ui::units::kCompactButtonHeight)))) {
            st.query.clear();
            caret = 0;
        }
    }
    for (const std::size_t i : st.hits) {
        const od::Dataset& d = live.datasets[i].dataset;
        ImGui::PushID(static_cast<int>(i));
        std::string sub = Teaser(live.datasets[i].description, 140);
        if (!d.license.empty()) sub = sub.empty() ? d.license : sub + " \u00b7 " + d.license;
        if (ui::ListRow("##row", d.title, sub, Join(d.formats), row_w)) {
            st.keyboard_open = false;
            live.dataset_open = i;
        }
        ImGui::PopID();
        ui::Spacing(ui::units::kGapSmall);
    }
    ui::EndScrollArea();
    if (st.keyboard_open) {
        const float kb_w = beside ? width - list_w - gap : width;
        if (beside) {
            ImGui::SetCursorScreenPos(ImVec2(list_top.x + list_w + gap, list_top.y));
        } else {
            ui::Spacing(ui::units::kGapLarge);
        }
        ImGui::BeginGroup();
        if (ui::OnScreenKeyboard(app.session.datasets_keyboard, st.query, caret, app.session.language, kb_w,
                                 KeyboardLabelsFor(app), limit)
                .done) {
            st.keyboard_open = false;
        }
        ImGui::EndGroup();
    }
    EndScreenBody(app);
}

}  // namespace ck::kiosk
