// The PVOG service catalogue as the store keeps it: one row per service of a region (ARS) and the service
// descriptions fetched for them. Rows carry JSON made and read by services/ (this module does not know
// the service model). The catalogue of a region is only ever replaced whole, in one transaction, so the
// last complete catalogue stays until a new complete one is in.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "offline_cache/database.h"

namespace ck::cache {

struct PvogServiceRow {
    std::string id;
    std::string updated;  // the catalogue's "Updatedatum": a changed date makes the detail stale
    std::string json;
};

struct PvogDetailRow {
    std::string id;
    std::string language = "de";
    std::string last_update;        // the description's lastUpdate
    std::string catalogue_updated;  // the catalogue's Updatedatum it was fetched for
    std::string json;               // the description as published
    TimePoint fetched{};
    // Not stored: the languages the description says it is published in (its availableLanguages), which
    // tell the sync which translations to fetch.
    std::vector<std::string> available_languages;
};

Status ReplacePvogCatalogue(Database& db, const std::string& ars, const std::vector<PvogServiceRow>& rows);
Result<std::vector<PvogServiceRow>> LoadPvogCatalogue(Database& db, const std::string& ars);
// Imports and the sync write details one by one (each its own short transaction) or many at once.
Status PutPvogDetails(Database& db, const std::vector<PvogDetailRow>& rows);
Result<std::optional<PvogDetailRow>> GetPvogDetail(Database& db, const std::string& id,
                                                   const std::string& language);
// Every cached description in one language (the index merges their synonyms and summaries).
Result<std::vector<PvogDetailRow>> ListPvogDetails(Database& db, const std::string& language);
// Ids of the region's services whose German description, or one of their cached translations, is missing or
// was fetched for an older catalogue date, in catalogue order, at most `limit`; with that catalogue date.
Result<std::vector<std::pair<std::string, std::string>>> StalePvogDetails(Database& db,
                                                                          const std::string& ars,
                                                                          std::size_t limit);
// The same question for one service: its catalogue date when it is in the region's catalogue and needs
// fetching, else nullopt.
Result<std::optional<std::string>> StalePvogDetail(Database& db, const std::string& ars,
                                                   const std::string& id);
// Forgets a service's cached descriptions in every language but German (a translation no longer published).
Status DeletePvogTranslations(Database& db, const std::string& id);

}  // namespace ck::cache
