#include "locales/catalogue.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "locales/utf8.h"

namespace ck::loc {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

Error Malformed(std::string_view source, const std::string& what) {
    return MakeError("locale.malformed", std::string(source) + ": " + what);
}

std::string LineOf(std::string_view text, std::size_t byte) {
    byte = std::min(byte, text.size());
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(byte), '\n');
    return "line " + std::to_string(line);
}

// Parses a JSON object and rejects a key that appears twice at the top level: nlohmann would silently keep
// the last one, which hides a copy-paste mistake in a translation.
Result<json> ParseObject(std::string_view text, std::string_view source) {
    if (!IsValidUtf8(text)) return Malformed(source, "not valid UTF-8");
    std::set<std::string> seen;
    std::string duplicate;
    auto callback = [&](int depth, json::parse_event_t event, json& parsed) {
        if (event == json::parse_event_t::key && depth == 1) {
            std::string key = parsed.get<std::string>();
            if (!seen.insert(key).second && duplicate.empty()) duplicate = std::move(key);
        }
        return true;
    };
    json doc;
    try {
        doc = json::parse(text.begin(), text.end(), callback);
    } catch (const json::parse_error& e) {
        return Malformed(source, "invalid JSON at " + LineOf(text, e.byte) + ": " + e.what());
    }
    if (!doc.is_object())
        return Malformed(source, std::string("expected a JSON object, got ") + doc.type_name());
    if (!duplicate.empty()) return Malformed(source, "key \"" + duplicate + "\" appears more than once");
    return doc;
}

bool IsValidTag(std::string_view tag) {
    // Primary language subtag in lower case, optional further subtags: "de", "pt-BR", "sr-Latn".
    if (tag.size() < 2 || tag.size() > 35) return false;
    std::size_t i = 0;
    while (i < tag.size() && tag[i] >= 'a' && tag[i] <= 'z') ++i;
    if (i < 2 || i > 3) return false;
    for (; i < tag.size(); ++i) {
        const char c = tag[i];
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && (i + 1 == tag.size() || tag[i - 1] == '-'))) return false;
    }
    return true;
}

Result<std::string> ReadFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return MakeError("locale.io", path.string() + ": cannot open");
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) return MakeError("locale.io", path.string() + ": read error");
    return buf.str();
}

Result<std::string> RequiredString(const json& obj, const char* field, std::string_view where) {
    const auto it = obj.find(field);
    if (it == obj.end() || !it->is_string() || it->get<std::string>().empty()) {
        return MakeError("locale.malformed", std::string(where) + ": \"" + field +
                                                 "\" is required and must be a non-empty string");
    }
    return it->get<std::string>();
}

}  // namespace

const Language* CatalogueSet::FindLanguage(std::string_view tag) const {
    for (const auto& lang : languages) {
        if (lang.tag == tag) return &lang;
    }
    return nullptr;
}

const Catalogue* CatalogueSet::FindCatalogue(std::string_view tag) const {
    const auto it = catalogues.find(tag);
    return it == catalogues.end() ? nullptr : &it->second;
}

fs::path InstalledCataloguesDir(const fs::path& executable) {
    return executable.parent_path().parent_path() / "share" / "civic-kiosk" / "catalogues";
}

fs::path DefaultCataloguesDir() {
    const char* env = std::getenv("CK_LOCALES_DIR");
    if (env && *env) return env;
    // An installed binary (<prefix>/bin) uses the catalogues installed beside it. A binary in a build tree has
    // none there and uses the source folder it was built from, so a developer's edits show without installing.
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = InstalledCataloguesDir(exe);
        if (fs::is_regular_file(installed / "languages.json", ec)) return installed;
    }
    return CK_LOCALES_DIR;
}

bool IsValidMessageKey(std::string_view key) {
    if (key.empty() || key.size() > 200) return false;
    bool segment_empty = true;
    for (const char c : key) {
        if (c == '.') {
            if (segment_empty) return false;
            segment_empty = true;
            continue;
        }
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) return false;
        segment_empty = false;
    }
    return !segment_empty;
}

Result<Catalogue> ParseCatalogue(std::string_view tag, std::string_view json_text, std::string_view source) {
    auto doc = ParseObject(json_text, source);
    if (!doc) return doc.error();
    Catalogue catalogue;
    catalogue.tag = std::string(tag);
    for (const auto& [key, value] : doc->items()) {
        if (!IsValidMessageKey(key)) {
            return Malformed(
                source,
                "key \"" + key + "\" is not a message key (dot-separated segments of a-z, 0-9, _ and -)");
        }
        if (!value.is_string()) {
            return Malformed(source, "key \"" + key +
                                         "\": the value must be a string (an ICU MessageFormat "
                                         "pattern), got " +
                                         value.type_name());
        }
        catalogue.messages.emplace(key, value.get<std::string>());
    }
    return catalogue;
}

