#include "open_data.h"

#include <algorithm>
#include <cctype>

namespace ck::fake {
namespace {

using nlohmann::json;

constexpr int kCkanRowsMax = 1000;
constexpr int kCkanDatastoreDefaultLimit = 100;
constexpr int kCkanDatastoreMaxLimit = 32000;

HttpOut CkanOk(const std::string& action, json result) {
    return JsonOut(200, json{{"help", "/api/3/action/help_show?name=" + action},
                             {"success", true},
                             {"result", std::move(result)}});
}

HttpOut CkanError(int status, const std::string& type, json details) {
    json error = std::move(details);
    error["__type"] = type;
    return JsonOut(status, json{{"success", false}, {"error", error}});
}

HttpOut CkanValidation(const std::string& field, const std::string& message) {
    return CkanError(409, "Validation Error", json{{field, json::array({message})}});
}

std::string Lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// CKAN validates integers in the request; a bad one is a 409 Validation Error naming the field.
bool ParseInt(const std::string& text, int& out) {
    if (text.empty() || text.size() > 9 || !std::all_of(text.begin(), text.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) != 0;
        })) {
        return false;
    }
    out = std::stoi(text);
    return true;
}

bool PackageMatchesQ(const json& p, const std::string& q) {
    if (q.empty() || q == "*:*") return true;
    const std::string needle = Lower(q);
    for (const char* field : {"name", "title", "notes"}) {
        if (p.contains(field) && p[field].is_string() &&
            Lower(p[field].get<std::string>()).find(needle) != std::string::npos) {
            return true;
        }
    }
    return false;
}

// fq as "field:value" terms separated by spaces; tags and organization are looked up by name.
bool PackageMatchesFq(const json& p, const std::string& fq) {
    std::size_t pos = 0;
    while (pos < fq.size()) {
        const auto end = std::min(fq.find(' ', pos), fq.size());
        const std::string term = fq.substr(pos, end - pos);
        pos = end + 1;
        if (term.empty()) continue;
        const auto colon = term.find(':');
        if (colon == std::string::npos) continue;
        const std::string field = term.substr(0, colon);
        std::string value = term.substr(colon + 1);
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
            value = value.substr(1, value.size() - 2);
        bool ok = false;
        if (field == "tags" && p.contains("tags") && p["tags"].is_array()) {
            for (const auto& t : p["tags"]) ok = ok || (t.is_object() && t.value("name", "") == value);
        } else if (field == "organization" && p.contains("organization") && p["organization"].is_object()) {
            ok = p["organization"].value("name", "") == value;
        } else if (p.contains(field) && p[field].is_string()) {
            ok = p[field].get<std::string>() == value;
        }
        if (!ok) return false;
    }
    return true;
}

}  // namespace

