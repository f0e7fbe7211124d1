// The city's open data catalogue (CKAN Action API, pull only): package_search, paged, optionally limited to
// one organisation, cached for offline use. A failed or malformed answer leaves the cached list as it was.
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "offline_cache/connector.h"
#include "offline_cache/http_client.h"

namespace ck::cache {

struct CkanSettings {
    std::string base_url;      // the portal, without /api/3
    std::string organization;  // fq=organization:<name>; empty = every dataset of the portal
    int page_size = 100;       // rows per package_search (CKAN allows up to 1000)
    double interval_s = 86400;
    std::size_t max_datasets = 1000;
    std::size_t max_dataset_bytes = 64 * 1024;
};

// The connector "ckan". The client must outlive it.
Connector MakeCkanConnector(HttpClient& client, CkanSettings settings);

// An Action API answer: its `result`, or an Error for the envelope {success:false, error:{__type, message}}
// ("ckan.error", "Validation Error: rows: Must be ..."), an unreadable body ("ckan.malformed") or an error
// status without an envelope ("http.status").
Result<nlohmann::json> ParseCkanAnswer(long status, const std::string& body);

}  // namespace ck::cache
