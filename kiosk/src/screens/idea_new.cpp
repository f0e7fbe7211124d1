// The idea wizard: one question per step, typed on the touch keyboard. The draft lives only in the visitor
// session; leaving or an idle reset discards it. The receipt appears only after the store committed the idea.
#include <imgui.h>

#include "locales/utf8.h"
#include "participation/text.h"
#include "screens/labels.h"
#include "screens/screens.h"
#include "ui/district_map.h"
#include "ui/widgets.h"

namespace ck::kiosk {

namespace {

using part::WizardStep;

constexpr int kVisibleSteps = 7;  // title .. review

const char* PromptKey(WizardStep s) {
    switch (s) {
        case WizardStep::kTitle:
            return "kiosk.ideas.step_title";
        case WizardStep::kDescription:
            return "kiosk.ideas.step_description";
        case WizardStep::kCategory:
            return "kiosk.ideas.step_category";
        case WizardStep::kDistrict:
            return "kiosk.ideas.step_district";
        case WizardStep::kPlace:
            return "kiosk.ideas.step_place";
        case WizardStep::kContact:
            return "kiosk.ideas.step_contact";
        default:
            return "kiosk.ideas.step_review";
    }
}

// A text step: the field, the characters left, and the keyboard typing into it.
// `field_w` > 0 narrows only the field (the contact step puts it beside the consent box); the keyboard keeps
// the full width. `personal`: the text is personal data (the e-mail address), never read aloud as a whole.
bool TextStep(App& app, std::string& text, std::size_t max_graphemes, bool multiline,
              std::string_view placeholder, float width, float field_h, float field_w = 0,
              bool personal = false) {
    const ui::UiFrame& f = app.frame;
    IdeasController& st = app.session.ideas;
    ui::KeyboardState& keyboard = app.session.idea_keyboard;
    std::size_t& caret = ui::CaretFor(keyboard, static_cast<int>(st.wizard.step), text);  // one per step
    // 16 bytes per grapheme is generous for any script; the domain still enforces the grapheme limit.
    const ui::TextLimit limit{max_graphemes, max_graphemes * 16};
    // A physical keyboard or a replay's "type" step edits at the caret too.
    (void)ui::InsertAtCaret(text, caret, app.typed_text, limit);
    for (int i = 0; i < app.typed_backspaces; ++i) (void)ui::EraseBeforeCaret(text, caret);
    ui::TextField("##field", text, placeholder, true, ImVec2(field_w > 0 ? field_w : width, field_h),
                  multiline, &caret, personal);
    const auto used = static_cast<std::int64_t>(loc::CountGraphemeClusters(text));
    const std::int64_t left = static_cast<std::int64_t>(max_graphemes) - used;
    ui::Label(app.loc->Format("kiosk.ideas.chars_left", {{"n", std::max<std::int64_t>(left, 0)}}),
              f.fonts.body, left < 0 ? f.theme.error : f.theme.text_muted, width);
    ui::Spacing(ui::units::kGapSmall);
    const ui::KeyboardResult k = ui::OnScreenKeyboard(keyboard, text, caret, app.session.language, width,
                                                      KeyboardLabelsFor(app), limit);
    if (k.changed) st.wizard_error_key.clear();
    return k.done;
}

// `columns` 0: three per row (two in portrait); `tile_h` 0: the tall choice tile.
void ChoiceTiles(App& app, const std::vector<std::pair<std::string, std::string>>& choices,
                 std::string& value, float width, int columns = 0, float tile_h = 0) {
    const ui::UiFrame& f = app.frame;
    const float h = tile_h > 0 ? tile_h : ui::LayoutScale(ui::units::kChoiceTileHeight);
    const int cols = columns > 0 ? columns : f.layout.portrait ? 2 : 3;
    const float gap = ui::LayoutScale(ui::units::kGap);
    const float w = (width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i % static_cast<std::size_t>(cols) != 0) ImGui::SameLine(0, gap);
        ImGui::PushID(static_cast<int>(i));
        const bool selected = value == choices[i].first;
        const bool pressed = selected
                                 ? ui::PrimaryButton("##c", choices[i].second, ImVec2(w, h), ui::Icon::kCheck)
                                 : ui::SecondaryButton("##c", choices[i].second, ImVec2(w, h));
        if (pressed) {
            value = choices[i].first;
            app.session.ideas.wizard_error_key.clear();
        }
        ImGui::PopID();
        if (i % static_cast<std::size_t>(cols) == static_cast<std::size_t>(cols) - 1)
            ui::Spacing(ui::units::kGapTight);
    }
}

void ReviewRow(App& app, std::string_view label_key, const std::string& value, WizardStep step, float width) {
    const ui::UiFrame& f = app.frame;
    ImGui::PushID(static_cast<int>(step));
    const float bw = ui::LayoutScale(ui::units::kReviewEditWidth);
    const float text_w = width - bw - ui::LayoutScale(ui::units::kButtonGap);
    ImGui::BeginGroup();
    if (f.layout.portrait) {
        ui::Label(app.T(label_key), f.fonts.body, f.theme.text_muted, text_w);
        ui::Label(value, f.fonts.large, f.theme.text, text_w);
    } else {
        // Landscape: the label beside the value, so all six rows (place and contact too) fit without
        // scrolling; stacked, the last two were below the fold.
        const float label_w = ui::LayoutScale(ui::units::kReviewLabelWidth),
                    gap = ui::LayoutScale(ui::units::kButtonGap);
        ui::Label(app.T(label_key), f.fonts.body, f.theme.text_muted, label_w);
        ImGui::SameLine(0, gap);
        ui::Label(value, f.fonts.large, f.theme.text, text_w - label_w - gap);
    }
    ImGui::EndGroup();
    ImGui::SameLine(width - bw);
    // Landscape rows are a little lower (still far above the 48 px minimum) so six fit the body's height.
    const float bh =
        ui::LayoutScale(f.layout.portrait ? ui::units::kSmallButtonHeight : ui::units::kCompactButtonHeight);
    if (ui::SecondaryButton("##edit", app.T("kiosk.ideas.edit"), ImVec2(bw, bh))) {
        (void)part::WizardGoTo(app.session.ideas.wizard, step);
    }
    ImGui::PopID();
    if (f.layout.portrait) ui::Spacing(ui::units::kGapLarge);
}

const char* PlaceKey(part::PlaceKind kind) {
    switch (kind) {
        case part::PlaceKind::kKiosk:
            return "kiosk.ideas.place_here";
        case part::PlaceKind::kMap:
            return "kiosk.ideas.place_map";
        case part::PlaceKind::kNone:
            break;
    }
    return "kiosk.ideas.place_none";
}

// The review names the district the pin lies in; the coordinates themselves mean little to a visitor.
std::string PlaceText(App& app, const part::IdeaDraft& d) {
    if (d.place_kind != part::PlaceKind::kMap || !d.map_point) return app.T(PlaceKey(d.place_kind));
    const part::DistrictOutline* in = part::DistrictAt(app.idea_settings.map, *d.map_point);
    if (!in) return app.T(PlaceKey(d.place_kind));
    return app.T(PlaceKey(d.place_kind)) + " \xC2\xB7 " + in->district;
}

// "Here at this kiosk", "a point on the map" (only with a configured map) or "no location". The map takes the
// room that is left: beside the choices in landscape, below them in portrait. Tapping it sets the pin and the
// district the pin lies in; a tap outside every district is refused with a hint and changes nothing.
void PlaceStep(App& app, float width) {
    const ui::UiFrame& f = app.frame;
    IdeasController& st = app.session.ideas;
    part::WizardState& wz = st.wizard;
    const part::DistrictMap& map = app.idea_settings.map;
    const bool has_map = part::HasMap(map);
    std::vector<std::pair<std::string, std::string>> choices{{"kiosk", app.T("kiosk.ideas.place_here")}};
    if (has_map) choices.emplace_back("map", app.T("kiosk.ideas.place_map"));
    choices.emplace_back("none", app.T("kiosk.ideas.place_none"));
    const part::PlaceKind before = has_map || wz.draft.place_kind != part::PlaceKind::kMap
                                       ? wz.draft.place_kind
                                       : part::PlaceKind::kNone;
    std::string place = part::ToString(before);
    if (!has_map) {
        ChoiceTiles(app, choices, place, width);
    } else {
        const bool side = !f.layout.portrait;
        const float gap = ui::LayoutScale(ui::units::kGap);
        const float left_w =
            side ? std::max(ui::LayoutScale(ui::units::kPlaceChoicesMinWidth), width * 0.32f) : width;
        const float map_top = ImGui::GetCursorScreenPos().y;
        ImGui::BeginGroup();
        // Stacked beside the map, button-high tiles leave room for the hint under them.
        ChoiceTiles(app, choices, place, left_w, side ? 1 : 0,
                    side ? ui::LayoutScale(ui::units::kButtonHeight) : 0);
        ui::Spacing(ui::units::kGapSmall);
        const bool pinned = place == "map" && wz.draft.map_point;
        const part::DistrictOutline* in = pinned ? part::DistrictAt(map, *wz.draft.map_point) : nullptr;
        const std::string note = in ? app.loc->Format("kiosk.ideas.map_pin_in", {{"district", in->district}})
                                    : app.T("kiosk.ideas.map_hint");
        ui::Label(note, f.fonts.body, pinned ? f.theme.text : f.theme.text_muted, left_w);
        ImGui::EndGroup();
        ImVec2 size;
        if (side) {
            ImGui::SameLine(0, gap);
            ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, map_top));
            size = ImVec2(width - left_w - gap, ImGui::GetContentRegionAvail().y);
        } else {
            ui::Spacing(ui::units::kGapMedium);
            size = ImVec2(width, ImGui::GetContentRegionAvail().y);
        }
        const std::optional<part::GeoPoint> pin = place == "map" ? wz.draft.map_point : std::nullopt;
        const ui::MapTap tap =
            ui::DistrictMapPicker("##map", map, wz.draft.district, pin, size, app.T("kiosk.ideas.place_map"));
        if (tap.tapped) {
            Status s = part::WizardPlaceOnMap(wz, tap.point, app.idea_settings);
            st.wizard_error_key = s.ok() ? std::string() : std::string(IdeaMessageKey(s.error()));
            if (s.ok()) return;
        }
    }
    const part::PlaceKind chosen = place == "kiosk" ? part::PlaceKind::kKiosk
                                   : place == "map" ? part::PlaceKind::kMap
                                                    : part::PlaceKind::kNone;
    if (chosen != before) {
        // Choosing "map" again keeps the pin set earlier; it is forgotten only for another kind of place.
        part::WizardSetPlace(wz, chosen);
        st.wizard_error_key.clear();
    }
}

