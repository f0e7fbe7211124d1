#include <iostream>

#include "cli/commands.h"

namespace ck::kiosk {

// Placeholder until its module lands: says so honestly and fails.
void RegisterStatusCommand(CLI::App& app, int* exit_code) {
    auto* cmd = app.add_subcommand("status", "(not available yet)");
    cmd->allow_extras();
    cmd->callback([exit_code] {
        std::cerr << "civic-kiosk status: not available yet\n";
        *exit_code = kExitFailure;
    });
}

}  // namespace ck::kiosk
