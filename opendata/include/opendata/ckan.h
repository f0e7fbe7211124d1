// The city's open datasets as a CKAN portal publishes them (package_search results), reduced to what a
// visitor can use at a kiosk: title, description, formats, licence, last change and the dataset's page.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/time.h"

namespace ck::od {

struct Dataset {
    std::string id;
    std::string name;
    std::string title;
    std::string notes_html;  // as published (HTML or Markdown-ish text); the kiosk turns it into plain text
    std::vector<std::string> formats;  // distinct resource formats, upper case ("CSV", "JSON")
    std::string license;
    std::string organization;
    TimePoint modified{};  // metadata_modified (epoch when absent)
    std::string page_url;  // <portal>/dataset/<name>: the QR code
};

// One package_search result. Needs id, name and a title (the name stands in when the title is empty);
// texts are bounded, control characters dropped. "ckan.invalid" naming what is wrong otherwise.
Result<Dataset> ParseDataset(const nlohmann::json& package, const std::string& portal_url);

}  // namespace ck::od
