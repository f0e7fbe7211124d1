// Scripted visitor input: one JSON object per line drives the real app loop (see the brief's CLI contract).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "core/result.h"
#include "platform/sdl_host.h"
#include "replay/replay_step.h"

namespace ck::kiosk {

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
