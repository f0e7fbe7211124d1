// Message catalogues: one JSON file per language ("namespaced.key": "ICU MessageFormat pattern") plus
// languages.json, the list of languages the kiosk offers. Loading validates the files completely and names
// the file (and key) of the first problem; formatting lives in localizer.h.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ck::loc {

enum class Direction { kLtr, kRtl };

struct Language {
    std::string tag;           // BCP 47, also the catalogue file name: "de" -> de.json
    std::string native_name;   // what the language picker shows: "Türkçe"
    std::string english_name;  // for logs and the operator
    Direction direction = Direction::kLtr;
    std::string fallback;  // where missing keys come from; empty only for the root language (German)
};

struct Catalogue {
    std::string tag;
    // std::less<> so lookups by string_view do not allocate (Text() runs every frame).
    std::map<std::string, std::string, std::less<>> messages;
};

struct CatalogueSet {
    std::vector<Language> languages;  // in the order of languages.json (picker order)
    std::map<std::string, Catalogue, std::less<>> catalogues;  // by tag; one for every language

    const Language* FindLanguage(std::string_view tag) const;
    const Catalogue* FindCatalogue(std::string_view tag) const;
};

// Where the catalogues are: the environment variable CK_LOCALES_DIR if set; else, for an installed binary,
// InstalledCataloguesDir(the running executable) when it holds languages.json; else the source folder
// compiled in as CK_LOCALES_DIR (a build tree).
std::filesystem::path DefaultCataloguesDir();
// <prefix>/share/civic-kiosk/catalogues for an executable at <prefix>/bin/civic-kiosk.
std::filesystem::path InstalledCataloguesDir(const std::filesystem::path& executable);

// A key is dot-separated segments of [a-z0-9_-], e.g. "kiosk.ideas.count".
bool IsValidMessageKey(std::string_view key);

// `source` names the text in error messages (usually the file path). Errors: "locale.malformed".
Result<Catalogue> ParseCatalogue(std::string_view tag, std::string_view json_text, std::string_view source);
Result<std::vector<Language>> ParseLanguages(std::string_view json_text, std::string_view source);

Result<Catalogue> LoadCatalogueFile(const std::string& tag, const std::filesystem::path& path);

// Reads languages.json and <tag>.json for each listed language. A listed language without a file, a
// catalogue file that is not listed, an unknown or cyclic fallback, or the root language missing are errors.
Result<CatalogueSet> LoadCatalogues(const std::filesystem::path& dir = DefaultCataloguesDir());

}  // namespace ck::loc
