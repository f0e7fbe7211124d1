// `civic-kiosk counts export --from DATE --to DATE --out F.csv [--config F]`: the passer-by count bins of a
// period as CSV, for the city's data team or a USB stick. Reads the store read-only (safe while the kiosk
// runs).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/config.h"
#include "cli/commands.h"
#include "core/time.h"
#include "offline_cache/counter_bins.h"

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
    auto bins = cache::ListBins(*db, *from);
    if (!bins) {
        std::cerr << "civic-kiosk counts export: " << bins.error().message << "\n";
        return kExitFailure;
    }
    // Written next to the target and renamed, so a pulled USB stick never holds half a file under the name.
    const std::filesystem::path out(args.out);
    const std::filesystem::path partial = out.string() + ".partial";
    std::ofstream csv(partial, std::ios::binary | std::ios::trunc);
    if (!csv) {
        std::cerr << "civic-kiosk counts export: cannot write " << partial.string() << "\n";
        return kExitFailure;
    }
    csv << "kiosk_id,line,start,end,towards,away,total,closed\n";
    std::size_t rows = 0;
    for (const cache::CounterBin& b : *bins) {
        if (b.start >= *to) continue;
        bool towards_is_positive = true;
        for (const auto& l : config->counter.lines) {
            if (l.name == b.line) towards_is_positive = l.towards_is_positive;
        }
        const std::int64_t towards = towards_is_positive ? b.positive : b.negative;
        const std::int64_t away = towards_is_positive ? b.negative : b.positive;
        // Kiosk ids and line names are [A-Za-z0-9_-]: nothing to quote.
        csv << config->kiosk_id << ',' << b.line << ',' << FormatIsoUtc(b.start) << ',' << FormatIsoUtc(b.end)
            << ',' << towards << ',' << away << ',' << towards + away << ',' << (b.closed ? "yes" : "no")
            << '\n';
        ++rows;
    }
    csv.flush();
    if (!csv) {
        std::cerr << "civic-kiosk counts export: writing " << partial.string() << " failed (disk full?)\n";
        return kExitFailure;
    }
    csv.close();
    std::error_code ec;
    std::filesystem::rename(partial, out, ec);
    if (ec) {
        std::cerr << "civic-kiosk counts export: cannot move the export to " << out.string() << ": "
                  << ec.message() << "\n";
        return kExitFailure;
    }
    std::cout << "exported " << rows << " bins from " << FormatIsoUtc(*from) << " to " << FormatIsoUtc(*to)
              << " into " << out.string() << "\n";
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
