#include "ground_truth.h"

#include <fstream>
#include <sstream>
#include <string>

#include <opencv2/imgcodecs.hpp>

namespace ck::hw::test {

std::vector<GtBox> LoadGroundTruth(const std::filesystem::path& csv) {
    std::vector<GtBox> out;
    std::ifstream in(csv);
    std::string line;
    if (!std::getline(in, line) || line != "frame,id,x,y,w,h") return {};
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        std::istringstream row(line);
        GtBox b;
        char c1, c2, c3, c4, c5;
        row >> b.frame >> c1 >> b.id >> c2 >> b.box.x >> c3 >> b.box.y >> c4 >> b.box.w >> c5 >> b.box.h;
        if (row.fail()) return {};
        out.push_back(b);
    }
    return out;
}

std::vector<GtBox> MirrorX(std::vector<GtBox> boxes, double frame_w) {
    for (auto& b : boxes) b.box.x = frame_w - b.box.x - b.box.w;
    return boxes;
}

std::vector<GtBox> EveryNth(const std::vector<GtBox>& boxes, int step) {
    std::vector<GtBox> out;
    for (const auto& b : boxes) {
        if (b.frame % step == 0) out.push_back(b);
    }
    return out;
}

std::vector<LineTotals> CountGroundTruth(const std::vector<GtBox>& boxes,
                                         const std::vector<CountingLine>& lines, double hysteresis_px) {
    LineCounter counter(lines, hysteresis_px);
    std::vector<Crossing> events;
    for (const auto& b : boxes) counter.Observe(b.id, FootPoint(b.box), events);
    return counter.totals();
}

const char* ToString(Variant v) {
    switch (v) {
        case Variant::kPlain:
            return "plain";
        case Variant::kMirrored:
            return "mirrored";
        case Variant::kEverySecond:
            return "every-2nd";
        case Variant::kNoisy:
            return "noisy";
    }
    return "?";
}

CountingLine LineFor(Variant v, CountingLine line, double frame_w) {
    if (v == Variant::kMirrored) {
        line.segment.a.x = frame_w - line.segment.a.x;
        line.segment.b.x = frame_w - line.segment.b.x;
    }
    return line;
}

std::vector<LineTotals> TruthFor(Variant v, const std::vector<GtBox>& boxes,
                                 const std::vector<CountingLine>& lines, double frame_w) {
    std::vector<CountingLine> placed;
    for (const auto& l : lines) placed.push_back(LineFor(v, l, frame_w));
    if (v == Variant::kMirrored) return CountGroundTruth(MirrorX(boxes, frame_w), placed);
    if (v == Variant::kEverySecond) return CountGroundTruth(EveryNth(boxes, 2), placed);
    return CountGroundTruth(boxes, placed);
}

std::function<void(cv::Mat&)> TransformFor(Variant v) {
    if (v == Variant::kMirrored) return [](cv::Mat& f) { cv::flip(f, f, 1); };
    if (v == Variant::kNoisy) {
        return [rng = cv::RNG(20261127), wide = cv::Mat(), noise = cv::Mat(),
                jpeg = std::vector<uchar>()](cv::Mat& f) mutable {
            f.convertTo(wide, CV_16SC3);
            noise.create(f.size(), CV_16SC3);
            rng.fill(noise, cv::RNG::NORMAL, 0, 10);
            wide += noise;
            wide.convertTo(f, CV_8UC3);  // saturating
            cv::imencode(".jpg", f, jpeg, {cv::IMWRITE_JPEG_QUALITY, 25});
            f = cv::imdecode(jpeg, cv::IMREAD_COLOR);
        };
    }
    return {};
}

int FrameStepFor(Variant v) {
    return v == Variant::kEverySecond ? 2 : 1;
}

std::vector<CountingLine> JudgedLines() {
    return {
        {"vertical", {{240, 0}, {240, 360}}},       {"horizontal", {{0, 180}, {480, 180}}},
        {"vertical-left", {{160, 0}, {160, 360}}},  {"vertical-right", {{330, 360}, {330, 0}}},
        {"horizontal-low", {{0, 250}, {480, 250}}}, {"horizontal-high", {{480, 130}, {0, 130}}},
        {"diagonal", {{0, 0}, {480, 360}}},         {"partial", {{120, 200}, {360, 200}}},
    };
}

}  // namespace ck::hw::test
