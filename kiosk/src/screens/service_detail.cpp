// One service: what it needs, what it costs, how long it takes, where to go, the legal basis (collapsed),
// and a large QR code to continue on the phone: one per online service, or the appointment booking.
#include <imgui.h>

#include "screens/screens.h"
#include "ui/widgets.h"

namespace ck::kiosk {
namespace {

void DrawRichText(const svc::RichText& text, const ui::UiFrame& f, float width) {
    for (const svc::TextBlock& b : text) {
        const float indent = ui::LayoutScale(ui::units::kBulletIndent) * static_cast<float>(b.level);
        if (indent > 0) ImGui::Indent(indent);
        ui::Label(b.bullet ? "\xE2\x80\xA2 " + b.text : b.text, f.fonts.body, f.theme.text, width - indent,
                  true);
        if (indent > 0) ImGui::Unindent(indent);
    }
}

// Terms of German administration a visitor meets in the (German) service texts, explained in the visitor's
// language rather than transliterated. A term is recognised by the German stems it appears with.
constexpr std::string_view kGlossaryStems[][3] = {
    {"kiosk.glossary.buergerbuero", "B\xC3\xBCrgerb\xC3\xBCro", "b\xC3\xBCrgerb\xC3\xBCro"},
    {"kiosk.glossary.meldebescheinigung", "Meldebescheinigung", "meldebescheinigung"},
    {"kiosk.glossary.anmeldung", "Anmeld", "anmeld"},
};

// The glossary keys of the terms that occur in this service's title, summary and description.
std::vector<const char*> GlossaryKeys(const svc::Service& service, const svc::ServiceDetail* detail) {
    std::vector<std::string_view> texts{service.Title(), service.name, service.summary};
    if (detail) {
        for (const svc::Module& m : detail->modules)
            for (const svc::TextBlock& b : m.text) texts.push_back(b.text);
    }
    std::vector<const char*> keys;
    for (const auto& term : kGlossaryStems) {
        bool found = false;
        for (std::string_view t : texts)
            found = found || t.find(term[1]) != t.npos || t.find(term[2]) != t.npos;
        if (found) keys.push_back(term[0].data());
    }
    return keys;
}

void DrawGlossary(App& app, const svc::Service& service, const svc::ServiceDetail* detail, float width) {
    const std::vector<const char*> keys = GlossaryKeys(service, detail);
    if (keys.empty()) return;
    const ui::UiFrame& f = app.frame;
    ui::Label(app.T("kiosk.glossary.title"), f.fonts.large, f.theme.primary, width);
    for (const char* key : keys) {
        ui::Label(app.T(key), f.fonts.body, f.theme.text, width);
        ui::Spacing(ui::units::kGapSmall);
    }
    ui::Spacing(ui::units::kSectionGap);
}

void DrawSection(App& app, const svc::ServiceDetail& detail, std::string_view code, const char* heading_key,
                 float width) {
    const svc::Module* m = detail.Find(code);
    if (!m || m->text.empty()) return;
    const ui::UiFrame& f = app.frame;
    ui::Label(app.T(heading_key), f.fonts.large, f.theme.primary, width);
    DrawRichText(m->text, f, width);
    ui::Spacing(ui::units::kSectionGap);
}

// The legal basis is for the few who ask: collapsed behind a button.
void DrawLegalBasis(App& app, ServicesState& st, float width) {
    const svc::Module* m = st.detail ? st.detail->Find(svc::module::kLegalBasis) : nullptr;
    if (!m) return;
    const ui::UiFrame& f = app.frame;
    if (ui::SecondaryButton(
            "##legal", app.T(st.legal_open ? "kiosk.services.legal_hide" : "kiosk.services.legal_show"))) {
        st.legal_open = !st.legal_open;
    }
    if (!st.legal_open) return;
    ui::Spacing(12);
    DrawRichText(m->text, f, width);
    for (const auto& l : m->links)
        ui::Label("\xE2\x80\xA2 " + (l.title.empty() ? l.uri : l.title), f.fonts.body, f.theme.text, width,
                  true);
    ui::Spacing(ui::units::kSectionGap);
}

// Several online services: the visitor picks the one the QR shows.
void DrawLinkChoices(App& app, ServicesState& st, float width) {
    const auto& links = HandOffLinks(st);
    if (links.size() < 2) return;
    const ui::UiFrame& f = app.frame;
    ui::Label(app.T("kiosk.services.online_choice"), f.fonts.large, f.theme.primary, width);
    ui::Spacing(8);
    for (std::size_t i = 0; i < links.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const std::string label = links[i].title.empty()
                                      ? app.loc->Format("kiosk.services.online_service_n",
                                                        {{"n", static_cast<std::int64_t>(i + 1)}})
                                      : links[i].title;
        const std::string note = i == st.link_choice ? app.T("kiosk.services.link_shown") : std::string();
        if (ui::ListRow("##link", label, note, "", width)) st.link_choice = i;
        ImGui::PopID();
        ui::Spacing(8);
    }
    ui::Spacing(ui::units::kSectionGap);
}

// No online service: where to go in person, as the operator configured it (name, address, hours).
void DrawConfiguredOffice(App& app, const ServicesState& st, float width) {
    const auto& office = app.options.config.services.office;
    if (office.empty() || !HandOffLinks(st).empty()) return;
    const ui::UiFrame& f = app.frame;
    ui::Label(app.T("kiosk.services.in_person"), f.fonts.large, f.theme.primary, width);
    for (const auto& line : office) ui::Label(line, f.fonts.body, f.theme.text, width, true);
    ui::Spacing(ui::units::kSectionGap);
}

// What the hand-off shows: the QR's address, the heading above it and the notes under it.
struct HandOff {
    std::string url;  // empty: nothing to hand off
    std::string heading;
    std::vector<std::string> notes;
};

HandOff HandOffFor(App& app, ServicesState& st) {
    const auto& links = HandOffLinks(st);
    if (st.link_choice >= links.size()) st.link_choice = 0;
    HandOff h;
    h.url = links.empty() ? app.options.config.services.appointment_url : links[st.link_choice].uri;
    if (h.url.empty()) return h;
    h.heading = app.T(links.empty() ? "kiosk.services.appointment" : "kiosk.services.continue_on_phone");
    // "The QR opens the online service; personal data only on your own phone" is true only for a link.
    h.notes.push_back(app.T(links.empty() ? "kiosk.services.no_online" : "kiosk.services.no_personal_data"));
    return h;
}

constexpr float kHandOffGap = 8;  // reference units between the heading, the address and the notes

// The address the QR holds and the notes, `width` wide: beside the QR under the heading (portrait), or under
// the QR (landscape).
void DrawHandOffTexts(const HandOff& h, const ui::UiFrame& f, float width) {
    // Exactly what the QR holds, for those who type it in.
    ui::Label(h.url, f.fonts.small, f.theme.text, width, /*break_long_words=*/true);
    ui::Spacing(kHandOffGap);
    for (const auto& note : h.notes) ui::Label(note, f.fonts.small, f.theme.text_muted, width);
}

// The height of the heading and DrawHandOffTexts: the portrait layout gives the scrolling text exactly what
// is left.
float HandOffTextsHeight(const HandOff& h, const ui::UiFrame& f, float width) {
    float y = ui::MeasureText(h.heading, f.fonts.large, width).y + ui::LayoutScale(kHandOffGap) +
              ui::MeasureText(h.url, f.fonts.small, width, true).y + ui::LayoutScale(kHandOffGap);
    for (const auto& note : h.notes) y += ui::MeasureText(note, f.fonts.small, width).y;
    const auto items = static_cast<float>(4 + h.notes.size());
    return y + (items - 1) * ImGui::GetStyle().ItemSpacing.y;
}

// Landscape: the QR column beside the text, its texts under the QR. The QR gives up size (down to
// kQrSizeMin) so that the notes under it stay on screen, e.g. with large text.
float LandscapeQrSize(const HandOff& h, const ui::UiFrame& f, float column_w, float column_h) {
    if (h.url.empty()) return column_w;
    const float need = HandOffTextsHeight(h, f, column_w) + ui::LayoutScale(kHandOffGap) + column_w +
                       2 * ImGui::GetStyle().ItemSpacing.y;
    return std::clamp(column_w - (need - column_h), ui::LayoutScale(ui::units::kQrSizeMin), column_w);
}

}  // namespace

void DrawServiceDetail(App& app) {
    const ui::UiFrame& f = app.frame;
    ServicesState& st = app.session.services;
    cache::Database* db = app.db ? &*app.db : nullptr;
    // Started directly on this screen (a screenshot): the first service.
    if (app.services && !st.service && st.selected_id.empty() && !app.services->index.services.empty()) {
        OpenService(db, *app.services, st, app.services->index.services.front().id, app.session.language);
    }
    // The description was not cached when the service opened: look again only when the worker stored
    // something.
    if (app.services && st.service && !st.detail && app.sync &&
        app.sync->pulled_rounds() != st.detail_seen_pulls) {
        st.detail_seen_pulls = app.sync->pulled_rounds();
        RefreshDetail(db, *app.services, st, app.session.language);
    }
    const float width = BeginScreenBody(app, st.service ? "" : "kiosk.services.title");
    if (!st.service) {
        NotAvailableYet(app, width);
        EndScreenBody(app);
        return;
    }
    const svc::Service& service = *st.service;
    const bool side_by_side = !f.layout.portrait;
    const HandOff hand_off = HandOffFor(app, st);
    const float column_gap = ui::LayoutScale(ui::units::kDetailColumnGap);
    // Landscape: the hand-off column is as wide as the largest QR; the QR may be smaller.
    const float qr_size =
        ui::LayoutScale(side_by_side ? ui::units::kQrSizeLandscape : ui::units::kQrSizePortrait);
    const float qr_shown =
        side_by_side ? LandscapeQrSize(hand_off, f, qr_size, ImGui::GetContentRegionAvail().y) : qr_size;
    const float text_w =
        side_by_side ? width - qr_size - column_gap - ui::LayoutScale(24) : width - ui::LayoutScale(24);
    ImGui::BeginGroup();
    ui::Label(service.Title(), f.fonts.title, f.theme.text, text_w, true);
    ui::Spacing(12);
    // Portrait: the QR and its texts side by side under the text, which scrolls in what is left above.
    const float hand_off_text_w = width - qr_size - column_gap;
    const float hand_off_h = hand_off.url.empty()
                                 ? 0
                                 : std::max(qr_size, HandOffTextsHeight(hand_off, f, hand_off_text_w)) +
                                       ui::LayoutScale(16) + 2 * ImGui::GetStyle().ItemSpacing.y;
    const float scroll_h = side_by_side ? 0
                                        : std::max(ImGui::GetContentRegionAvail().y - hand_off_h,
                                                   ui::LayoutScale(ui::units::kMinResultListHeight));
    ui::BeginScrollArea("##detail", ImVec2(text_w + ui::LayoutScale(24), scroll_h));
    if (st.detail_language_differs && app.session.language != st.detail->language) {
        ui::Label(app.T("kiosk.services.german_only"), f.fonts.body, f.theme.text_muted, text_w);
        ui::Spacing(12);
    }
    const svc::Module* summary = st.detail ? st.detail->Find(svc::module::kSummary) : nullptr;
    if (summary) {
        for (const auto& b : summary->text) ui::Label(b.text, f.fonts.large, f.theme.text, text_w);
    } else if (!service.summary.empty()) {
        ui::Label(service.summary, f.fonts.large, f.theme.text, text_w);
    } else if (service.name != service.Title()) {
        ui::Label(service.name, f.fonts.large, f.theme.text_muted, text_w);  // the official name
    }
    ui::Spacing(24);
    DrawLinkChoices(app, st, text_w);
    DrawConfiguredOffice(app, st, text_w);
    if (st.detail) {
        DrawSection(app, *st.detail, svc::module::kRequirements, "kiosk.services.requirements", text_w);
        DrawSection(app, *st.detail, svc::module::kDocuments, "kiosk.services.documents", text_w);
        DrawSection(app, *st.detail, svc::module::kFees, "kiosk.services.fees", text_w);
        DrawSection(app, *st.detail, svc::module::kDeadlines, "kiosk.services.deadlines", text_w);
        DrawSection(app, *st.detail, svc::module::kDuration, "kiosk.services.duration", text_w);
        DrawSection(app, *st.detail, svc::module::kOffice, "kiosk.services.office", text_w);
        DrawLegalBasis(app, st, text_w);
    } else if (app.sync) {
        // The worker fetches descriptions in the background; this one has not arrived yet.
        ui::Label(app.T("kiosk.services.loading"), f.fonts.body, f.theme.text_muted, text_w);
    }
    DrawGlossary(app, service, st.detail ? &*st.detail : nullptr, text_w);
    ui::EndScrollArea();
    ImGui::EndGroup();
    if (!hand_off.url.empty()) {
        if (side_by_side) {
            ImGui::SameLine(0, column_gap);
            ImGui::BeginGroup();
            ui::Label(hand_off.heading, f.fonts.large, f.theme.text, qr_size);
            ui::Spacing(kHandOffGap);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (qr_size - qr_shown) * 0.5f);
            ui::QrCode(hand_off.url, qr_shown);
            ui::Spacing(kHandOffGap);
            DrawHandOffTexts(hand_off, f, qr_size);
            ImGui::EndGroup();
        } else {
            ui::Spacing(16);
            ui::QrCode(hand_off.url, qr_size);
            ImGui::SameLine(0, column_gap);
            ImGui::BeginGroup();
            ui::Label(hand_off.heading, f.fonts.large, f.theme.text, hand_off_text_w);
            ui::Spacing(kHandOffGap);
            DrawHandOffTexts(hand_off, f, hand_off_text_w);
            ImGui::EndGroup();
        }
    }
    EndScreenBody(app);
}

}  // namespace ck::kiosk
