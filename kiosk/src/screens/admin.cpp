// Admin: behind the PIN, the operator sees the kiosk's health. Reached by five quick taps on the city name.
#include <imgui.h>

#include "app/counter_service.h"
#include "screens/screens.h"
#include "ui/widgets.h"

namespace ck::kiosk {
namespace {

const char* SyncStateKey(cache::ConnectorState state) {
    switch (state) {
        case cache::ConnectorState::kOnline:
            return "kiosk.admin.sync_online";
        case cache::ConnectorState::kUnreachable:
            return "kiosk.admin.sync_unreachable";
        case cache::ConnectorState::kBadResponse:
            return "kiosk.admin.sync_bad_response";
        case cache::ConnectorState::kUnknown:
            break;
    }
    return "kiosk.admin.sync_unknown";
}

void DrawPinPad(App& app, float width) {
    const ui::UiFrame& f = app.frame;
    AdminState& st = app.session.admin;
    ui::Label(app.T("kiosk.admin.enter_pin"), f.fonts.large, f.theme.text, width);
    ui::Spacing(12);
    std::string shown;
    for (std::size_t i = 0; i < st.pin.size(); ++i) shown += "\xE2\x80\xA2 ";  // never echo the digits
    ui::TextField("##pin", shown, "", true, ImVec2(ui::LayoutScale(520), ui::LayoutScale(ui::units::kButtonHeight)), false);
    if (st.failed_attempts > 0) ui::Label(app.T("kiosk.admin.wrong_pin"), f.fonts.body, f.theme.error, width);
    ui::Spacing(16);
    const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "del", "0", "ok"};
    const ImVec2 key(ui::LayoutScale(160), ui::LayoutScale(ui::units::kButtonHeight));
    for (int i = 0; i < 12; ++i) {
        if (i % 3 != 0) ImGui::SameLine(0, ui::LayoutScale(16));
        ImGui::PushID(i);
        const std::string k = keys[i];
        const std::string label = k == "del" ? app.T("kiosk.keyboard.backspace") : k == "ok" ? app.T("kiosk.admin.unlock") : k;
        const bool pressed = k == "ok" ? ui::PrimaryButton("##key", label, key) : ui::SecondaryButton("##key", label, key);
        ImGui::PopID();
        if (!pressed) continue;
        if (k == "del") {
            if (!st.pin.empty()) st.pin.pop_back();
        } else if (k == "ok") {
            // Attempts slow down: after 3 failures, the pad locks until the visitor session resets.
            // DrawAdmin shows no pad at all while the PIN is unusable (the factory PIN outside demo mode).
            if (st.failed_attempts < 3 && st.pin == app.options.config.admin_pin) {
                st.unlocked = true;
            } else {
                ++st.failed_attempts;
            }
            st.pin.clear();
        } else if (st.pin.size() < 12) {
            st.pin += k;
        }
    }
}

void DrawHealth(App& app, float width) {
    const ui::UiFrame& f = app.frame;
    const Config& c = app.options.config;
    auto row = [&](std::string_view key, const std::string& value) {
        ui::Label(std::string(app.T(key)) + ": " + value, f.fonts.large, f.theme.text, width);
        ui::Spacing(8);
    };
    // With a counter, its live preview sits beside the health rows (landscape) so the line can be set up.
    const float preview_w = app.counter ? width * 0.42f : 0;
    ui::BeginScrollArea("##health", ImVec2(app.counter ? width - preview_w - ui::LayoutScale(32) : width, 0));
    row("kiosk.admin.kiosk_id", c.kiosk_id);
    row("kiosk.admin.site", c.site_name + " (" + c.city_name + ", " + c.city_ars + ")");
    row("kiosk.admin.version", CK_VERSION);
    row("kiosk.admin.database", c.database_path);
    row("kiosk.admin.central", c.central.orion_url.empty() ? app.T("kiosk.admin.not_configured") : c.central.orion_url);
    row("kiosk.admin.counter", c.counter.enabled ? c.counter.detector : app.T("kiosk.admin.disabled"));
    if (app.sync) {
        const cache::SyncSnapshot snap = app.sync->Snapshot();
        row("kiosk.admin.outbox", app.loc->Format("kiosk.admin.outbox_value", {{"pending", snap.outbox.pending},
                                                                              {"dead", snap.outbox.dead},
                                                                              {"delivered", snap.outbox.delivered}}));
        for (const auto& c : snap.connectors) {
            const std::string error =
                c.last_error_code.empty() ? c.last_error : c.last_error_code + ": " + c.last_error;
            row("kiosk.admin.sync", c.name + ": " + app.T(SyncStateKey(c.state)) +
                                        (error.empty() ? std::string() : " (" + error.substr(0, 120) + ")"));
        }
    }
    if (app.counter) {
        const auto status = app.counter->Snapshot();
        if (status) {
            std::string text = std::string(hw::ToString(status->state)) + ", " + status->detector + ", " +
                               app.loc->FormatDecimal(status->fps, 1) + " fps";
            if (!status->message.empty()) text += " (" + status->message.substr(0, 120) + ")";
            row("kiosk.admin.counter", text);
            for (const auto& line : status->lines) {
                row("kiosk.admin.counter", line.name + ": +" + std::to_string(line.positive) + " / -" + std::to_string(line.negative));
            }
        }
        app.frame.wants_animation = true;  // keep the preview moving while the operator looks at it
    }
    ui::EndScrollArea();
    if (app.counter) {
        ImGui::SameLine(0, ui::LayoutScale(32));
        ImGui::BeginGroup();
        const float width_left = preview_w;
        // Live preview with boxes and counting lines, to set the line up. In memory only, only while shown.
        app.counter->SetPreviewEnabled(true);
        hw::PreviewImage img;
        if (app.upload_preview && app.counter->LatestPreview(img) && !img.bgr.empty()) {
            if (void* tex = app.upload_preview(img.bgr.data, img.bgr.cols, img.bgr.rows, static_cast<int>(img.bgr.step))) {
                const float w = std::min(width_left, ui::LayoutScale(960));
                ImGui::Image(tex, ImVec2(w, w * static_cast<float>(img.bgr.rows) / static_cast<float>(img.bgr.cols)));
            }
        }
        ImGui::EndGroup();
    }
}

}  // namespace

void DrawAdmin(App& app) {
    const float width = BeginScreenBody(app, "kiosk.admin.title");
    if (app.session.admin.unlocked) {
        DrawHealth(app, width);
    } else if (!AdminPinUsable(app.options.config, app.options.demo)) {
        // No pad at all: a pad that can never open would only invite guessing.
        ui::Label(app.T("kiosk.admin.pin_not_set"), app.frame.fonts.large, app.frame.theme.text, width);
    } else {
        DrawPinPad(app, width);
    }
    EndScreenBody(app);
}

}  // namespace ck::kiosk
