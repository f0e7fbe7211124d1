// Admin: behind the PIN, the operator sees the kiosk's health. Reached by five quick taps on the city name.
#include <imgui.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "app/admin_pin.h"
#include "counting/counting_service.h"
#include "screens/screens.h"
#include "ui/line_setup.h"
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
        ApplyStoredLines(st.controller, app.counter.get());
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
    if (ui::SecondaryButton("##refresh", app.T("kiosk.admin.refresh"), third)) {
        RefreshAdminOverview(c, StoreOf(app), app.sync.get(), app.options.config, AppNow(app));
        ApplyStoredLines(c, app.counter.get());
    }
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
    ui::BeginScrollArea("##health", ImVec2(width, 0));
    if (app.safe_mode.active) {
        ui::Label(
            std::string(app.T("kiosk.admin.safe_mode")) + ": " +
                app.loc->Format("kiosk.admin.safe_mode_value", {{"count", app.safe_mode.abnormal_ends}}),
            f.fonts.large, f.theme.error, width);
        ui::Spacing(ui::units::kGapSmall);
    }
    DrawActions(app, width);
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
    }
    ui::EndScrollArea();
}

// The counting line(s) over the live preview: drag an end, save, or go back to the configuration. The
// preview is in memory only and exists only while this screen shows it (BuildFrame turns it off elsewhere).
void DrawLineSetup(App& app, ImVec2 size) {
    const ui::UiFrame& f = app.frame;
    AdminState& st = app.session.admin;
    AdminController& c = st.controller;
    const std::vector<ActiveCounterLine>& lines = c.overview.lines;
    const float gap = ui::LayoutScale(ui::units::kGap);
    const float top = ImGui::GetCursorScreenPos().y;
    ImGui::BeginGroup();
    app.counter->SetPreviewEnabled(true);
    app.frame.wants_animation = true;  // keep the preview moving while the operator looks at it
    if (lines.size() > 1) {
        ui::ChipRow row{size.x, 0};
        for (std::size_t i = 0; i < lines.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ui::ChipRowButton(row, "##line", lines[i].name, i == c.draft.selected) &&
                i != c.draft.selected) {
                c.draft = LineDraft{i, std::nullopt};
            }
            ImGui::PopID();
        }
        ui::Spacing(ui::units::kGapSmall);
    }
    if (c.draft.selected < lines.size()) {
        const ActiveCounterLine& l = lines[c.draft.selected];
        std::string source;
        if (c.draft.moved) {
            source = app.loc->Format("kiosk.admin.line_edited", {{"line", l.name}});
        } else if (l.set_on_kiosk) {
            source = app.loc->Format(
                "kiosk.admin.line_set_on_kiosk",
                {{"line", l.name}, {"time", app.loc->FormatDateTime(l.set_at, loc::DateStyle::kMedium)}});
        } else {
            source = app.loc->Format("kiosk.admin.line_from_config", {{"line", l.name}});
        }
        ui::Label(source, f.fonts.body, c.draft.moved ? f.theme.warn : f.theme.text, size.x);
    }
    ui::Label(app.T("kiosk.admin.line_hint"), f.fonts.small, f.theme.text_muted, size.x);
    ui::Spacing(ui::units::kGapSmall);

    const auto status = app.counter->Snapshot();
    ui::LineSetupInput in;
    in.frame_width = status->frame_width;
    in.frame_height = status->frame_height;
    in.towards_label = app.T("kiosk.admin.line_towards");
    in.waiting = app.T("kiosk.admin.preview_waiting");
    hw::PreviewImage img;
    if (app.upload_preview && app.counter->LatestPreview(img) && !img.bgr.empty()) {
        in.texture =
            app.upload_preview(img.bgr.data, img.bgr.cols, img.bgr.rows, static_cast<int>(img.bgr.step));
    }
    // A line that does not fit the camera's frame (the counter waits for one that does) is shown with its
    // ends on the frame's edge, where a finger can take them.
    auto inside = [&](hw::Point2 p) {
        if (in.frame_width <= 0) return p;
        return hw::Point2{std::clamp(p.x, 0.0, double(in.frame_width)),
                          std::clamp(p.y, 0.0, double(in.frame_height))};
    };
    std::vector<ui::SetupLine> shown;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const bool edited = i == c.draft.selected && c.draft.moved;
        const hw::Segment s = edited ? *c.draft.moved : lines[i].segment;
        shown.push_back({lines[i].name, {inside(s.a), inside(s.b)}, lines[i].towards_is_positive});
    }
    // Landscape: the buttons stand beside the picture, which then gets the column's whole height; portrait:
    // below it, the picture taking the full width.
    const float button_h = ui::LayoutScale(ui::units::kButtonHeight);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float used = ImGui::GetCursorScreenPos().y - top;
    const bool beside = !f.layout.portrait;
    const float buttons_w = beside ? size.x * 0.3f : (size.x - gap) * 0.5f;
    const ImVec2 view_size(
        beside ? size.x - buttons_w - gap : size.x,
        std::max(
            button_h,
            size.y - used - (beside ? 0 : button_h + 2 * spacing + ui::LayoutScale(ui::units::kGapSmall))));
    if (ui::LineSetupView("##line_setup", in, shown, c.draft.selected, &st.dragging_end, view_size,
                          &st.line_view))
        c.draft.moved = shown[c.draft.selected].segment;
    if (beside) {
        ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
    } else {
        ui::Spacing(ui::units::kGapSmall);
    }
    const ImVec2 button(buttons_w, button_h);
    if (ui::PrimaryButton("##line_save", app.T("kiosk.admin.line_save"), button))
        SaveLineDraft(c, StoreOf(app), app.counter.get(), app.options.config, AppNow(app));
    if (beside) {
        ui::Spacing(ui::units::kGapSmall);
    } else {
        ImGui::SameLine(0, gap);
    }
    if (ui::SecondaryButton("##line_reset", app.T("kiosk.admin.line_reset"), button))
        ResetLinesToConfig(c, StoreOf(app), app.counter.get(), app.options.config);
    if (beside) ImGui::EndGroup();
    ImGui::EndGroup();
}

// The health rows and actions; with a counter, the line set-up beside them (landscape) or above them
// (portrait), sized to the body so that nothing of it is below the fold.
void DrawUnlocked(App& app, float width) {
    if (!app.counter) {
        DrawHealth(app, width);
        return;
    }
    const float gap = ui::LayoutScale(ui::units::kGap);
    const float height = ImGui::GetContentRegionAvail().y;
    if (app.frame.layout.portrait) {
        DrawLineSetup(app, ImVec2(width, height * ui::units::kPreviewPortraitShare));
        ui::Spacing(ui::units::kGap);
        DrawHealth(app, width);
        return;
    }
    const float setup_w = std::min(width * 0.5f, ui::LayoutScale(ui::units::kPreviewMaxWidth));
    DrawHealth(app, width - setup_w - gap);
    ImGui::SameLine(0, gap);
    DrawLineSetup(app, ImVec2(setup_w, height));
}

}  // namespace

void DrawAdmin(App& app) {
    const float width = BeginScreenBody(app, "kiosk.admin.title");
    if (app.session.admin.unlocked) {
        DrawUnlocked(app, width);
    } else if (!app.admin_pin_set) {
        // No pad at all: a pad that can never open would only invite guessing.
        ui::Label(app.T("kiosk.admin.pin_not_set"), app.frame.fonts.large, app.frame.theme.text, width);
    } else {
        DrawPinPad(app, width);
    }
    EndScreenBody(app);
}

}  // namespace ck::kiosk
