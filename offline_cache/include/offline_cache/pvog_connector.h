// PVOG Suchdienst connector (pull only): the catalogue CSV of the configured region on its own interval,
// then the service descriptions of that catalogue in the background, a bounded number per round, each
// cached with its lastUpdate. Parsing belongs to services/; the kiosk hands the parsers in, so this module
// stays below services.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "offline_cache/connector.h"
#include "offline_cache/http_client.h"
#include "offline_cache/pvog_store.h"

namespace ck::cache {

struct PvogParsedCatalogue {
    std::vector<PvogServiceRow> rows;
    std::int64_t skipped = 0;  // malformed rows (the parser logs why)
};

struct PvogSettings {
    std::string base_url;  // e.g. "https://public.demo.pvog.cloud-bdc.dataport.de/suchdienst/api" (no /v5)
    std::string ars;       // 12 digits
    double catalogue_interval_s = 86400;
    std::size_t details_per_round = 40;  // bounded: a round never hogs the worker (or the server)
    // Both must be set. parse_catalogue fails when the text is not a catalogue at all (then nothing is
    // replaced); parse_detail fails for a description that cannot be used (it is skipped).
    std::function<Result<PvogParsedCatalogue>(const std::string& csv)> parse_catalogue;
    std::function<Result<PvogDetailRow>(const std::string& json)> parse_detail;
};

// The client must outlive the connector (the sync worker owns both).
Connector MakePvogConnector(HttpClient& client, PvogSettings settings);

}  // namespace ck::cache