part::SubmitContext MakeSubmitContext(App& app) {
    part::SubmitContext c;
    c.kiosk_id = app.options.config.kiosk_id;
    c.site = app.options.config.site_name;
    c.language = app.session.language;
    c.channel = "kiosk";
    c.now = AppNow(app);
    c.settings = app.idea_settings;
    if (app.options.config.latitude) {
        c.kiosk_location = part::GeoPoint{*app.options.config.longitude, *app.options.config.latitude};
    }
    return c;
}

}  // namespace

void DrawIdeaNew(App& app) {
    const ui::UiFrame& f = app.frame;
    IdeasController& st = app.session.ideas;
    part::WizardState& wz = st.wizard;
    part::IdeaDraft& d = wz.draft;
    const float width = BeginScreenBody(app, "");
    if (!app.db) {
        NotAvailableYet(app, width);
        EndScreenBody(app);
        return;
    }
    if (!st.blocked_key.empty()) {
        // The limits were checked when the wizard opened (and after a submit), not in every frame.
        ui::Label(app.T("kiosk.ideas.new_title"), f.fonts.title, f.theme.text, width);
        ui::Spacing(ui::units::kGapSection);
        ui::Label(app.T(st.blocked_key), f.fonts.large, f.theme.text, width);
        EndScreenBody(app);
        return;
    }
    // Header: step counter and question on the left, previous/next on the right. Portrait is too narrow for
    // both beside the question (it wrapped into three lines and "submit" was cut off), so there the buttons
    // take a row of their own under it.
    const int step_no = std::min(static_cast<int>(wz.step) + 1, kVisibleSteps);
    const bool tall_header = f.layout.portrait;
    const float gap = ui::LayoutScale(ui::units::kButtonGap);
    const float bw = tall_header ? (width - gap) / 2 : ui::LayoutScale(ui::units::kActionButtonWidth);
    const float head_w = tall_header ? width : width - 2 * bw - 2 * gap;
    ImGui::BeginGroup();
    ui::Label(app.loc->Format("kiosk.ideas.step", {{"step", step_no}, {"total", kVisibleSteps}}),
              f.fonts.body, f.theme.text_muted, head_w);
    ui::Label(app.T(PromptKey(wz.step)), f.fonts.title, f.theme.text, head_w);
    ImGui::EndGroup();
    if (tall_header) {
        ui::Spacing(ui::units::kGapTight);
    } else {
        ImGui::SameLine(width - 2 * bw - gap);
    }
    if (ui::SecondaryButton(
            "##prev", app.T(wz.step == WizardStep::kTitle ? "kiosk.ideas.cancel" : "kiosk.ideas.previous"),
            ImVec2(bw, 0))) {
        st.wizard_error_key.clear();
        if (wz.step == WizardStep::kTitle) {
            part::WizardReset(wz);  // leaving discards the draft completely
            app.nav.Back();
        } else {
            part::WizardBack(wz);
        }
    }
    ImGui::SameLine(0, gap);
    if (wz.step == WizardStep::kReview) {
        if (ui::PrimaryButton("##submit", app.T("kiosk.ideas.submit"), ImVec2(bw, 0), ui::Icon::kCheck) &&
            SubmitIdeaWizard(st, StoreOf(app), MakeSubmitContext(app))) {
            if (app.sync) app.sync->RequestRound();  // deliver soon; the receipt never waits for it
            app.nav.Replace(ScreenId::kIdeaReceipt);
        }
    } else if (ui::PrimaryButton("##next", app.T("kiosk.ideas.next"), ImVec2(bw, 0))) {
        IdeaWizardNext(st, app.idea_settings);
    }
    if (!st.wizard_error_key.empty())
        ui::Label(app.T(st.wizard_error_key), f.fonts.large, f.theme.error, width);
    ui::Spacing(ui::units::kGapMedium);

    const bool tall = f.layout.portrait;
    bool keyboard_done = false;  // the keyboard's "done" key moves on like "next"
    switch (wz.step) {
        case WizardStep::kTitle:
            keyboard_done = TextStep(app, d.title, part::TitleLimits().max_graphemes, false,
                                     app.T("kiosk.ideas.title_placeholder"), width,
                                     ui::LayoutScale(ui::units::kButtonHeight));
            break;
        case WizardStep::kDescription:
            keyboard_done = TextStep(app, d.description, part::DescriptionLimits().max_graphemes, true,
                                     app.T("kiosk.ideas.description_placeholder"), width,
                                     ui::LayoutScale(tall ? ui::units::kDescriptionFieldHeightPortrait
                                                          : ui::units::kDescriptionFieldHeight));
            break;
        case WizardStep::kCategory: {
            std::vector<std::pair<std::string, std::string>> choices;
            for (const auto& c : app.idea_settings.categories) choices.emplace_back(c, CategoryName(app, c));
            ChoiceTiles(app, choices, d.category, width);
            break;
        }
        case WizardStep::kDistrict: {
            std::vector<std::pair<std::string, std::string>> choices{{"", app.T("kiosk.ideas.district_any")}};
            for (const auto& c : app.idea_settings.districts) choices.emplace_back(c, c);
            ChoiceTiles(app, choices, d.district, width);
            break;
        }
        case WizardStep::kPlace:
            PlaceStep(app, width);
            break;
        case WizardStep::kContact: {
            // Landscape has no room for hint, consent box, field and keyboard stacked (the keyboard's last
            // rows were cut off): once the box is ticked the field moves beside it and the hint, which only
            // explains the code-only alternative, gives way.
            const bool beside = !tall && d.contact_consent;
            if (!beside) {
                ui::Label(app.T("kiosk.ideas.contact_optional"), f.fonts.body, f.theme.text_muted, width);
                ui::Spacing(ui::units::kGapSmall);
            }
            const float box_w = beside ? width * 0.58f : width;
            const float gap_w = ui::LayoutScale(ui::units::kGap);
            ImGui::BeginGroup();
            if (ui::CheckBox("##consent", app.T("kiosk.ideas.contact_consent"), &d.contact_consent, box_w)) {
                st.wizard_error_key.clear();
                if (!d.contact_consent) d.contact_email.clear();  // no consent, no address kept
            }
            ImGui::EndGroup();
            if (beside) {
                ImGui::SameLine(0, gap_w);
            } else {
                ui::Spacing(ui::units::kGapSmall);
            }
            if (d.contact_consent) {
                keyboard_done = TextStep(
                    app, d.contact_email, part::kMaxEmailBytes, false, app.T("kiosk.ideas.email_placeholder"),
                    width, ui::LayoutScale(ui::units::kButtonHeight), beside ? width - box_w - gap_w : 0,
                    /*personal=*/true);
            }
            break;
        }
        case WizardStep::kReview:
        case WizardStep::kSubmitted: {
            ui::BeginScrollArea("##review", ImVec2(width, 0));
            const float w = width - ui::LayoutScale(ui::units::kScrollInset);
            ReviewRow(app, "kiosk.ideas.field_title", d.title, WizardStep::kTitle, w);
            ReviewRow(app, "kiosk.ideas.field_description", d.description, WizardStep::kDescription, w);
            ReviewRow(app, "kiosk.ideas.field_category", CategoryName(app, d.category), WizardStep::kCategory,
                      w);
            ReviewRow(app, "kiosk.ideas.field_district",
                      d.district.empty() ? app.T("kiosk.ideas.district_any") : d.district,
                      WizardStep::kDistrict, w);
            ReviewRow(app, "kiosk.ideas.field_place", PlaceText(app, d), WizardStep::kPlace, w);
            ReviewRow(app, "kiosk.ideas.field_contact",
                      d.contact_consent ? d.contact_email : app.T("kiosk.ideas.no_contact"),
                      WizardStep::kContact, w);
            ui::EndScrollArea();
            break;
        }
    }
    if (keyboard_done) IdeaWizardNext(st, app.idea_settings);
    EndScreenBody(app);
}

