#include <iostream>

#include "app/config.h"
#include "app/kiosk_loop.h"
#include "app/crash_handler.h"
#include "app/logging.h"
#include "cli/commands.h"

namespace ck::kiosk {
namespace {

bool ParseSize(const std::string& text, int* w, int* h) {
    const auto x = text.find('x');
    if (x == std::string::npos) return false;
    try {
        *w = std::stoi(text.substr(0, x));
        *h = std::stoi(text.substr(x + 1));
    } catch (...) {
        return false;
    }
    return *w >= 320 && *h >= 320 && *w <= 7680 && *h <= 7680;
}

}  // namespace

void RegisterRunCommand(CLI::App& app, int* exit_code) {
    struct Opts {
        std::string config, replay, size = "1920x1080", speech_log;
        bool windowed = false, demo = false, headless = false, workers = false;
    };
    auto opts = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand("run", "Run the kiosk (fullscreen unless --windowed)");
    cmd->add_option("--config", opts->config, "configuration file (TOML)")->check(NonEmptyPath());
    cmd->add_flag("--windowed", opts->windowed, "a window instead of fullscreen (development)");
    cmd->add_flag("--demo", opts->demo, "the embedded demo dataset, no network");
    cmd->add_option("--replay", opts->replay, "scripted visitor input, one JSON object per line")
        ->check(NonEmptyPath());
    cmd->add_flag("--headless", opts->headless, "no display: SDL offscreen driver and software renderer");
    cmd->add_option("--size", opts->size, "window size WxH (default 1920x1080)");
    cmd->add_option("--speech-log", opts->speech_log,
                    "write every utterance of speech output as a JSON line {\"lang\":..,\"text\":..}")
        ->check(NonEmptyPath());
    cmd->add_flag("--workers", opts->workers, "with --replay: also run the sync worker and the counter");
    cmd->callback([opts, exit_code] {
        Result<Config> config = LoadConfigOrDefault(opts->config);
        if (!config.ok()) {
            std::cerr << "civic-kiosk: " << config.error().message << "\n";
            *exit_code = kExitUsage;
            return;
        }
        LoopOptions lo;
        if (!ParseSize(opts->size, &lo.host.width, &lo.host.height)) {
            std::cerr << "civic-kiosk: --size must be WxH from 320x320 to 7680x7680, got " << opts->size << "\n";
            *exit_code = kExitUsage;
            return;
        }
        SetupLogging(*config, opts->headless || !opts->replay.empty());
        // SetupLogging made the folder; a crash of the interactive kiosk leaves its report there.
        InstallCrashHandler(config->log_dir, CK_VERSION);
        lo.host.fullscreen = !opts->windowed;
        lo.host.headless = opts->headless;
        lo.replay_path = opts->replay;
        lo.speech_log = opts->speech_log;
        if (!opts->replay.empty() && !opts->headless) lo.host.fullscreen = false;
        lo.host.lockdown = lo.host.fullscreen;  // --windowed is for development
        AppOptions ao;
        ao.config = *config;
        ao.demo = opts->demo;
        // A replay is a test: nothing runs behind its back unless it asks for the workers.
        ao.start_workers = opts->replay.empty() || opts->workers;
        ao.track_runs = opts->replay.empty() && !opts->demo;
        *exit_code = RunKioskLoop(ao, lo);
    });
}

}  // namespace ck::kiosk
