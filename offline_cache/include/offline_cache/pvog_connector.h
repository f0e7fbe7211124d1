// PVOG Suchdienst connector (pull only): the catalogue CSV of the configured region on its own interval,
// then the service descriptions of that catalogue in the background, a bounded number per round, each
// cached with its lastUpdate. Parsing belongs to services/; the kiosk hands the parsers in, so this module
// stays below services.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
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

// Services a visitor has opened whose description is not cached yet. The UI thread adds; the sync worker
// takes them and fetches them before anything else, in a pull of their own, so the visitor waits for one
// request rather than a whole round.
class PvogWishList {
  public:
    void Add(std::string id);
    std::vector<std::string> Take();
    bool Empty() const;

  private:
    mutable std::mutex mutex_;
    std::vector<std::string> ids_;
};

struct PvogSettings {
    std::string base_url;  // e.g. "https://public.demo.pvog.cloud-bdc.dataport.de/suchdienst/api" (no /v5)
    std::string ars;       // 12 digits
    double catalogue_interval_s = 86400;
    std::size_t details_per_round = 40;  // bounded: a round never hogs the worker (or the server)
    // Translations fetched besides German when a description lists them in availableLanguages. The
    // Suchdienst answers in the language asked for with Accept-Language; an answer in another language is
    // not stored as a translation.
    std::vector<std::string> translations{"en"};
    std::shared_ptr<PvogWishList> wishes = std::make_shared<PvogWishList>();
    // Both must be set. parse_catalogue fails when the text is not a catalogue at all (then nothing is
    // replaced); parse_detail fails for a description that cannot be used (it is skipped).
    std::function<Result<PvogParsedCatalogue>(const std::string& csv)> parse_catalogue;
    std::function<Result<PvogDetailRow>(const std::string& json)> parse_detail;
};

// The client must outlive the connector (the sync worker owns both).
Connector MakePvogConnector(HttpClient& client, PvogSettings settings);

}  // namespace ck::cache
