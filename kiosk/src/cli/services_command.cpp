#include <iostream>

#include "cli/commands.h"

namespace ck::kiosk {

// Placeholder until its module lands: says so honestly and fails.
void RegisterServicesCommand(CLI::App& app, int* exit_code) {
    auto* cmd = app.add_subcommand("services", "(not available yet)");
    cmd->allow_extras();
    cmd->callback([exit_code] {
        std::cerr << "civic-kiosk services: not available yet\n";
        *exit_code = kExitFailure;
    });
}

}  // namespace ck::kiosk