void DrawIdeaReceipt(App& app) {
    const ui::UiFrame& f = app.frame;
    IdeasController& st = app.session.ideas;
    const float width = BeginScreenBody(app, "kiosk.ideas.receipt_title");
    // Only a committed idea has a receipt; without one there is nothing honest to show, except the demo's
    // sample receipt.
    const std::optional<part::Receipt> sample = !st.wizard.receipt && app.options.demo
                                                    ? std::optional(DemoReceipt(app.options.config))
                                                    : std::nullopt;
    if (!st.wizard.receipt && !sample) {
        NotAvailableYet(app, width);
        EndScreenBody(app);
        return;
    }
    const part::Receipt& r = st.wizard.receipt ? *st.wizard.receipt : *sample;
    const float qr =
        ui::LayoutScale(f.layout.portrait ? ui::units::kReceiptQrSizePortrait : ui::units::kReceiptQrSize);
    const float text_w = f.layout.portrait ? width : width - qr - ui::LayoutScale(ui::units::kQrGap);
    ImGui::BeginGroup();
    ui::Label(app.T("kiosk.ideas.receipt_text"), f.fonts.large, f.theme.text, text_w);
    ui::Spacing(ui::units::kGapBlock);
    ui::Label(app.T("kiosk.ideas.receipt_code"), f.fonts.body, f.theme.text_muted, text_w);
    ui::Label(r.reference_code, f.fonts.huge, f.theme.primary, text_w);
    ui::Spacing(ui::units::kGapSection);
    ui::Label(app.T("kiosk.ideas.receipt_scan"), f.fonts.body, f.theme.text, text_w);
    ui::Spacing(ui::units::kGapBlock);
    if (ui::PrimaryButton("##done", app.T("kiosk.ideas.receipt_done"),
                          ImVec2(ui::LayoutScale(ui::units::kActionButtonWidth), 0), ui::Icon::kCheck)) {
        part::WizardReset(st.wizard);
        app.nav.Home();
    }
    ImGui::EndGroup();
    if (f.layout.portrait) {
        ui::Spacing(ui::units::kGapBlock);  // below the button, not touching it
    } else {
        ImGui::SameLine(0, ui::LayoutScale(ui::units::kQrGap));
    }
    ui::QrCode(r.status_url, qr);
    EndScreenBody(app);
}

}  // namespace ck::kiosk
