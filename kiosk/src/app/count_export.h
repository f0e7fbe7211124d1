// The count bins of a period as CSV: one function for `civic-kiosk counts export` and the admin screen's
// export to a USB stick. Written beside the target and renamed, so a pulled stick never holds half a file
// under the final name.
#pragma once

#include <cstddef>
#include <filesystem>

#include "app/config.h"
#include "core/result.h"
#include "core/time.h"
#include "offline_cache/database.h"

namespace ck::kiosk {

// Bins starting in [from, to); errors: "export.store" (reading the bins), "export.write" (the file).
// Returns the number of rows written.
Result<std::size_t> ExportCountBins(cache::Database& db, const Config& config, TimePoint from, TimePoint to,
                                    const std::filesystem::path& out);

}  // namespace ck::kiosk
