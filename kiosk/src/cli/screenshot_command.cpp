#include <iostream>

#include "cli/commands.h"

namespace ck::kiosk {

void RegisterScreenshotCommand(CLI::App& app, int* exit_code) {
    auto* cmd = app.add_subcommand("screenshot", "(not available yet)");
    cmd->allow_extras();
    cmd->callback([exit_code] {
        std::cerr << "civic-kiosk screenshot: not available yet\n";
        *exit_code = kExitFailure;
    });
}

}  // namespace ck::kiosk
