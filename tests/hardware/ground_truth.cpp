#include "ground_truth.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace ck::hw::test {

std::vector<GtBox> LoadGroundTruth(const std::filesystem::path& csv) {
    std::vector<GtBox> out;
    std::ifstream in(csv);
    EXPECT_TRUE(in.good()) << csv;
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "frame,id,x,y,w,h");
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        std::istringstream row(line);
        GtBox b;
        char c1, c2, c3, c4, c5;
        row >> b.frame >> c1 >> b.id >> c2 >> b.box.x >> c3 >> b.box.y >> c4 >> b.box.w >> c5 >> b.box.h;
        EXPECT_FALSE(row.fail()) << "bad ground-truth row: " << line;
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

}  // namespace ck::hw::test
