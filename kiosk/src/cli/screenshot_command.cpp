#include <algorithm>
#include <iostream>

#include "app/config.h"
#include "app/kiosk_loop.h"
#include "app/logging.h"
#include "cli/commands.h"

namespace ck::kiosk {

void RegisterScreenshotCommand(CLI::App& app, int* exit_code) {
    struct Opts {
        std::string screen, lang = "de", size = "1920x1080", out, config;
        bool demo = false, large_text = false, high_contrast = false;
        int shrink = 1;
        double clock = 1795784700;  // 2026-11-27 13:05 UTC: a fixed clock makes screenshots reproducible
    };
    auto opts = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand("screenshot", "Render one screen headless into a PNG");
    cmd->add_option("--screen", opts->screen, "attract, home, services, service-detail, ideas, idea-new, "
                                              "idea-receipt, live, privacy, admin")->required();
    cmd->add_option("--lang", opts->lang, "UI language tag (de, de-x-ls, en, tr, ar, uk, ru, pl)");
    cmd->add_option("--size", opts->size, "WxH, e.g. 1920x1080 or 1080x1920");
    cmd->add_option("--out", opts->out, "PNG file to write")->check(NonEmptyPath())->required();
    cmd->add_option("--config", opts->config, "configuration file (TOML)")->check(NonEmptyPath());
    cmd->add_option("--clock", opts->clock, "the fixed clock, seconds since 1970 (UTC)");
    cmd->add_flag("--demo", opts->demo, "the embedded demo dataset");
    cmd->add_option("--shrink", opts->shrink, "write the PNG this many times smaller (1-4; for documentation)")
        ->check(CLI::Range(1, 4));
    cmd->add_flag("--large-text", opts->large_text, "the visitor's large-text mode");
    cmd->add_flag("--high-contrast", opts->high_contrast, "the visitor's high-contrast theme");
    cmd->callback([opts, exit_code] {
        Result<Config> config = LoadConfigOrDefault(opts->config);
        if (!config.ok()) {
            std::cerr << "civic-kiosk: " << config.error().message << "\n";
            *exit_code = kExitUsage;
            return;
        }
        const auto screen = ScreenFromName(opts->screen);
        if (!screen) {
            std::cerr << "civic-kiosk: unknown screen \"" << opts->screen
                      << "\" (attract, home, services, service-detail, ideas, idea-new, idea-receipt, live, privacy, admin)\n";
            *exit_code = kExitUsage;
            return;
        }
        if (std::find(config->languages.begin(), config->languages.end(), opts->lang) == config->languages.end()) {
            std::string list;
            for (const auto& l : config->languages) list += (list.empty() ? "" : ", ") + l;
            std::cerr << "civic-kiosk: unknown language \"" << opts->lang << "\" (" << list << ")\n";
            *exit_code = kExitUsage;
            return;
        }
        LoopOptions lo;
        const auto x = opts->size.find('x');
        try {
            lo.host.width = std::stoi(opts->size.substr(0, x));
            lo.host.height = std::stoi(opts->size.substr(x + 1));
        } catch (...) {
            lo.host.width = 0;
        }
        if (x == std::string::npos || lo.host.width < 320 || lo.host.height < 320 || lo.host.width > 7680 || lo.host.height > 7680) {
            std::cerr << "civic-kiosk: --size must be WxH from 320x320 to 7680x7680, got " << opts->size << "\n";
            *exit_code = kExitUsage;
            return;
        }
        SetupLogging(*config, true);
        lo.host.headless = true;
        lo.host.fullscreen = false;
        lo.screenshot_path = opts->out;
        lo.screenshot_shrink = opts->shrink;
        AppOptions ao;
        ao.config = *config;
        ao.demo = opts->demo;
        ao.language = opts->lang;
        ao.fixed_clock_unix_s = opts->clock;
        ao.start_screen = *screen;
        ao.large_text = opts->large_text;
        ao.high_contrast = opts->high_contrast;
        *exit_code = RunKioskLoop(ao, lo);
    });
}

}  // namespace ck::kiosk
