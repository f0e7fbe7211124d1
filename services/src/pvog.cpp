#include "services/pvog.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "ngsi/entity.h"
#include "services/html_text.h"

namespace ck::svc {
namespace {

using nlohmann::json;

constexpr std::string_view kHeader = "ID-LB|Leikaschlüssel|Name|Name2|Updatedatum|ID-OD|Bezeichnung OD|Links";
constexpr std::size_t kFields = 8;
constexpr std::size_t kMaxReasons = 20;
constexpr std::string_view kRetiredPrefixes[] = {"Außer Kraft - ", "vorgesehen zum Löschen - "};
constexpr int kMaxJsonDepth = 64;

bool ValidUtf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        std::size_t len = 0;
        char32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            len = 2, cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            len = 3, cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            len = 4, cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xc0) != 0x80) return false;
            cp = (cp << 6) | (p[i + k] & 0x3f);
        }
        const char32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
        i += len;
    }
    return true;
}

std::vector<std::string_view> Split(std::string_view line, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == sep) {
            out.push_back(line.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

// Fields are never quoted in PVOG's CSV, but quotes inside them come doubled (""Zukunftszentren"").
// Control characters (a stray tab, a bidi override) are dropped: the text ends up on a public screen.
std::string CleanField(std::string_view field) {
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        const char c = field[i];
        if (c == '"' && i + 1 < field.size() && field[i + 1] == '"') ++i;
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) continue;
        out += c;
    }
    // U+202A..U+202E and U+2066..U+2069 (bidi embeddings/isolates): E2 80 AA..AE, E2 81 A6..A9.
    for (std::size_t pos = 0; (pos = out.find("\xE2", pos)) != std::string::npos;) {
        if (pos + 2 < out.size()) {
            const unsigned char b1 = static_cast<unsigned char>(out[pos + 1]);
            const unsigned char b2 = static_cast<unsigned char>(out[pos + 2]);
            if ((b1 == 0x80 && b2 >= 0xaa && b2 <= 0xae) || (b1 == 0x81 && b2 >= 0xa6 && b2 <= 0xa9)) {
                out.erase(pos, 3);
                continue;
            }
        }
        ++pos;
    }
    const auto first = out.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

bool IsHttpUrl(std::string_view uri) {
    if (uri.size() > 2048) return false;
    if (uri.rfind("https://", 0) != 0 && uri.rfind("http://", 0) != 0) return false;
    return std::none_of(uri.begin(), uri.end(),
                        [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; });
}

void AddLink(std::vector<Link>& links, Link link) {
    if (!IsHttpUrl(link.uri)) return;
    for (const auto& l : links)
        if (l.uri == link.uri) return;
    links.push_back(std::move(link));
}

std::string Str(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> Strings(const json& j, const char* key) {
    std::vector<std::string> out;
    const auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const auto& v : *it)
        if (v.is_string() && !v.get<std::string>().empty()) out.push_back(CleanField(v.get<std::string>()));
    return out;
}

std::vector<Link> Links(const json& j, const char* key) {
    std::vector<Link> out;
    const auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const auto& l : *it) {
        if (!l.is_object()) continue;
        AddLink(out, Link{CleanField(Str(l, "title")), Str(l, "uri")});
    }
    return out;
}

// A module's sub-details (a deadline's kind, a processing time's condition) become items under its text.
void AddSubDetails(Module& m, const json& sub) {
    if (!sub.is_array()) return;
    for (const auto& d : sub) {
        if (!d.is_object()) continue;
        const RichText title = HtmlToRichText(Str(d, "title"));
        const RichText text = HtmlToRichText(Str(d, "text"));
        std::string line = PlainText(title);
        const std::string value = PlainText(text);
        if (!value.empty() && line.find(value) == std::string::npos)
            line += (line.empty() ? "" : ": ") + value;
        if (!line.empty()) m.text.push_back(TextBlock{true, 0, line});
    }
}

}  // namespace

bool IsServiceId(std::string_view id) {
    return !id.empty() && id.size() <= 128 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
               c == '-' || c == '_';
    });
}

