// The main loop around App: SDL window, input, redraw on demand, screenshots and scripted replays.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "app/app.h"
#include "platform/sdl_host.h"

namespace ck::kiosk {

struct LoopOptions {
    HostOptions host;
    std::string replay_path;   // JSON lines of visitor steps (headless replay)
    std::string screenshot_path;  // render one screen, write PNG, exit
    int screenshot_shrink = 1;    // write it this many times smaller
    std::string speech_log;       // --speech-log: every utterance as a JSON line (the run and replay loops)
};

// Runs until quit (or the replay ends). Returns a process exit code; errors are printed to stderr.
int RunKioskLoop(AppOptions app_options, const LoopOptions& loop_options);

// The same replay in this process on an App made by the caller, with no window: every frame is built
// (widgets, controllers, the store, the workers if the App runs them) but nothing is rasterised, so a soak
// can run thousands of visitor sessions (tests/soak). Needs no SDL; `shot` steps are refused. Exit codes as
// RunReplay's. `after_drive`, when given, is called each time the script drives the app (a step, or a part
// of a wait or a drag): the soak samples memory and publishes the app's clock there.
int RunReplayUnrendered(App& app, const std::string& path, float width, float height,
                        const std::function<void(const App&, std::int64_t drives)>& after_drive = {});

}  // namespace ck::kiosk
