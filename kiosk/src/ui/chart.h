// Charts drawn with Dear ImGui's draw list (no plotting library): a time series with gaps left open, and the
// hourly bars of the passers-by against their usual figure. The data arrives prepared (od::PrepareSeries,
// decimated to the plot's width) and the labels formatted; the widget only places them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

#include "core/time.h"
#include "opendata/chart.h"

namespace ck::ui {

struct AxisLabel {
    double at = 0;  // a value (y) or unix ms (x)
    std::string text;
};

struct TimeChart {
    TimePoint from{}, to{};
    od::ChartAxis y;
    const std::vector<std::vector<od::SeriesPoint>>* runs = nullptr;
    std::vector<AxisLabel> y_labels;
    std::vector<AxisLabel> x_labels;
};
// Draws at the cursor with `size` (pixels) and advances the cursor.
void DrawTimeChart(const TimeChart& chart, ImVec2 size);

struct HourBars {
    const od::HourlyCounts* counts = nullptr;
    od::ChartAxis y;
    std::vector<AxisLabel> y_labels;
    std::vector<AxisLabel> x_labels;  // at = hour 0..24
};
// Today's hours as bars, the usual figure of each hour as a marker line across its bar.
void DrawHourBars(const HourBars& chart, ImVec2 size);

// The plot's width in pixels for a chart of `size` (what the series is decimated to).
float ChartPlotWidth(ImVec2 size);

}  // namespace ck::ui