HttpOut OpenDataStore::HandleCkan(const HttpIn& in) {
    const std::string prefix = "/api/3/action/";
    const std::string action = in.path.substr(prefix.size());
    if (action == "package_search") {
        int rows = 10;
        int start = 0;
        if (in.HasParam("rows") && !ParseInt(in.Param("rows"), rows))
            return CkanValidation("rows", "Invalid integer");
        if (in.HasParam("start") && !ParseInt(in.Param("start"), start)) {
            return CkanValidation("start", "Invalid integer");
        }
        if (rows > kCkanRowsMax) return CkanValidation("rows", "Must be less than or equal to 1000");
        json results = json::array();
        int count = 0;
        for (const auto& p : packages_) {
            if (!PackageMatchesQ(p, in.Param("q")) || !PackageMatchesFq(p, in.Param("fq"))) continue;
            if (count >= start && static_cast<int>(results.size()) < rows) results.push_back(p);
            ++count;
        }
        return CkanOk(
            action,
            json{{"count", count}, {"results", results}, {"sort", "score desc, metadata_modified desc"}});
    }
    if (action == "package_show") {
        if (!in.HasParam("id")) return CkanValidation("id", "Missing value");
        const std::string id = in.Param("id");
        for (const auto& p : packages_) {
            if (p.value("id", "") == id || p.value("name", "") == id) return CkanOk(action, p);
        }
        return CkanError(404, "Not Found Error", json{{"message", "Not found"}});
    }
    if (action == "datastore_search") {
        if (!in.HasParam("resource_id")) return CkanValidation("resource_id", "Missing value");
        const std::string id = in.Param("resource_id");
        auto it = datastores_.find(id);
        if (it == datastores_.end()) {
            return CkanError(404, "Not Found Error",
                             json{{"message", "Not found: Resource \"" + id + "\" was not found."}});
        }
        int limit = kCkanDatastoreDefaultLimit;
        int offset = 0;
        if (in.HasParam("limit") && !ParseInt(in.Param("limit"), limit))
            return CkanValidation("limit", "Invalid integer");
        if (in.HasParam("offset") && !ParseInt(in.Param("offset"), offset)) {
            return CkanValidation("offset", "Invalid integer");
        }
        limit = std::min(limit, kCkanDatastoreMaxLimit);
        const json& all = it->second.records;
        json page = json::array();
        for (std::size_t i = static_cast<std::size_t>(offset);
             i < all.size() && page.size() < static_cast<std::size_t>(limit); ++i) {
            page.push_back(all[i]);
        }
        return CkanOk(action, json{{"resource_id", id},
                                   {"fields", it->second.fields},
                                   {"records", page},
                                   {"total", all.size()},
                                   {"limit", limit},
                                   {"offset", offset}});
    }
    return CkanError(400, "Bad request", json{{"message", "Bad request - Action name not known: " + action}});
}

HttpOut OpenDataStore::HandlePvog(const HttpIn& in) {
    const std::string prefix = "/v5/servicedescriptions/";
    const std::string rest = in.path.substr(prefix.size());
    if (rest == "csv") {
        if (!in.HasParam("ars")) return JsonOut(400, json{{"error", "ars is required"}});
        auto it = pvog_csv_.find(in.Param("ars"));
        if (it == pvog_csv_.end()) return JsonOut(404, json{{"error", "no services for this ARS"}});
        HttpOut out;
        out.body = it->second;
        out.content_type = "text/csv; charset=utf-8";
        return out;
    }
    const std::string detail_suffix = "/detail";
    if (rest.size() > detail_suffix.size() &&
        rest.compare(rest.size() - detail_suffix.size(), detail_suffix.size(), detail_suffix) == 0) {
        const std::string ars = rest.substr(0, rest.size() - detail_suffix.size());
        if (!in.HasParam("q")) return JsonOut(400, json{{"error", "q is required"}});
        // Like the Suchdienst: the language asked for with Accept-Language where the description has it,
        // else German.
        const std::string language = in.Header("accept-language").substr(0, 2);
        auto it = pvog_detail_.find({ars, in.Param("q"), language});
        if (it == pvog_detail_.end()) it = pvog_detail_.find({ars, in.Param("q"), "de"});
        if (it == pvog_detail_.end()) return JsonOut(404, json{{"error", "service description not found"}});
        HttpOut out;
        out.body = it->second;
        return out;
    }
    return JsonOut(404, json{{"error", "not found"}});
}

void OpenDataStore::SetCkanPackage(json package) {
    const std::string id = package.value("id", "");
    for (auto& p : packages_) {
        if (p.value("id", "") == id) {
            p = std::move(package);
            return;
        }
    }
    packages_.push_back(std::move(package));
}

void OpenDataStore::SetCkanDatastore(const std::string& resource_id, json fields, json records) {
    datastores_[resource_id] =
        Datastore{std::move(fields), records.is_array() ? std::move(records) : json::array()};
}

void OpenDataStore::SetPvogCsv(const std::string& ars, std::string csv) {
    pvog_csv_[ars] = std::move(csv);
}

void OpenDataStore::SetPvogDetail(const std::string& ars, const std::string& service_id,
                                  std::string json_text, const std::string& language) {
    pvog_detail_[{ars, service_id, language}] = std::move(json_text);
}

void OpenDataStore::Clear() {
    packages_.clear();
    datastores_.clear();
    pvog_csv_.clear();
    pvog_detail_.clear();
}

}  // namespace ck::fake
