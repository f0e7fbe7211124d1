// One line of a replay script, parsed apart from the app loop so that the parser builds (and is fuzzed)
// without SDL or Dear ImGui.
#pragma once

#include <string>

#include "core/result.h"

namespace ck::kiosk {

struct ReplayStep {
    enum class Kind { kTap, kTapText, kDrag, kType, kWait, kShot, kExpectText };
    Kind kind = Kind::kTap;
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double ms = 0;
    std::string text;  // tap_text / type / expect_text label, or the shot path
    int line = 0;
};

// "replay.step": "line <n>: <what>".
Error ReplayStepError(int line, const std::string& what);
// Parses one line; errors name the line and what is wrong.
Result<ReplayStep> ParseReplayStep(const std::string& json_line, int line_number);

}  // namespace ck::kiosk
