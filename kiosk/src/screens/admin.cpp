// Admin: behind the PIN, the operator sees the kiosk's health. Reached by five quick taps on the city name.
#include <imgui.h>
#include <spdlog/spdlog.h>

#include <algorithm>

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
        RefreshAdminOverview(st.controller, StoreOf(app), app.sync.get(), app.options.config, AppNow(app));
    } else {
        ++st.failed_attempts;
    }
    st.pin.clear();
}

std::string Megabytes(const App& app, std::uint64_t bytes) {
    return app.loc->FormatInteger(static_cast<std::int64_t>(bytes / (1024 * 1024)));
}

// Sync now, refresh, export to each USB stick found, leave the kiosk; the last action's outcome above them.
void DrawActions(App& app, float width) {
    const ui::UiFrame& f = app.frame;
    AdminController& c = app.session.admin.controller;
    const float gap = ui::LayoutScale(ui::units::kGap);
    const float h = ui::LayoutScale(ui::units::kButtonHeight);
    // One row: refresh, sync now (with a worker), leave; the exports below, one per stick found.
    const float n = app.sync ? 3.0f : 2.0f;
    const ImVec2 third((width - gap * (n - 1)) / n, h);
    if (!c.message_key.empty()) {
        ui::Label(app.loc->Format(c.message_key, {{"detail", c.message_arg}}), f.fonts.body,
                  c.message_is_error ? f.theme.error : f.theme.text, width, true);
        ui::Spacing(ui::units::kGapSmall);
    }
    if (ui::SecondaryButton("##refresh", app.T("kiosk.admin.refresh"), third))
        RefreshAdminOverview(c, StoreOf(app), app.sync.get(), app.options.config, AppNow(app));
    ImGui::SameLine(0, gap);
    if (app.sync) {
        if (ui::SecondaryButton("##sync_now", app.T("kiosk.admin.sync_now"), third)) {
            app.sync->RequestRound();
            c.message_key = "kiosk.admin.sync_requested";
            c.message_is_error = false;
        }
        ImGui::SameLine(0, gap);
    }
    if (ui::SecondaryButton("##leave", app.T("kiosk.admin.leave"), third)) {
        spdlog::info("the operator left the kiosk from the admin screen");
        app.quit = true;
    }
    ui::Spacing(ui::units::kGapSmall);
    const auto& targets = c.overview.export_targets;
    if (targets.empty()) ui::Label(app.T("kiosk.admin.export_none"), f.fonts.body, f.theme.text, width);
    for (std::size_t i = 0; i < targets.size() && i < 3; ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ui::SecondaryButton("##export",
                                app.loc->Format("kiosk.admin.export_to", {{"dir", targets[i].string()}}),
                                ImVec2(width, h))) {
            ExportCountsTo(c, StoreOf(app), app.options.config, targets[i], AppNow(app));
        }
        ImGui::PopID();
    }
    ui::Spacing(ui::units::kGap);
}

void DrawHealth(App& app, float width) {
    const ui::UiFrame& f = app.frame;
    const Config& c = app.options.config;
    const AdminOverview& o = app.session.admin.controller.overview;
    auto row = [&](std::string_view key, const std::string& value) {
        ui::Label(std::string(app.T(key)) + ": " + value, f.fonts.large, f.theme.text, width);
        ui::Spacing(ui::units::kGapSmall);
    };
    // With a counter, its live preview sits beside the health rows (landscape) so the line can be set up.
    const float preview_w = app.counter ? width * 0.42f : 0;
    ui::BeginScrollArea(
        "##health", ImVec2(app.counter ? width - preview_w - ui::LayoutScale(ui::units::kGap) : width, 0));
    if (app.safe_mode.active) {
        ui::Label(
            std::string(app.T("kiosk.admin.safe_mode")) + ": " +
                app.loc->Format("kiosk.admin.safe_mode_value", {{"count", app.safe_mode.abnormal_ends}}),
            f.fonts.large, f.theme.error, width);
        ui::Spacing(ui::units::kGapSmall);
    }
    DrawActions(app, app.counter ? width - preview_w - ui::LayoutScale(ui::units::kGap) : width);
    row("kiosk.admin.kiosk_id", c.kiosk_id);
    row("kiosk.admin.site", c.site_name + " (" + c.city_name + ", " + c.city_ars + ")");
    row("kiosk.admin.version", CK_VERSION);
    const auto up = static_cast<std::int64_t>(std::max(0.0, app.now_s - app.started_s)) / 60;
    row("kiosk.admin.uptime",
        app.loc->Format("kiosk.admin.uptime_value",
                        {{"days", up / 1440}, {"hours", up / 60 % 24}, {"minutes", up % 60}}));
    row("kiosk.admin.database", c.database_path);
    row("kiosk.admin.disk",
        app.loc->Format("kiosk.admin.disk_value", {{"free", Megabytes(app, o.disk_free_bytes)},
                                                   {"total", Megabytes(app, o.disk_total_bytes)}}));
    row("kiosk.admin.memory",
        app.loc->Format("kiosk.admin.memory_value", {{"used", Megabytes(app, o.memory_rss_bytes)}}));
    row("kiosk.admin.central",
        c.central.orion_url.empty() ? app.T("kiosk.admin.not_configured") : c.central.orion_url);
    row("kiosk.admin.counter", c.counter.enabled ? c.counter.detector : app.T("kiosk.admin.disabled"));
    row("kiosk.admin.outbox",
        app.loc->Format("kiosk.admin.outbox_value", {{"pending", o.outbox.pending + o.outbox.in_flight},
                                                     {"dead", o.outbox.dead},
                                                     {"delivered", o.outbox.delivered}}));
    for (const auto& s : o.connectors) {
        const std::string error =
            s.last_error_code.empty() ? s.last_error : s.last_error_code + ": " + s.last_error;
        const std::string success =
            ToUnixMs(s.last_success) == 0
                ? app.T("kiosk.admin.sync_never")
                : app.loc->Format(
                      "kiosk.admin.sync_last_success",
                      {{"time", app.loc->FormatDateTime(s.last_success, loc::DateStyle::kMedium)}});
        row("kiosk.admin.sync", s.name + ": " + app.T(SyncStateKey(s.state)) + ", " + success +
                                    (error.empty() ? std::string() : " (" + error.substr(0, 120) + ")"));
    }
    for (const auto& t : o.today) {
        row("kiosk.admin.counts_today",
            app.loc->Format("kiosk.admin.counts_today_value",
                            {{"line", t.line}, {"towards", t.towards}, {"away", t.away}}));
    }
    if (app.counter) {
        const auto status = app.counter->Snapshot();
        if (status) {
            std::string text = std::string(hw::ToString(status->state)) + ", " + status->detector + ", " +
                               app.loc->FormatDecimal(status->fps, 1) + " fps";
            if (!status->message.empty()) text += " (" + status->message.substr(0, 120) + ")";
            row("kiosk.admin.counter", text);
            // The shipped model missing or broken: the operator must know the counts are low.
            if (c.counter.detector == "dnn" && status->detector == "motion") {
                ui::Label(app.T("kiosk.admin.model_missing"), f.fonts.large, f.theme.error, width);
                ui::Spacing(ui::units::kGapSmall);
            }
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
