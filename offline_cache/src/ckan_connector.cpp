#include "offline_cache/ckan_connector.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>
#include <set>

#include "ngsi/entity.h"
#include "offline_cache/live_store.h"

namespace ck::cache {
namespace {

using nlohmann::json;

constexpr int kMaxJsonDepth = 64;
constexpr int kMaxLoggedSkips = 5;

// Only what the kiosk shows is kept: a portal's package carries far more (extras, groups, tracking).
json Trim(const json& p) {
    json out = json::object();
    for (const char* key :
         {"id", "name", "title", "notes", "license_id", "license_title", "metadata_modified", "url"})
        if (p.contains(key) && p[key].is_string()) out[key] = p[key];
    if (p.contains("organization") && p["organization"].is_object()) {
        const json& org = p["organization"];
        out["organization"] = json::object();
        for (const char* key : {"name", "title"})
            if (org.contains(key) && org[key].is_string()) out["organization"][key] = org[key];
    }
    if (p.contains("resources") && p["resources"].is_array()) {
        out["resources"] = json::array();
        for (const auto& r : p["resources"])
            if (r.is_object() && r.contains("format") && r["format"].is_string())
                out["resources"].push_back(json{{"format", r["format"]}});
    }
    return out;
}

class CkanConnector {
  public:
    CkanConnector(HttpClient& client, CkanSettings settings)
        : client_(client), settings_(std::move(settings)) {
        while (!settings_.base_url.empty() && settings_.base_url.back() == '/') settings_.base_url.pop_back();
    }

    Result<PullOutcome> Pull(Database& db, TimePoint now) {
        std::vector<CkanRow> rows;
        std::set<std::string> ids;
        PullOutcome outcome;
        const std::size_t rows_per_page = static_cast<std::size_t>(std::clamp(settings_.page_size, 1, 1000));
        std::size_t start = 0;
        for (;;) {
            std::string url = settings_.base_url +
                              "/api/3/action/package_search?rows=" + std::to_string(rows_per_page) +
                              "&start=" + std::to_string(start);
            if (!settings_.organization.empty())
                url += "&fq=" + UrlEncode("organization:" + settings_.organization);
            auto response = client_.Send(HttpRequest{"GET", url, {{"Accept", "application/json"}}, {}});
            if (!response)
                return MakeError(response.error().code, "package_search: " + response.error().message);
            auto result = ParseCkanAnswer(response->status, response->body);
            if (!result) return MakeError(result.error().code, "package_search: " + result.error().message);
            const json& r = *result;
            if (!r.is_object() || !r.contains("results") || !r["results"].is_array() ||
                !r.contains("count") || !r["count"].is_number_unsigned()) {
                return MakeError("ckan.malformed", "package_search: result without count and results");
            }
            const std::size_t count = r["count"].get<std::size_t>();
            for (const auto& p : r["results"]) {
                const bool ok = p.is_object() && p.contains("id") && p["id"].is_string() &&
                                p.contains("name") && p["name"].is_string();
                json trimmed = ok ? Trim(p) : json();
                const std::string text =
                    ok ? trimmed.dump(-1, ' ', false, json::error_handler_t::replace) : "";
                if (!ok || text.size() > settings_.max_dataset_bytes) {
                    if (outcome.skipped++ < kMaxLoggedSkips)
                        spdlog::warn("ckan: skipped a dataset: {}", ok ? "too large" : "no id or name");
                    continue;
                }
                const std::string id = p["id"].get<std::string>();
                if (ids.insert(id).second) rows.push_back({id, text, now});
            }
            start += r["results"].size();
            if (r["results"].empty() || start >= count) break;
            if (rows.size() >= settings_.max_datasets || start >= settings_.max_datasets) {
                spdlog::warn("ckan: the portal lists {} datasets; the kiosk keeps the first {}", count,
                             settings_.max_datasets);
                break;
            }
        }
        if (rows.size() > settings_.max_datasets) rows.resize(settings_.max_datasets);
        if (auto st = ReplaceCkanDatasets(db, rows); !st) return st.error();
        outcome.stored = static_cast<std::int64_t>(rows.size());
        return outcome;
    }

  private:
    HttpClient& client_;
    CkanSettings settings_;
};

}  // namespace

Result<json> ParseCkanAnswer(long status, const std::string& body) {
    Result<json> parsed = ngsi::ParseJsonBounded(body, kMaxJsonDepth);
    if (!parsed || !parsed->is_object() || !parsed->contains("success") ||
        !(*parsed)["success"].is_boolean()) {
        if (status != 200) return MakeError("http.status", "HTTP " + std::to_string(status));
        return MakeError("ckan.malformed", "the answer is not a CKAN envelope");
    }
    const json& j = *parsed;
    if (j["success"].get<bool>() && status == 200) {
        if (!j.contains("result")) return MakeError("ckan.malformed", "success without a result");
        return j["result"];
    }
    std::string text = "HTTP " + std::to_string(status);
    if (j.contains("error") && j["error"].is_object()) {
        const json& e = j["error"];
        if (e.contains("__type") && e["__type"].is_string()) text += " " + e["__type"].get<std::string>();
        if (e.contains("message") && e["message"].is_string()) text += ": " + e["message"].get<std::string>();
        // Validation errors name the fields instead of a message: {"rows": ["Must be ..."]}.
        for (const auto& [field, v] : e.items()) {
            if (field == "__type" || field == "message" || !v.is_array() || v.empty() || !v[0].is_string())
                continue;
            text += ": " + field + ": " + v[0].get<std::string>();
        }
    }
    // Retried later like any server trouble when the server says so (5xx, 429); anything else is wrong data.
    const bool passing = status == 429 || status >= 500;
    std::string shown;
    for (const char c : text) {
        if (shown.size() >= 300) break;
        shown += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
    }
    return MakeError(passing ? "http.status" : "ckan.error", shown);
}

Connector MakeCkanConnector(HttpClient& client, CkanSettings settings) {
    const double interval = std::max(settings.interval_s, 60.0);
    auto impl = std::make_shared<CkanConnector>(client, std::move(settings));
    Connector c;
    c.name = "ckan";
    c.pull = [impl](Database& db, TimePoint now) { return impl->Pull(db, now); };
    c.pull_interval_s = interval;
    return c;
}

}  // namespace ck::cache
