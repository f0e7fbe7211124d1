#define IMGUI_DEFINE_MATH_OPERATORS
#include "ui/chart.h"

#include <imgui_internal.h>

#include <algorithm>

#include "ui/layout.h"
#include "ui/widgets.h"

namespace ck::ui {
namespace {

struct Plot {
    ImVec2 min, max;
    float X(double t01) const { return min.x + static_cast<float>(t01) * (max.x - min.x); }
    float Y(const od::ChartAxis& a, double v) const {
        const double f = (v - a.min) / (a.max - a.min);
        return max.y - static_cast<float>(std::clamp(f, 0.0, 1.0)) * (max.y - min.y);
    }
};

// Frame, y grid lines with their labels (right-aligned against the plot) and the x labels under it.
Plot DrawFrame(ImDrawList* dl, ImVec2 p, ImVec2 size, const od::ChartAxis& y,
               const std::vector<AxisLabel>& y_labels,
               const std::vector<std::pair<float, std::string>>& x_labels_01) {
    const UiFrame& f = Frame();
    Plot plot{p + ImVec2(LayoutScale(units::kChartAxisWidth), f.fonts.small->FontSize * 0.6f),
              p + size - ImVec2(LayoutScale(units::kCardPadding), LayoutScale(units::kChartAxisHeight))};
    dl->AddRectFilled(p, p + size, f.theme.surface, LayoutScale(units::kRounding));
    const float grid = LayoutScale(units::kChartGrid);
    for (const auto& l : y_labels) {
        const float yy = plot.Y(y, l.at);
        dl->AddLine(ImVec2(plot.min.x, yy), ImVec2(plot.max.x, yy), f.theme.border, grid);
        const ImVec2 sz = MeasureText(l.text, f.fonts.small);
        const ImVec2 at(plot.min.x - LayoutScale(units::kChartTick) - sz.x, yy - sz.y * 0.5f);
        LabelAt(dl, at, l.text, f.fonts.small, f.theme.text_muted);
        Frame().trace.push_back(TraceEntry{l.text, at, at + sz, false, Frame().keep_order});
    }
    for (const auto& [x01, text] : x_labels_01) {
        const float xx = plot.X(x01);
        dl->AddLine(ImVec2(xx, plot.max.y), ImVec2(xx, plot.max.y + LayoutScale(units::kChartTick)),
                    f.theme.text_muted, grid * 2);
        const ImVec2 sz = MeasureText(text, f.fonts.small);
        const ImVec2 at(std::clamp(xx - sz.x * 0.5f, p.x, p.x + size.x - sz.x),
                        plot.max.y + LayoutScale(units::kChartTick) + LayoutScale(units::kGapTight));
        LabelAt(dl, at, text, f.fonts.small, f.theme.text_muted);
        Frame().trace.push_back(TraceEntry{text, at, at + sz, false, Frame().keep_order});
    }
    dl->AddLine(ImVec2(plot.min.x, plot.max.y), ImVec2(plot.max.x, plot.max.y), f.theme.text_muted, grid * 2);
    return plot;
}

}  // namespace

float ChartPlotWidth(ImVec2 size) {
    return std::max(1.0f, size.x - LayoutScale(units::kChartAxisWidth) - LayoutScale(units::kCardPadding));
}

// Time runs left to right in every language: right to left a chart moves to its mirrored place as one block
// (like the keyboard) and keeps its inner order; the trace marks its labels so.
struct ChartBlock {
    ImVec2 p;
    KeepOrder previous;
    explicit ChartBlock(ImVec2 size) {
        const ImVec2 laid_out = ImGui::GetCursorScreenPos();
        ImGui::Dummy(size);
        previous = BeginKeepOrder(laid_out.x, size.x);
        p = ImVec2(ReadingX(laid_out.x, size.x), laid_out.y);
    }
    ~ChartBlock() { EndKeepOrder(previous); }
    ChartBlock(const ChartBlock&) = delete;
    ChartBlock& operator=(const ChartBlock&) = delete;
};

void DrawTimeChart(const TimeChart& c, ImVec2 size) {
    const ChartBlock block(size);
    const ImVec2 p = block.p;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const double span = static_cast<double>(ToUnixMs(c.to) - ToUnixMs(c.from));
    auto t01 = [&](TimePoint t) {
        return span > 0 ? static_cast<double>(ToUnixMs(t) - ToUnixMs(c.from)) / span : 0.0;
    };
    std::vector<std::pair<float, std::string>> xs;
    for (const auto& l : c.x_labels)
        xs.emplace_back(static_cast<float>(t01(FromUnixMs(static_cast<std::int64_t>(l.at)))), l.text);
    const Plot plot = DrawFrame(dl, p, size, c.y, c.y_labels, xs);
    if (!c.runs) return;
    const UiFrame& f = Frame();
    const float thick = LayoutScale(units::kChartLine);
    // One polyline per run: a gap in the data is a gap in the line.
    ImVector<ImVec2> pts;
    for (const auto& run : *c.runs) {
        if (run.size() == 1) {
            dl->AddCircleFilled(ImVec2(plot.X(t01(run[0].t)), plot.Y(c.y, run[0].value)),
                                LayoutScale(units::kChartDot), f.theme.primary);
            continue;
        }
        pts.resize(0);
        for (const auto& pt : run) pts.push_back(ImVec2(plot.X(t01(pt.t)), plot.Y(c.y, pt.value)));
        dl->AddPolyline(pts.Data, pts.Size, f.theme.primary, ImDrawFlags_None, thick);
    }
}

void DrawHourBars(const HourBars& c, ImVec2 size) {
    const ChartBlock block(size);
    const ImVec2 p = block.p;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::vector<std::pair<float, std::string>> xs;
    for (const auto& l : c.x_labels) xs.emplace_back(static_cast<float>((l.at + 0.5) / 24.0), l.text);
    const Plot plot = DrawFrame(dl, p, size, c.y, c.y_labels, xs);
    if (!c.counts) return;
    const UiFrame& f = Frame();
    const float slot = (plot.max.x - plot.min.x) / 24.0f;
    const float bar = slot * 0.7f;
    for (std::size_t h = 0; h < 24; ++h) {
        const float x0 = plot.min.x + slot * static_cast<float>(h) + (slot - bar) * 0.5f;
        if (const auto& v = c.counts->today[h]) {
            dl->AddRectFilled(ImVec2(x0, plot.Y(c.y, *v)), ImVec2(x0 + bar, plot.max.y), f.theme.primary,
                              LayoutScale(units::kChartGrid) * 2);
        }
        if (const auto& u = c.counts->usual[h]; u && *u > 0) {
            const float yy = plot.Y(c.y, *u);
            dl->AddLine(ImVec2(x0 - slot * 0.1f, yy), ImVec2(x0 + bar + slot * 0.1f, yy), f.theme.accent,
                        LayoutScale(units::kChartLine));
        }
    }
}

}  // namespace ck::ui
