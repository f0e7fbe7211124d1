#include <CLI/CLI.hpp>
#include <string>

#include "app/config.h"
#include "app/logging.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
    // Until a subcommand reads its configuration: warnings and errors on stderr, never on stdout (which
    // carries the commands' output, e.g. JSON).
    ck::kiosk::SetupLogging(ck::kiosk::Config{}, true);
    CLI::App app{"Civic Kiosk: a public touch kiosk for city services, ideas and open data"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("civic-kiosk ") + CK_VERSION);
    int exit_code = 0;
    ck::kiosk::RegisterRunCommand(app, &exit_code);
    ck::kiosk::RegisterScreenshotCommand(app, &exit_code);
    ck::kiosk::RegisterCountCommand(app, &exit_code);
    ck::kiosk::RegisterSyncCommand(app, &exit_code);
    ck::kiosk::RegisterStatusCommand(app, &exit_code);
    ck::kiosk::RegisterIdeaCommand(app, &exit_code);
    ck::kiosk::RegisterServicesCommand(app, &exit_code);
    ck::kiosk::RegisterCountsCommand(app, &exit_code);
    ck::kiosk::RegisterAdminCommand(app, &exit_code);
    ck::kiosk::RegisterLiveCommand(app, &exit_code);
    ck::kiosk::RegisterCounterCommand(app, &exit_code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? 0 : ck::kiosk::kExitUsage;
    }
    return exit_code;
}
