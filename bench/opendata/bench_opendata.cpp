// Figures for docs/performance.md:
//  1. parse throughput: a 10,000-entity Orion page (normalized WeatherObserved) read with the bounded JSON
//     reader and turned into tile values (ParseTileValue), entities per second;
//  2. a 7-day chart of 10,000 points: the one-off preparation (gaps, decimation to the plot's columns) and
//     the per-frame ImGui build time of the drawn chart (NewFrame .. Render, no rasterising), median and p99.
//
// Usage: bench_opendata [--entities N] [--frames N]
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "ngsi/entity.h"
#include "opendata/chart.h"
#include "opendata/tiles.h"
#include "ui/chart.h"
#include "ui/theme.h"
#include "ui/ui_frame.h"

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

double Ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double Percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

void ParseThroughput(int n) {
    const ck::TimePoint now = *ck::ParseIso8601("2026-11-27T13:05:00Z");
    json page = json::array();
    for (int i = 0; i < n; ++i) {
        page.push_back(
            {{"id", "urn:ngsi-ld:WeatherObserved:station-" + std::to_string(i)},
             {"type", "WeatherObserved"},
             {"name", {{"type", "Text"}, {"value", "Station " + std::to_string(i)}}},
             {"temperature", {{"type", "Number"}, {"value", 5 + (i % 100) * 0.1}}},
             {"precipitation", {{"type", "Number"}, {"value", 0.2}}},
             {"windSpeed", {{"type", "Number"}, {"value", 12}}},
             {"dateObserved", {{"type", "DateTime"}, {"value", "2026-11-27T13:00:00Z"}}},
             {"location",
              {{"type", "geo:json"}, {"value", {{"type", "Point"}, {"coordinates", {7.2, 51.5}}}}}}});
    }
    const std::string body = page.dump();
    const ck::od::TileSpec spec = ck::od::DefaultTiles()[0];
    ck::od::ParseContext ctx;
    ctx.now = now;
    ctx.reference_lon = 7.22, ctx.reference_lat = 51.54;
    double best_read = 1e9, best_parse = 1e9;
    int ok = 0;
    for (int round = 0; round < 5; ++round) {
        const auto t0 = Clock::now();
        ck::Result<json> parsed = ck::ngsi::ParseJsonBounded(body);
        const auto t1 = Clock::now();
        ok = 0;
        for (const auto& e : *parsed) ok += ParseTileValue(spec, e, ctx).ok() ? 1 : 0;
        const auto t2 = Clock::now();
        best_read = std::min(best_read, Ms(t1 - t0));
        best_parse = std::min(best_parse, Ms(t2 - t1));
    }
    std::printf(
        "parse: %d entities (%.1f MB body), %d valid; read JSON %.1f ms, tile values %.1f ms; "
        "%.0f entities/s end to end (best of 5)\n",
        n, static_cast<double>(body.size()) / 1e6, ok, best_read, best_parse,
        n / ((best_read + best_parse) / 1000.0));
}

void ChartBuildTime(int frames) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1920, 1080);
    ImFont* font = io.Fonts->AddFontDefault();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ck::ui::UiFrame frame;
    frame.layout = ck::ui::ComputeLayout(io.DisplaySize, 1.0f);
    frame.fonts = {font, font, font, font, font};
    ck::ui::ThemeColours colours{
        {0x00, 0x5c, 0xa9}, {0xe3, 0x00, 0x0f}, {0xf4, 0xf6, 0xf8}, {0x10, 0x18, 0x20}};
    frame.theme = ck::ui::MakeTheme(colours, false);
    frame.display_text = [](std::string_view s) { return std::string(s); };
    ck::ui::BindFrame(&frame);

    const ck::TimePoint now = *ck::ParseIso8601("2026-11-27T13:05:00Z");
    const ck::TimePoint from = now - std::chrono::hours(24 * 7);
    std::vector<ck::od::SeriesPoint> points;
    for (int i = 0; i < 10000; ++i) {
        if (i > 6000 && i < 6300) continue;  // an outage
        points.push_back({from + std::chrono::milliseconds(static_cast<std::int64_t>(i) * 60480),
                          10 + 5 * std::sin(i * 0.004) + 0.5 * std::sin(i * 0.3)});
    }
    const ImVec2 size(1824, 560);
    const int columns = static_cast<int>(ck::ui::ChartPlotWidth(size) / 2);
    std::vector<double> prep;
    std::vector<std::vector<ck::od::SeriesPoint>> runs;
    for (int i = 0; i < 20; ++i) {
        const auto t0 = Clock::now();
        runs = ck::od::PrepareSeries(points, from, now, columns);
        prep.push_back(Ms(Clock::now() - t0));
    }
    std::size_t drawn = 0;
    for (const auto& r : runs) drawn += r.size();
    ck::ui::TimeChart chart;
    chart.from = from, chart.to = now;
    chart.y = ck::od::NiceAxis(4, 16);
    chart.runs = &runs;
    for (double v = chart.y.min; v <= chart.y.max; v += chart.y.step)
        chart.y_labels.push_back({v, std::to_string(v)});
    for (int d = 1; d < 7; ++d)
        chart.x_labels.push_back({static_cast<double>(ck::ToUnixMs(from + std::chrono::hours(24 * d))),
                                  "Day " + std::to_string(d)});

    std::vector<double> build;
    for (int i = 0; i < frames; ++i) {
        io.DeltaTime = 1.0f / 60.0f;
        const auto t0 = Clock::now();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##bench", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::SetCursorScreenPos(ImVec2(48, 200));
        ck::ui::DrawTimeChart(chart, size);
        ImGui::End();
        ImGui::Render();
        build.push_back(Ms(Clock::now() - t0));
        frame.trace.clear();
    }
    std::printf(
        "chart: 7 days, %zu points -> %zu runs, %zu points drawn (%d columns); prepare once: median %.2f ms; "
        "ImGui build per frame: median %.3f ms, p99 %.3f ms over %d frames; %d vertices\n",
        points.size(), runs.size(), drawn, columns, Percentile(prep, 0.5), Percentile(build, 0.5),
        Percentile(build, 0.99), frames, ImGui::GetDrawData()->TotalVtxCount);
    ImGui::DestroyContext();
}

}  // namespace

int main(int argc, char** argv) {
    int entities = 10000, frames = 500;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--entities")) entities = std::max(1, std::atoi(argv[i + 1]));
        if (!std::strcmp(argv[i], "--frames")) frames = std::max(1, std::atoi(argv[i + 1]));
    }
    ParseThroughput(entities);
    ChartBuildTime(frames);
    return 0;
}
