// One CKAN answer (HTTP status and body) the way the CKAN connector and the datasets screen take it: the
// envelope ({success, result} or {success:false, error:{__type, message}}), each package_search result as a
// dataset, its description from HTML to plain text and folded for the search.
#include <cstddef>
#include <cstdint>
#include <string>

#include "offline_cache/ckan_connector.h"
#include "opendata/ckan.h"
#include "services/html_text.h"
#include "services/search.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    // The first byte picks the status, so error envelopes under 4xx/5xx are reached too.
    static constexpr long kStatus[] = {200, 200, 200, 409, 429, 500};
    const long status = kStatus[data[0] % (sizeof kStatus / sizeof kStatus[0])];
    const std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
    ck::Result<nlohmann::json> result = ck::cache::ParseCkanAnswer(status, body);
    if (!result || !result->is_object() || !result->contains("results") || !(*result)["results"].is_array())
        return 0;
    for (const auto& package : (*result)["results"]) {
        ck::Result<ck::od::Dataset> d = ck::od::ParseDataset(package, "https://opendata.example.org");
        if (!d) continue;
        std::string text = d->title;
        for (const auto& block : ck::svc::HtmlToRichText(d->notes_html)) text += "\n" + block.text;
        (void)ck::svc::FoldForSearch(text);
    }
    return 0;
}