Result<ParsedCatalogue> ParseCatalogueCsv(std::string_view text) {
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.remove_prefix(3);
    ParsedCatalogue out;
    ImportReport& r = out.report;
    std::unordered_map<std::string, std::size_t> index;
    std::set<std::string> retired;
    auto skip = [&](std::size_t line_no, const std::string& why) {
        ++r.skipped;
        if (r.skip_reasons.size() < kMaxReasons)
            r.skip_reasons.push_back("line " + std::to_string(line_no) + ": " + why);
    };
    std::size_t line_no = 0;
    bool header_seen = false;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!header_seen) {
            if (line != kHeader) {
                return MakeError("pvog.csv_header", "the first line is not the PVOG catalogue header (" +
                                                        std::string(kHeader) + ")");
            }
            header_seen = true;
            continue;
        }
        if (line.empty()) continue;
        ++r.rows;
        if (!ValidUtf8(line)) {
            skip(line_no, "not valid UTF-8");
            continue;
        }
        const auto f = Split(line, '|');
        if (f.size() != kFields) {
            skip(line_no, std::to_string(f.size()) + " fields, expected " + std::to_string(kFields));
            continue;
        }
        const std::string id = CleanField(f[0]);
        if (!IsServiceId(id)) {
            skip(line_no, "ID-LB missing or not an id");
            continue;
        }
        std::string name = CleanField(f[2]);
        const std::string name2 = CleanField(f[3]);
        if (name.empty() && name2.empty()) {
            skip(line_no, "no name");
            continue;
        }
        bool is_retired = false;
        for (const auto prefix : kRetiredPrefixes) {
            if (name.rfind(prefix, 0) == 0 || name2.rfind(prefix, 0) == 0) is_retired = true;
        }
        if (is_retired || retired.count(id)) {
            retired.insert(id);
            continue;
        }
        const Link link{CleanField(f[6]), CleanField(f[7])};
        if (const auto it = index.find(id); it != index.end()) {
            ++r.merged_rows;
            AddLink(out.services[it->second].online_links, link);
            continue;
        }
        Service s;
        s.id = id;
        s.name = std::move(name);
        s.name2 = name2;
        for (const auto key : Split(f[1], ',')) {
            const std::string k = CleanField(key);
            if (!k.empty()) s.leika_keys.push_back(k);
        }
        s.updated = CleanField(f[4]);
        AddLink(s.online_links, link);
        index.emplace(id, out.services.size());
        out.services.push_back(std::move(s));
    }
    if (!header_seen) return MakeError("pvog.csv_header", "the catalogue is empty");
    // A service listed first as valid and later as retired is hidden too.
    std::erase_if(out.services, [&](const Service& s) { return retired.count(s.id) > 0; });
    r.retired = static_cast<int>(retired.size());
    r.services = static_cast<int>(out.services.size());
    return out;
}

Result<ServiceDetail> ParseServiceDetail(std::string_view json_text) {
    Result<json> parsed = ngsi::ParseJsonBounded(json_text, kMaxJsonDepth);
    if (!parsed) return MakeError("pvog.detail_json", parsed.error().message);
    const json& j = *parsed;
    if (!j.is_object()) return MakeError("pvog.detail_json", "not a JSON object");
    ServiceDetail d;
    d.id = Str(j, "id");
    if (!IsServiceId(d.id)) return MakeError("pvog.detail_json", "id missing or not a service id");
    d.name = CleanField(Str(j, "name"));
    d.language = Str(j, "languageCode");
    if (d.language.empty() || d.language.size() > 8) d.language = "de";
    d.available_languages = Strings(j, "availableLanguages");
    d.last_update = Str(j, "lastUpdate");
    d.synonyms = Strings(j, "synonyms");
    d.leika_keys = Strings(j, "leikakeys");
    d.online_links = Links(j, "onlineServiceLinks");
    if (const auto it = j.find("details"); it != j.end() && it->is_array()) {
        for (const auto& m : *it) {
            if (!m.is_object()) continue;
            // A placeholder module says "nicht angegeben": nothing a visitor should read.
            if (const auto p = m.find("placeholder"); p != m.end() && p->is_boolean() && p->get<bool>())
                continue;
            Module mod;
            mod.code = Str(m, "code");
            mod.title = CleanField(Str(m, "title"));
            mod.text = HtmlToRichText(Str(m, "text"));
            mod.links = Links(m, "links");
            if (const auto sub = m.find("details"); sub != m.end()) AddSubDetails(mod, *sub);
            if (mod.code.empty() || (mod.text.empty() && mod.links.empty())) continue;
            d.modules.push_back(std::move(mod));
        }
    }
    if (d.name.empty()) {
        if (const Module* m = d.Find("03")) d.name = PlainText(m->text);
    }
    return d;
}

json ServiceToJson(const Service& s) {
    json links = json::array();
    for (const auto& l : s.online_links) links.push_back({{"title", l.title}, {"uri", l.uri}});
    return json{{"id", s.id},           {"name", s.name}, {"name2", s.name2},       {"leika", s.leika_keys},
                {"updated", s.updated}, {"links", links}, {"synonyms", s.synonyms}, {"summary", s.summary}};
}

Result<Service> ServiceFromJson(const json& j) {
    if (!j.is_object()) return MakeError("pvog.stored", "catalogue entry is not an object");
    Service s;
    s.id = Str(j, "id");
    if (!IsServiceId(s.id)) return MakeError("pvog.stored", "catalogue entry without id");
    s.name = Str(j, "name");
    s.name2 = Str(j, "name2");
    s.leika_keys = Strings(j, "leika");
    s.updated = Str(j, "updated");
    s.online_links = Links(j, "links");
    s.synonyms = Strings(j, "synonyms");
    s.summary = Str(j, "summary");
    return s;
}

void MergeDetail(Service& s, const ServiceDetail& d) {
    for (const auto& syn : d.synonyms)
        if (std::find(s.synonyms.begin(), s.synonyms.end(), syn) == s.synonyms.end())
            s.synonyms.push_back(syn);
    if (const Module* m = d.Find(module::kSummary)) s.summary = PlainText(m->text);
    for (const auto& l : d.online_links) AddLink(s.online_links, l);
    if (s.leika_keys.empty()) s.leika_keys = d.leika_keys;
}

}  // namespace ck::svc
