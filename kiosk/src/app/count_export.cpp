#include "app/count_export.h"

#include <fstream>

#include "offline_cache/counter_bins.h"

namespace ck::kiosk {

Result<std::size_t> ExportCountBins(cache::Database& db, const Config& config, TimePoint from, TimePoint to,
                                    const std::filesystem::path& out) {
    auto bins = cache::ListBins(db, from);
    if (!bins) return MakeError("export.store", bins.error().message);
    const std::filesystem::path partial = out.string() + ".partial";
    std::ofstream csv(partial, std::ios::binary | std::ios::trunc);
    if (!csv) return MakeError("export.write", "cannot write " + partial.string());
    csv << "kiosk_id,line,start,end,towards,away,total,closed\n";
    std::size_t rows = 0;
    for (const cache::CounterBin& b : *bins) {
        if (b.start >= to) continue;
        bool towards_is_positive = true;
        for (const auto& l : config.counter.lines) {
            if (l.name == b.line) towards_is_positive = l.towards_is_positive;
        }
        const std::int64_t towards = towards_is_positive ? b.positive : b.negative;
        const std::int64_t away = towards_is_positive ? b.negative : b.positive;
        // Kiosk ids and line names are [A-Za-z0-9_-]: nothing to quote.
        csv << config.kiosk_id << ',' << b.line << ',' << FormatIsoUtc(b.start) << ',' << FormatIsoUtc(b.end)
            << ',' << towards << ',' << away << ',' << towards + away << ',' << (b.closed ? "yes" : "no")
            << '\n';
        ++rows;
    }
    csv.flush();
    if (!csv) return MakeError("export.write", "writing " + partial.string() + " failed (disk full?)");
    csv.close();
    std::error_code ec;
    std::filesystem::rename(partial, out, ec);
    if (ec)
        return MakeError("export.write", "cannot move the export to " + out.string() + ": " + ec.message());
    return rows;
}

}  // namespace ck::kiosk
