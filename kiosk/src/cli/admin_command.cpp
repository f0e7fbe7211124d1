// `civic-kiosk admin set-pin [--config F]`: sets the admin PIN, read from standard input (never from the
// command line, where it would end up in the shell history and the process list), stored as a hash.
#include <iostream>
#include <memory>
#include <string>

#include "app/admin_pin.h"
#include "app/config.h"
#include "cli/commands.h"

namespace ck::kiosk {
namespace {

int RunSetPin(const std::string& config_path) {
    auto config = LoadConfigOrDefault(config_path);
    if (!config) {
        std::cerr << "civic-kiosk admin set-pin: " << config.error().message << "\n";
        return kExitUsage;
    }
    std::string pin;
    // One line, at most a few bytes more than the longest PIN: a PIN pasted with a newline or CRLF still
    // works.
    char c = 0;
    while (pin.size() <= 64 && std::cin.get(c) && c != '\n') pin += c;
    if (!pin.empty() && pin.back() == '\r') pin.pop_back();
    if (Status s = ValidatePinFormat(pin); !s) {
        std::cerr << "civic-kiosk admin set-pin: " << s.error().message << " (read from standard input)\n";
        return kExitUsage;
    }
    auto db = cache::Database::Open(config->database_path);
    if (!db) {
        std::cerr << "civic-kiosk admin set-pin: " << config->database_path << ": " << db.error().message
                  << "\n";
        return kExitFailure;
    }
    if (Status s = SetAdminPin(*db, pin); !s) {
        std::cerr << "civic-kiosk admin set-pin: " << s.error().message << "\n";
        return kExitFailure;
    }
    std::cout << "admin PIN set (stored as a PBKDF2 hash in " << config->database_path << ")\n";
    return kExitOk;
}

}  // namespace

void RegisterAdminCommand(CLI::App& app, int* exit_code) {
    auto* admin = app.add_subcommand("admin", "Operator tasks");
    admin->require_subcommand(1);
    auto* set_pin =
        admin->add_subcommand("set-pin", "Set the admin PIN (4 to 12 digits), read from standard input");
    auto config_path = std::make_shared<std::string>();
    set_pin
        ->add_option("--config", *config_path,
                     "Configuration file (default: built-in City of Herne settings)")
        ->check(NonEmptyPath());
    set_pin->callback([exit_code, config_path] { *exit_code = RunSetPin(*config_path); });
}

}  // namespace ck::kiosk
