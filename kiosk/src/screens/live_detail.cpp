#define IMGUI_DEFINE_MATH_OPERATORS
// One live value in detail: the figure with its age, and its history as a chart drawn with the draw list
// (the last 24 hours or 7 days, axis labels in the visitor's locale, gaps left open), or for this kiosk's
// passers-by today's hours against the usual figure of the same weekday. Too little history says so.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "opendata/freshness.h"
#include "screens/live_text.h"
#include "screens/screens.h"
#include "ui/chart.h"
#include "ui/widgets.h"

namespace ck::kiosk {
namespace {

std::vector<ui::AxisLabel> YLabels(App& app, const od::ChartAxis& axis) {
    std::vector<ui::AxisLabel> out;
    const int steps = static_cast<int>(std::lround((axis.max - axis.min) / axis.step));
    for (int i = 0; i <= steps && i <= 20; ++i) {
        const double v = axis.min + axis.step * i;
        out.push_back({v, app.loc->FormatDecimal(std::fabs(v) < axis.step * 1e-6 ? 0.0 : v, axis.decimals)});
    }
    return out;
}

// Local hours every `every` hours (24 h), or local midnights (7 days), inside [from, to].
std::vector<ui::AxisLabel> TimeLabels(App& app, TimePoint from, TimePoint to, bool week, bool portrait) {
    std::vector<ui::AxisLabel> out;
    if (week) {
        for (TimePoint day = od::LocalDayStart(from) + std::chrono::hours(24); day < to;
             day = od::LocalDayStart(day + std::chrono::hours(36))) {
            out.push_back({static_cast<double>(ToUnixMs(day)),
                           app.loc->Format("kiosk.live.chart.day", {{"day", day}})});
        }
        return out;
    }
    const std::int64_t every_ms = (portrait ? 6 : 3) * 3600000LL;
    const std::int64_t offset_ms = od::UtcOffsetAt(from).count() * 60000LL;
    std::int64_t local = ToUnixMs(from) + offset_ms;
    local = (local / every_ms + 1) * every_ms;
    for (std::int64_t t = local - offset_ms; t < ToUnixMs(to); t += every_ms)
        out.push_back({static_cast<double>(t), app.loc->FormatTime(FromUnixMs(t))});
    return out;
}

void DrawPassersBy(App& app, float width, float chart_h) {
    const ui::UiFrame& f = app.frame;
    const od::HourlyCounts& c = app.live.passers;
    double hi = 1;
    for (std::size_t h = 0; h < 24; ++h) hi = std::max({hi, c.today[h].value_or(0), c.usual[h].value_or(0)});
    ui::HourBars bars;
    bars.counts = &c;
    bars.y = od::NiceAxis(0, hi);
    bars.y_labels = YLabels(app, bars.y);
    const int every = f.layout.portrait ? 6 : 3;
    for (int h = 0; h < 24; h += every) {
        bars.x_labels.push_back({static_cast<double>(h), app.loc->FormatTime(od::LocalDayStart(AppNow(app)) +
                                                                             std::chrono::hours(h))});
    }
    ui::DrawHourBars(bars, ImVec2(width, chart_h));
    ui::Spacing(ui::units::kGapMedium);
    ui::Label(app.T("kiosk.live.passers_by.legend_today"), f.fonts.body, f.theme.primary, width);
    if (c.weeks > 0) {
        ui::Label(
            app.loc->Format("kiosk.live.passers_by.legend_usual", {{"weeks", c.weeks}, {"day", AppNow(app)}}),
            f.fonts.body, f.theme.accent, width);
    } else {
        ui::Label(app.T("kiosk.live.passers_by.no_comparison"), f.fonts.body, f.theme.text_muted, width);
    }
}

}  // namespace

void DrawLiveDetail(App& app) {
    const ui::UiFrame& f = app.frame;
    LiveController& live = app.live;
    const float width = BeginScreenBody(app, "");
    if (!live.detail || *live.detail >= live.entries.size()) {
        NotAvailableYet(app, width);
        EndScreenBody(app);
        return;
    }
    const od::TileEntry& e = live.entries[*live.detail];
    const od::TileSpec& spec = app.options.config.live.tiles[e.tile_index];
    const TileTexts& t = TextsFor(app, *live.detail);
    const bool counter = spec.source == od::TileSource::kCounter;
    // Landscape: the range chips sit at the header's far end, so the chart gets the height.
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float chips_w = counter ? 0
                                  : ui::ChipButtonWidth(app.T("kiosk.live.chart.range_day")) +
                                        ui::ChipButtonWidth(app.T("kiosk.live.chart.range_week")) +
                                        ui::LayoutScale(ui::units::kChipGap) * 2;
    const bool chips_beside = !f.layout.portrait && !counter;
    const float head_w = chips_beside ? width - chips_w - ui::LayoutScale(ui::units::kGap) : width;
    if (chips_beside) ImGui::SetCursorScreenPos(ImVec2(top.x, top.y));
    ImGui::BeginGroup();
    ui::Label(t.name.empty() ? t.title : t.title + " \u2013 " + t.name, f.fonts.large, f.theme.text, head_w);
    ui::Label(t.value, f.fonts.title, e.stale ? f.theme.text_muted : f.theme.primary, head_w);
    if (!t.detail.empty()) ui::Label(t.detail, f.fonts.body, f.theme.text, head_w);
    ui::Label(t.age, f.fonts.body, e.stale ? f.theme.warn : f.theme.text_muted, head_w);
    const std::string& offline = OfflineLine(app);
    if (!offline.empty()) ui::Label(offline, f.fonts.body, f.theme.warn, head_w);
    ImGui::EndGroup();
    const float head_bottom = ImGui::GetItemRectMax().y;
    auto range_chips = [&](float x, float y, float w) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        ui::ChipRow chips{w, 0};
        if (ui::ChipRowButton(chips, "##day", app.T("kiosk.live.chart.range_day"),
                              live.range == ChartRange::kDay))
            live.range = ChartRange::kDay;
        if (ui::ChipRowButton(chips, "##week", app.T("kiosk.live.chart.range_week"),
                              live.range == ChartRange::kWeek))
            live.range = ChartRange::kWeek;
    };
    if (chips_beside) {
        range_chips(top.x + width - chips_w, top.y, chips_w);
        ImGui::SetCursorScreenPos(ImVec2(top.x, head_bottom));
    } else if (!counter) {
        ui::Spacing(ui::units::kGapMedium);
        range_chips(top.x, ImGui::GetCursorScreenPos().y, width);
    }
    ui::Spacing(ui::units::kGapLarge);
    const float chart_h = std::min(
        ui::LayoutScale(f.layout.portrait ? ui::units::kChartHeightPortrait : ui::units::kChartHeight),
        ImGui::GetContentRegionAvail().y - f.fonts.body->FontSize * 2.5f);
    if (counter) {
        DrawPassersBy(app, width, chart_h - f.fonts.body->FontSize * 2.5f);
        EndScreenBody(app);
        return;
    }
    const float plot_h = chart_h - f.fonts.small->FontSize * 1.5f;
    const TimePoint now = AppNow(app);
    const ImVec2 size(width, plot_h);
    PrepareChart(live, now, static_cast<int>(ui::ChartPlotWidth(size) / 2));
    if (live.points_in_range < od::kMinChartPoints) {
        ui::Spacing(ui::units::kGapLarge);
        ui::Label(app.T("kiosk.live.chart.not_enough"), f.fonts.large, f.theme.text_muted, width);
        EndScreenBody(app);
        return;
    }
    double lo = INFINITY, hi = -INFINITY;
    for (const auto& run : live.runs)
        for (const auto& p : run) lo = std::min(lo, p.value), hi = std::max(hi, p.value);
    const std::string unit = od::ChartUnit(e.value);
    ui::TimeChart chart;
    chart.to = now;
    chart.from = now - (live.range == ChartRange::kDay ? std::chrono::hours(24) : std::chrono::hours(24 * 7));
    chart.y = od::NiceAxis(lo, hi);
    chart.runs = &live.runs;
    chart.y_labels = YLabels(app, chart.y);
    chart.x_labels =
        TimeLabels(app, chart.from, chart.to, live.range == ChartRange::kWeek, f.layout.portrait);
    // What is plotted: the unit, and for a level tile the pollutant the line shows.
    std::string series = unit;
    if (!e.value.level.empty() && !e.value.extras.empty()) {
        std::string key = "kiosk.live.attr.";
        for (const char c : e.value.extras.front().attribute)
            key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        series = app.loc->Format(key, {{"value", unit}});
    }
    if (!series.empty()) ui::Label(series, f.fonts.small, f.theme.text_muted, width);
    ui::DrawTimeChart(chart, size);
    if (live.runs.size() > 1) {
        ui::Spacing(ui::units::kGapSmall);
        ui::Label(app.T("kiosk.live.chart.gaps"), f.fonts.small, f.theme.text_muted, width);
    }
    EndScreenBody(app);
}

}  // namespace ck::kiosk
