// The administrative services a visitor can look up, as plain data: the catalogue (one entry per PVOG
// service, from the catalogue CSV) and the detail of one service (its modules, from the detail JSON).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ck::svc {

// Text converted from PVOG's HTML: paragraphs and bullet items (level 0 = top-level list), no markup left.
struct TextBlock {
    bool bullet = false;
    int level = 0;
    std::string text;
    bool operator==(const TextBlock&) const = default;
};
using RichText = std::vector<TextBlock>;

struct Link {
    std::string title;
    std::string uri;  // http(s) only
    bool operator==(const Link&) const = default;
};

struct Service {
    std::string id;                       // PVOG ID-LB, e.g. "B100019.LB.576986"
    std::string name;                     // official name ("Kindergeld Bewilligung")
    std::string name2;                    // citizen-friendly name ("Kindergeld beantragen"), may be empty
    std::vector<std::string> leika_keys;  // LeiKa keys (14 digits)
    std::string updated;                  // as published ("20.01.2025 00:48")
    std::vector<Link> online_links;       // one per online service: the QR hand-off
    std::vector<std::string> synonyms;    // from the detail, when known
    std::string summary;                  // plain text of module 24 "Kurzinfo", when known

    // What a visitor reads as the service's name.
    const std::string& Title() const { return name2.empty() ? name : name2; }
};

// Module codes of a PVOG service description that the kiosk shows.
namespace module {
inline constexpr std::string_view kSummary = "24";       // Kurzinfo
inline constexpr std::string_view kRequirements = "09";  // Voraussetzungen
inline constexpr std::string_view kDocuments = "08";     // Erforderliche Unterlagen
inline constexpr std::string_view kFees = "98";          // Kosten
inline constexpr std::string_view kDeadlines = "97";     // Fristen
inline constexpr std::string_view kDuration = "95";      // Bearbeitungsdauer
inline constexpr std::string_view kProcedure = "11";     // Verfahrensablauf
inline constexpr std::string_view kLegalBasis = "07";    // Rechtsgrundlage(n)
inline constexpr std::string_view kOffice = "22";        // Zuständige Stelle
inline constexpr std::string_view kContact = "23";       // Ansprechpunkt
}  // namespace module

struct Module {
    std::string code;   // "24", "08", ...
    std::string title;  // as published ("Kurzinfo")
    RichText text;
    std::vector<Link> links;
};

struct ServiceDetail {
    std::string id;
    std::string name;
    std::string language = "de";                   // languageCode of the texts
    std::vector<std::string> available_languages;  // e.g. {"de", "en"}
    std::string last_update;                       // lastUpdate (ISO 8601), the cache key's version
    std::vector<std::string> synonyms;
    std::vector<std::string> leika_keys;
    std::vector<Module> modules;  // only modules with content, in published order
    std::vector<Link> online_links;

    const Module* Find(std::string_view code) const;
};

// The embedded demo catalogue for demo mode, parameterised by the city so nothing is hard-wired: `website`
// is the city's site ("https://www.example.de", no trailing slash), the demo's online services are pages
// below it; empty: the demo services have no online service.
struct DemoData {
    std::vector<Service> services;
    std::vector<ServiceDetail> details;
};
DemoData DemoCatalogue(std::string_view city_name, std::string_view website);

// Plain text of a rich text (paragraphs joined by spaces), e.g. for the list's subtitle.
std::string PlainText(const RichText& text);

}  // namespace ck::svc
