#include "opendata/ckan.h"

#include <algorithm>
#include <cctype>

#include "core/quote.h"

namespace ck::od {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxTitle = 300;
constexpr std::size_t kMaxNotes = 20000;

// A bounded text without control characters (new lines kept for notes), cut on a UTF-8 boundary.
std::string Clean(const json& j, const char* key, std::size_t max_bytes, bool keep_newlines = false) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return {};
    std::string out;
    for (const char c : it->get_ref<const std::string&>()) {
        const unsigned char u = static_cast<unsigned char>(c);
        if ((u < 0x20 && !(keep_newlines && c == '\n')) || u == 0x7f) {
            out += ' ';
            continue;
        }
        out += c;
    }
    if (out.size() > max_bytes) {
        std::size_t cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
    }
    return out;
}

bool IsSlug(const std::string& s) {
    return !s.empty() && s.size() <= 200 && std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_';
    });
}

}  // namespace

Result<Dataset> ParseDataset(const json& p, const std::string& portal_url) {
    if (!p.is_object()) return MakeError("ckan.invalid", "a dataset is not a JSON object");
    Dataset d;
    d.id = Clean(p, "id", 100);
    d.name = Clean(p, "name", 200);
    if (d.id.empty()) return MakeError("ckan.invalid", "a dataset without id");
    if (!IsSlug(d.name))
        return MakeError("ckan.invalid", "dataset " + QuoteInput(d.id) + " has no valid name");
    d.title = Clean(p, "title", kMaxTitle);
    if (d.title.find_first_not_of(' ') == std::string::npos) d.title = d.name;
    d.notes_html = Clean(p, "notes", kMaxNotes, true);
    d.license = Clean(p, "license_title", 200);
    if (d.license.empty()) d.license = Clean(p, "license_id", 100);
    if (const auto org = p.find("organization"); org != p.end() && org->is_object())
        d.organization = Clean(*org, "title", 200);
    if (const auto m = p.find("metadata_modified"); m != p.end() && m->is_string()) {
        if (auto t = ParseIso8601(m->get<std::string>())) d.modified = *t;
    }
    if (const auto res = p.find("resources"); res != p.end() && res->is_array()) {
        for (const auto& r : *res) {
            if (!r.is_object()) continue;
            std::string f = Clean(r, "format", 20);
            for (char& c : f) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            if (!f.empty() && f.find_first_not_of(' ') != std::string::npos &&
                std::find(d.formats.begin(), d.formats.end(), f) == d.formats.end() && d.formats.size() < 8)
                d.formats.push_back(f);
        }
    }
    std::string base = portal_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    d.page_url = base + "/dataset/" + d.name;
    return d;
}

}  // namespace ck::od