Result<std::vector<Language>> ParseLanguages(std::string_view json_text, std::string_view source) {
    auto doc = ParseObject(json_text, source);
    if (!doc) return doc.error();
    for (const auto& [key, value] : doc->items()) {
        if (key != "languages")
            return Malformed(source, "unknown field \"" + key + "\" (allowed: languages)");
    }
    const auto list = doc->find("languages");
    if (list == doc->end() || !list->is_array() || list->empty()) {
        return Malformed(source, "\"languages\" must be a non-empty array");
    }
    static const std::set<std::string> kFields{"tag", "native_name", "english_name", "direction", "fallback"};
    std::vector<Language> languages;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& entry = (*list)[i];
        const std::string where = std::string(source) + ": languages[" + std::to_string(i) + "]";
        if (!entry.is_object()) return MakeError("locale.malformed", where + ": must be an object");
        for (const auto& [field, unused] : entry.items()) {
            if (!kFields.count(field)) {
                return MakeError("locale.malformed", where + ": unknown field \"" + field +
                                                         "\" (allowed: tag, native_name, english_name, "
                                                         "direction, fallback)");
            }
        }
        Language lang;
        auto tag = RequiredString(entry, "tag", where);
        if (!tag) return tag.error();
        if (!IsValidTag(*tag))
            return MakeError("locale.malformed", where + ": \"" + *tag + "\" is not a language tag");
        lang.tag = *tag;
        const std::string named = where + " (" + lang.tag + ")";
        auto native = RequiredString(entry, "native_name", named);
        if (!native) return native.error();
        lang.native_name = *native;
        auto english = RequiredString(entry, "english_name", named);
        if (!english) return english.error();
        lang.english_name = *english;
        auto direction = RequiredString(entry, "direction", named);
        if (!direction) return direction.error();
        if (*direction == "ltr") {
            lang.direction = Direction::kLtr;
        } else if (*direction == "rtl") {
            lang.direction = Direction::kRtl;
        } else {
            return MakeError(
                "locale.malformed",
                named + ": \"direction\" must be \"ltr\" or \"rtl\", got \"" + *direction + "\"");
        }
        if (const auto fb = entry.find("fallback"); fb != entry.end() && !fb->is_null()) {
            if (!fb->is_string())
                return MakeError("locale.malformed", named + ": \"fallback\" must be a string");
            lang.fallback = fb->get<std::string>();
            if (lang.fallback == lang.tag) {
                return MakeError("locale.malformed", named + ": a language cannot fall back to itself");
            }
        }
        for (const auto& other : languages) {
            if (other.tag == lang.tag) return MakeError("locale.malformed", named + ": listed twice");
        }
        languages.push_back(std::move(lang));
    }

    // Exactly one root (no fallback), and every chain of fallbacks reaches it.
    const Language* root = nullptr;
    for (const auto& lang : languages) {
        if (!lang.fallback.empty()) continue;
        if (root) {
            return Malformed(source, "both \"" + root->tag + "\" and \"" + lang.tag +
                                         "\" have no fallback; exactly one root language is allowed");
        }
        root = &lang;
    }
    if (!root) return Malformed(source, "no root language (one language must have no \"fallback\")");
    for (const auto& lang : languages) {
        const Language* step = &lang;
        for (std::size_t hops = 0; !step->fallback.empty(); ++hops) {
            const auto next = std::find_if(languages.begin(), languages.end(),
                                           [&](const Language& l) { return l.tag == step->fallback; });
            if (next == languages.end()) {
                return Malformed(source, "language \"" + step->tag + "\" falls back to \"" + step->fallback +
                                             "\", which is not listed");
            }
            if (hops > languages.size()) {
                return Malformed(source, "the fallbacks of \"" + lang.tag + "\" form a cycle");
            }
            step = &*next;
        }
    }
    return languages;
}

Result<Catalogue> LoadCatalogueFile(const std::string& tag, const fs::path& path) {
    auto text = ReadFile(path);
    if (!text) return text.error();
    return ParseCatalogue(tag, *text, path.string());
}

Result<CatalogueSet> LoadCatalogues(const fs::path& dir) {
    const fs::path list_path = dir / "languages.json";
    auto list_text = ReadFile(list_path);
    if (!list_text) return list_text.error();
    auto languages = ParseLanguages(*list_text, list_path.string());
    if (!languages) return languages.error();

    CatalogueSet set;
    set.languages = std::move(*languages);
    for (const auto& lang : set.languages) {
        const fs::path path = dir / (lang.tag + ".json");
        if (!fs::exists(path)) {
            return MakeError("locale.missing_catalogue",
                             path.string() + ": missing; languages.json lists \"" + lang.tag + "\"");
        }
        auto catalogue = LoadCatalogueFile(lang.tag, path);
        if (!catalogue) return catalogue.error();
        set.catalogues.emplace(lang.tag, std::move(*catalogue));
    }

    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const fs::path& path = entry.path();
        if (path.extension() != ".json" || path.filename() == "languages.json") continue;
        if (!set.FindLanguage(path.stem().string())) {
            return MakeError("locale.unlisted_catalogue",
                             path.string() + ": catalogue of a language that languages.json does not list");
        }
    }
    if (ec) return MakeError("locale.io", dir.string() + ": cannot list: " + ec.message());
    return set;
}

}  // namespace ck::loc
