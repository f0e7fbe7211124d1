// Scripted visitor input: one JSON object per line drives the real app loop (see the brief's CLI contract).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "core/result.h"
#include "platform/sdl_host.h"

namespace ck::kiosk {

struct ReplayStep {
    enum class Kind { kTap, kTapText, kDrag, kType, kWait, kShot, kExpectText };
    Kind kind = Kind::kTap;
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double ms = 0;
    std::string text;   // tap_text / type / expect_text label, or the shot path
    int line = 0;
};

// Parses one line; errors name the line and what is wrong.
Result<ReplayStep> ParseReplayStep(const std::string& json_line, int line_number);

// Feeds events and advances the clock, renders until they are consumed, optionally saves a shot. Returns
// an Error with code kReplayStopped when the process was asked to quit (SIGTERM, SIGINT): the replay ends.
inline constexpr const char* kReplayStopped = "replay.stopped";
using ReplayDriver =
    std::function<Status(const std::vector<InputEvent>& events, double advance_s, const std::string& shot_path)>;

// Runs every step of the file; returns the exit code: 0 only when every step succeeded, 1 when a step failed
// or the replay was stopped, 2 for a malformed script, 3 for a file that cannot be read or has no steps.
int RunReplay(App& app, const std::string& path, const ReplayDriver& drive);

// Finds the first visible widget showing exactly `text` in the last frame (tappable ones first).
const ui::TraceEntry* FindVisibleText(const App& app, const std::string& text, bool tappable_only);

}  // namespace ck::kiosk
