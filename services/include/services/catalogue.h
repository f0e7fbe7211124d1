// The administrative services a visitor can look up, as plain data, and a search over them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ck::svc {

struct Service {
    std::string id;            // PVOG ID-LB, e.g. "B100019.LB.574711"
    std::string name;          // German as published ("Wohnsitz anmelden")
    std::string summary;       // module 24 "Kurzinfo"
    std::vector<std::string> documents;  // module 08 "Erforderliche Unterlagen"
    std::string fees;          // module 98 "Kosten"
    std::string office;        // module 22 "Zuständige Stelle"
    std::string opening_hours;
    std::string online_url;    // onlineServiceLinks[].uri: the QR hand-off
    std::vector<std::string> keywords;  // extra search terms ("Ummeldung", "Umzug")
};

// A small sample catalogue for demo mode, parameterised by the city so nothing is hard-wired.
std::vector<Service> DemoCatalogue(std::string_view city_name);

// Case- and accent-insensitive search over name, keywords and summary (ICU case folding); every word of the
// query must match. Best matches (name hits) first. An empty query returns everything in catalogue order.
std::vector<const Service*> Search(const std::vector<Service>& catalogue, std::string_view query);

}  // namespace ck::svc
