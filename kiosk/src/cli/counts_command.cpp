// `civic-kiosk counts export --from DATE --to DATE --out F.csv [--config F]`: the passer-by count bins of a
// period as CSV, for the city's data team or a USB stick (the admin screen's export runs the same code,
// app/count_export.h). Reads the store read-only (safe while the kiosk runs).
#include <iostream>
#include <memory>

#include "app/config.h"
#include "app/count_export.h"
#include "cli/commands.h"
#include "core/time.h"

namespace ck::kiosk {
namespace {

struct ExportArgs {
    std::string from, to, out, config;
};

// "YYYY-MM-DD" (a whole UTC day) or a full ISO 8601 time.
std::optional<TimePoint> ParseDay(const std::string& text) {
    if (text.size() > 40) return std::nullopt;
    return ParseIso8601(text);
}

int RunExport(const ExportArgs& args) {
    const std::optional<TimePoint> from = ParseDay(args.from);
    std::optional<TimePoint> to = ParseDay(args.to);
    if (!from || !to) {
        std::cerr
            << "civic-kiosk counts export: --from and --to must be dates (YYYY-MM-DD) or ISO 8601 times\n";
        return kExitUsage;
    }
    // A date alone means the whole day: --to 2026-11-30 includes the 30th.
    if (args.to.size() == 10) *to += std::chrono::hours(24);
    if (*to <= *from) {
        std::cerr << "civic-kiosk counts export: --to must be after --from\n";
        return kExitUsage;
    }
    auto config = LoadConfigOrDefault(args.config);
    if (!config) {
        std::cerr << "civic-kiosk counts export: " << config.error().message << "\n";
        return kExitUsage;
    }
    auto db = cache::Database::Open(config->database_path, cache::OpenMode::kReadOnly);
    if (!db) {
        std::cerr << "civic-kiosk counts export: " << config->database_path << ": " << db.error().message
                  << "\n";
        return kExitFailure;
    }
    Result<std::size_t> rows = ExportCountBins(*db, *config, *from, *to, args.out);
    if (!rows) {
        std::cerr << "civic-kiosk counts export: " << rows.error().message << "\n";
        return kExitFailure;
    }
    std::cout << "exported " << *rows << " bins from " << FormatIsoUtc(*from) << " to " << FormatIsoUtc(*to)
              << " into " << args.out << "\n";
    return kExitOk;
}

}  // namespace

void RegisterCountsCommand(CLI::App& app, int* exit_code) {
    auto* counts = app.add_subcommand("counts", "Passer-by count bins");
    counts->require_subcommand(1);
    auto* cmd = counts->add_subcommand("export", "Write the count bins of a period as CSV");
    auto args = std::make_shared<ExportArgs>();
    cmd->add_option("--from", args->from, "First day (YYYY-MM-DD, UTC) or ISO 8601 time")->required();
    cmd->add_option("--to", args->to, "Last day, included (YYYY-MM-DD) or ISO 8601 end time")->required();
    cmd->add_option("--out", args->out, "The CSV file to write")->check(NonEmptyPath())->required();
    cmd->add_option("--config", args->config, "Configuration file (default: built-in City of Herne settings)")
        ->check(NonEmptyPath());
    cmd->callback([exit_code, args] { *exit_code = RunExport(*args); });
}

}  // namespace ck::kiosk
