// Admin: behind the PIN, the operator sees the kiosk's health. Reached by five quick taps on the city name.
#include <imgui.h>

#include "app/admin_pin.h"
#include "counting/counting_service.h"
#include "screens/screens.h"
#include "ui/pin_pad.h"
#include "ui/widgets.h"

namespace ck::kiosk {
namespace {

constexpr std::size_t kMaxPinDigits = 12;

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
    if (st.locked) {
        ui::Label(app.T("kiosk.admin.pin_locked"), f.fonts.body, f.theme.error, width);
    } else if (st.failed_attempts > 0) {
        ui::Label(app.T("kiosk.admin.wrong_pin"), f.fonts.body, f.theme.error, width);
    }
    ui::Spacing(ui::units::kGapSmall);
    const ui::PinPadResult r = ui::PinPad("##pin_pad", st.pin, kMaxPinDigits,
                                          {app.T("kiosk.keyboard.backspace"), app.T("kiosk.admin.unlock")});
    if (!r.submitted) return;
    // The demo's throwaway store has no PIN: it opens with its configured one. The real kiosk checks the
    // stored hash, which counts failures and locks the pad for a while after too many (across restarts).
    bool ok = false;
    if (app.options.demo) {
        ok = st.pin == app.options.config.admin_pin;
    } else if (app.db) {
        const Result<PinCheck> check = CheckAdminPin(*app.db, st.pin, AppNow(app));
        ok = check.ok() && *check == PinCheck::kOk;
        st.locked = check.ok() && *check == PinCheck::kLocked;
    }
    if (ok) {
        st.unlocked = true;
    } else {
        ++st.failed_attempts;
    }
    st.pin.clear();
}

void DrawHealth(App& app, float width) {
    const ui::UiFrame& f = app.frame;
    const Config& c = app.options.config;
    auto row = [&](std::string_view key, const std::string& value) {
        ui::Label(std::string(app.T(key)) + ": " + value, f.fonts.large, f.theme.text, width);
        ui::Spacing(ui::units::kGapSmall);
    };
    // With a counter, its live preview sits beside the health rows (landscape) so the line can be set up.
    const float preview_w = app.counter ? width * 0.42f : 0;
    ui::BeginScrollArea(
        "##health", ImVec2(app.counter ? width - preview_w - ui::LayoutScale(ui::units::kGap) : width, 0));
    row("kiosk.admin.kiosk_id", c.kiosk_id);
    row("kiosk.admin.site", c.site_name + " (" + c.city_name + ", " + c.city_ars + ")");
    row("kiosk.admin.version", CK_VERSION);
    row("kiosk.admin.database", c.database_path);
    row("kiosk.admin.central",
        c.central.orion_url.empty() ? app.T("kiosk.admin.not_configured") : c.central.orion_url);
    row("kiosk.admin.counter", c.counter.enabled ? c.counter.detector : app.T("kiosk.admin.disabled"));
    if (app.sync) {
        const cache::SyncSnapshot snap = app.sync->Snapshot();
        row("kiosk.admin.outbox",
            app.loc->Format("kiosk.admin.outbox_value", {{"pending", snap.outbox.pending},
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
                row("kiosk.admin.counter", line.name + ": +" + std::to_string(line.positive) + " / -" +
                                               std::to_string(line.negative));
            }
        }
        app.frame.wants_animation = true;  // keep the preview moving while the operator looks at it
    }
    ui::EndScrollArea();
    if (app.counter) {
        ImGui::SameLine(0, ui::LayoutScale(ui::units::kGap));
        ImGui::BeginGroup();
        const float width_left = preview_w;
        // Live preview with boxes and counting lines, to set the line up. In memory only, only while shown.
        app.counter->SetPreviewEnabled(true);
        hw::PreviewImage img;
        if (app.upload_preview && app.counter->LatestPreview(img) && !img.bgr.empty()) {
            if (void* tex = app.upload_preview(img.bgr.data, img.bgr.cols, img.bgr.rows,
                                               static_cast<int>(img.bgr.step))) {
                const float w = std::min(width_left, ui::LayoutScale(ui::units::kPreviewMaxWidth));
                ImGui::Image(
                    tex, ImVec2(w, w * static_cast<float>(img.bgr.rows) / static_cast<float>(img.bgr.cols)));
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
    } else if (!app.admin_pin_set) {
        // No pad at all: a pad that can never open would only invite guessing.
        ui::Label(app.T("kiosk.admin.pin_not_set"), app.frame.fonts.large, app.frame.theme.text, width);
    } else {
        DrawPinPad(app, width);
    }
    EndScreenBody(app);
}

}  // namespace ck::kiosk
