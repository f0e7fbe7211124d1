// Each subcommand registers itself on the CLI11 app; main() only calls the Register functions in order.
#pragma once

#include <CLI/CLI.hpp>

#include "app/config.h"
#include "core/result.h"
#include "core/time.h"
#include "participation/idea.h"

namespace ck::kiosk {

// Exit codes shared by all subcommands (documented in docs/operator-guide.md).
enum ExitCode : int {
    kExitOk = 0,
    kExitFailure = 1,  // the command ran and the outcome was negative (e.g. sync left items pending)
    kExitUsage = 2,    // bad arguments or configuration
    kExitInput = 3,    // an input file is missing, empty or corrupt
};

// For options that name a file (--config, --out, --replay, --video): an empty name is a usage error (exit 2,
// naming the option) instead of meaning "no file", which silently ran with defaults or never ended.
inline CLI::Validator NonEmptyPath() {
    return CLI::Validator(
        [](std::string& value) {
            return value.empty() ? std::string("must name a file, got an empty text") : std::string();
        },
        "FILE");
}

// Each Register* adds a subcommand; its callback stores the exit code in *exit_code.
void RegisterRunCommand(CLI::App& app, int* exit_code);
void RegisterScreenshotCommand(CLI::App& app, int* exit_code);
void RegisterCountCommand(CLI::App& app, int* exit_code);
void RegisterSyncCommand(CLI::App& app, int* exit_code);
void RegisterStatusCommand(CLI::App& app, int* exit_code);
void RegisterIdeaCommand(CLI::App& app, int* exit_code);
void RegisterServicesCommand(CLI::App& app, int* exit_code);
void RegisterCountsCommand(CLI::App& app, int* exit_code);
void RegisterAdminCommand(CLI::App& app, int* exit_code);
void RegisterLiveCommand(CLI::App& app, int* exit_code);
void RegisterCounterCommand(CLI::App& app, int* exit_code);

// What `idea submit` hands to part::SubmitIdea: channel "paper" and the same idea settings as the kiosk.
Result<part::SubmitContext> PaperSubmitContext(const Config& config, TimePoint now);

}  // namespace ck::kiosk
