// The main loop around App: SDL window, input, redraw on demand, screenshots and scripted replays.
#pragma once

#include <string>

#include "app/app.h"
#include "platform/sdl_host.h"

namespace ck::kiosk {

struct LoopOptions {
    HostOptions host;
    std::string replay_path;   // JSON lines of visitor steps (headless replay)
    std::string screenshot_path;  // render one screen, write PNG, exit
    std::string speech_log;       // --speech-log: every utterance as a JSON line (the run and replay loops)
};

// Runs until quit (or the replay ends). Returns a process exit code; errors are printed to stderr.
int RunKioskLoop(AppOptions app_options, const LoopOptions& loop_options);

}  // namespace ck::kiosk
