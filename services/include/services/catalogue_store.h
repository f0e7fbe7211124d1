// The catalogue between files, the store and the screens: the offline import, the snapshot the kiosk
// loads (once, not per frame), and the PVOG parsers the sync worker's connector is given.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "offline_cache/database.h"
#include "offline_cache/pvog_connector.h"
#include "services/catalogue.h"
#include "services/pvog.h"

namespace ck::svc {

struct DetailFile {
    std::string name;  // for the report ("B100019.LB.574711.json")
    std::string text;
};

struct FileImportReport {
    ImportReport catalogue;
    int details = 0;          // descriptions stored
    int details_skipped = 0;  // broken, or for a service not in the catalogue
    std::vector<std::string> detail_skip_reasons;
};

// Parses the catalogue CSV and the descriptions and stores them for the region `ars`: the catalogue replaces
// the region's previous one in one transaction, and only when it parsed (a broken file changes nothing).
Result<FileImportReport> ImportFiles(cache::Database& db, const std::string& ars, std::string_view csv,
                                     const std::vector<DetailFile>& details);

// The region's catalogue with what the cached German descriptions add (synonyms, summaries, links).
Result<std::vector<Service>> LoadCatalogue(cache::Database& db, const std::string& ars);
// A cached description: in `language` when there is one, else German; nullopt when none is cached yet.
Result<std::optional<ServiceDetail>> LoadDetail(cache::Database& db, const std::string& id,
                                                const std::string& language);

// Connector settings with the PVOG parsers filled in.
cache::PvogSettings MakePvogSettings(std::string base_url, std::string ars, double catalogue_interval_s,
                                     std::size_t details_per_round);

}  // namespace ck::svc
