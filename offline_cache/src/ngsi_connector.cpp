#include "offline_cache/ngsi_connector.h"

#include <spdlog/spdlog.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "ngsi/entity.h"
#include <span>
#include <unordered_map>

#include "core/quote.h"
#include "offline_cache/content_cache.h"

namespace ck::cache {
namespace {

using nlohmann::json;

constexpr int kMaxJsonDepth = 64;
constexpr int kMaxLoggedSkips = 5;  // per pulled type and round; the rest are counted

bool IsRetryableStatus(long status) {
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

// Statuses that say "this entity is wrong" (so it goes dead alone). Anything else in 4xx (401, 403, 404,
// 405, 411, 415, ...) says the kiosk or its configuration is wrong (token, URL, proxy): retrying later is
// right, condemning every item would lose them all.
bool IsItemRejection(long status) {
    return status == 400 || status == 413 || status == 422;
}

std::string Printable(const std::string& text, std::size_t max_len) {
    std::string out;
    for (const char c : text) {
        if (out.size() >= max_len) {
            out += "...";
            break;
        }
        out += (c >= 0x20 && c < 0x7f) ? c : '?';
    }
    return out;
}

class NgsiConnector {
  public:
    NgsiConnector(HttpClient& client, NgsiSettings settings)
        : client_(client), settings_(std::move(settings)) {
        while (!settings_.base_url.empty() && settings_.base_url.back() == '/') settings_.base_url.pop_back();
    }

    PushOutcome Push(const std::vector<OutboxItem>& batch) {
        PushOutcome out;
        SendRange(std::span<const OutboxItem>(batch), out);
        return out;
    }

    Result<PullOutcome> Pull(Database& db, TimePoint now) {
        PullOutcome total;
        // Each type stands alone: live values must not go stale because the ideas pull failed.
        for (const auto& spec : settings_.pulls) {
            auto one = PullType(db, spec, now);
            if (!one) {
                total.failures.push_back(one.error());
                continue;
            }
            total.stored += one->stored;
            total.skipped += one->skipped;
        }
        return total;
    }

  private:
    std::vector<std::pair<std::string, std::string>> Headers(bool with_body) const {
        return NgsiHeaders(settings_.service, settings_.service_path, settings_.auth_token, with_body);
    }

    static std::string BuildBody(std::span<const OutboxItem> items) {
        std::string body = R"({"actionType":"append","entities":[)";
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i) body += ',';
            body += items[i].payload;  // validated as a JSON object at enqueue time
        }
        body += "]}";
        return body;
    }

    static void AddAll(std::span<const OutboxItem> items, std::vector<std::int64_t>& to) {
        for (const auto& item : items) to.push_back(item.seq);
    }

    void Split(std::span<const OutboxItem> items, PushOutcome& out) {
        const auto half = items.size() / 2;
        SendRange(items.first(half), out);
        SendRange(items.subspan(half), out);
    }

    // Sends items as one request, splitting it to find what the server rejects. Once a passing failure is
    // seen nothing more is sent this round: the rest of the batch waits for the retry.
    void SendRange(std::span<const OutboxItem> items, PushOutcome& out) {
        if (items.empty()) return;
        if (!out.transient_error.empty()) {
            AddAll(items, out.retry);
            return;
        }
        const std::string body = BuildBody(items);
        if (body.size() > settings_.max_body_bytes) {
            if (items.size() > 1) return Split(items, out);
            out.dead.emplace_back(items[0].seq, "entity of " + std::to_string(body.size()) +
                                                    " bytes exceeds the request limit of " +
                                                    std::to_string(settings_.max_body_bytes) + " bytes");
            return;
        }
        HttpRequest request{"POST", settings_.base_url + "/v2/op/update", Headers(true), body};
        auto response = client_.Send(request);
        ++out.requests;
        if (!response) {
            out.transient_error = response.error().message;
            out.transient_error_code = response.error().code;
            AddAll(items, out.retry);
            return;
        }
        const long status = response->status;
        if (status >= 200 && status <= 299) {
            AddAll(items, out.delivered);
            return;
        }
        if (IsItemRejection(status)) {
            if (items.size() > 1) return Split(items, out);
            out.dead.emplace_back(items[0].seq, DescribeServerError(status, response->body));
            return;
        }
        out.transient_error = DescribeServerError(status, response->body);
        out.transient_error_code = "http.status";
        if (IsRetryableStatus(status)) out.retry_after_s = response->RetryAfterSeconds();
        AddAll(items, out.retry);
    }

    Result<PullOutcome> PullType(Database& db, const NgsiPullSpec& spec, TimePoint now) {
        std::vector<CachedEntity> entities;
        std::unordered_map<std::string, std::size_t> index_by_id;
        PullOutcome outcome;
        EntityQuery query;
        query.base_url = settings_.base_url;
        query.headers = Headers(false);
        query.query = "type=" + UrlEncode(spec.type);
        if (!spec.q.empty()) query.query += "&q=" + UrlEncode(spec.q);
        query.page_limit = settings_.page_limit;
        query.max_entities = settings_.max_entities_per_type;
        query.what = spec.type;
        const Status fetched = ForEachPulledEntity(client_, query, [&](const json& entity) {
            std::string reason = ValidatePulledEntity(entity, settings_.max_entity_bytes);
            if (reason.empty() && entity["type"].get<std::string>() != spec.type) {
                reason = "type is not " + spec.type;
            }
            if (!reason.empty()) {
                if (outcome.skipped++ < kMaxLoggedSkips) {
                    spdlog::warn("ngsi: skipped a pulled {} entity: {}", Printable(spec.type, 64), reason);
                }
                return;
            }
            CachedEntity cached{entity["id"].get<std::string>(), spec.type,
                                entity.dump(-1, ' ', false, json::error_handler_t::replace), now};
            // Paging over a changing set can return an entity twice: the later copy wins.
            const auto [it, inserted] = index_by_id.emplace(cached.id, entities.size());
            if (inserted) {
                entities.push_back(std::move(cached));
            } else {
                entities[it->second] = std::move(cached);
            }
        });
        if (!fetched) return fetched.error();
        if (outcome.skipped > kMaxLoggedSkips) {
            spdlog::warn("ngsi: skipped {} pulled {} entities in total", outcome.skipped,
                         Printable(spec.type, 64));
        }
        if (auto st = ReplaceEntities(db, spec.type, entities); !st) return st.error();
        outcome.stored = static_cast<std::int64_t>(entities.size());
        return outcome;
    }

    HttpClient& client_;
    NgsiSettings settings_;
};

}  // namespace

std::vector<std::pair<std::string, std::string>> NgsiHeaders(const std::string& service,
                                                             const std::string& service_path,
                                                             const std::string& auth_token, bool with_body) {
    std::vector<std::pair<std::string, std::string>> h;
    if (with_body) h.emplace_back("Content-Type", "application/json");
    h.emplace_back("Accept", "application/json");
    if (!service.empty()) h.emplace_back("Fiware-Service", service);
    h.emplace_back("Fiware-ServicePath", service_path.empty() ? "/" : service_path);
    if (!auth_token.empty()) h.emplace_back("X-Auth-Token", auth_token);
    return h;
}

static std::string RepairUtf8(std::string text) {
    // Each invalid byte becomes U+FFFD, so one broken text does not make the whole page unreadable JSON.
    std::size_t from = 0;
    while (auto bad = FirstInvalidUtf8(std::string_view(text).substr(from))) {
        const std::size_t at = from + *bad;
        text.replace(at, 1, "\xEF\xBF\xBD");
        from = at + 3;
    }
    return text;
}

Status ForEachPulledEntity(HttpClient& client, const EntityQuery& query,
                           const std::function<void(const nlohmann::json&)>& on_entity) {
    std::size_t offset = 0;
    const std::size_t limit = static_cast<std::size_t>(std::clamp(query.page_limit, 1, 1000));
    const std::size_t max_pages = query.max_entities / limit + 2;
    for (std::size_t page = 0;; ++page) {
        if (page >= max_pages || offset > query.max_entities) {
            return MakeError("ngsi.too_many", query.what + ": more than " +
                                                  std::to_string(query.max_entities) +
                                                  " entities; cache left unchanged");
        }
        const std::string url = query.base_url + "/v2/entities?" + query.query +
                                "&limit=" + std::to_string(limit) + "&offset=" + std::to_string(offset) +
                                "&options=count";
        auto response = client.Send(HttpRequest{"GET", url, query.headers, {}});
        if (!response) return MakeError(response.error().code, query.what + ": " + response.error().message);
        if (response->status != 200) {
            return MakeError("http.status",
                             query.what + ": " + DescribeServerError(response->status, response->body));
        }
        Result<json> parsed = ngsi::ParseJsonBounded(response->body, kMaxJsonDepth);
        if (!parsed && query.repair_utf8 && FirstInvalidUtf8(response->body))
            parsed = ngsi::ParseJsonBounded(RepairUtf8(std::move(response->body)), kMaxJsonDepth);
        if (!parsed) return MakeError("ngsi.malformed", query.what + ": response " + parsed.error().message);
        const json& page_json = *parsed;
        if (!page_json.is_array()) {
            return MakeError("ngsi.malformed", query.what + ": response is not a JSON array of entities");
        }
        for (const auto& entity : page_json) on_entity(entity);
        offset += page_json.size();
        std::optional<std::size_t> total;
        if (const auto header = response->Header("fiware-total-count")) {
            if (!header->empty() && header->size() <= 9 &&
                header->find_first_not_of("0123456789") == std::string::npos) {
                total = static_cast<std::size_t>(std::stoul(*header));
            }
        }
        if (page_json.empty()) break;
        if (total ? offset >= *total : page_json.size() < limit) break;
    }
    return {};
}

std::string ValidatePulledEntity(const nlohmann::json& entity, std::size_t max_entity_bytes) {
    Result<ngsi::EntityView> view = ngsi::ParseEntity(entity);
    if (!view) return view.error().message;
    const std::size_t size = entity.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size();
    if (size > max_entity_bytes) {
        return "entity of " + std::to_string(size) + " bytes exceeds " + std::to_string(max_entity_bytes);
    }
    return {};
}

std::string DescribeServerError(long status, const std::string& body) {
    std::string text = "HTTP " + std::to_string(status);
    const auto parsed = nlohmann::json::parse(body.substr(0, 64 * 1024), nullptr, false);
    if (parsed.is_object()) {
        const auto error = parsed.find("error");
        const auto description = parsed.find("description");
        if (error != parsed.end() && error->is_string()) text += " " + error->get<std::string>();
        if (description != parsed.end() && description->is_string())
            text += ": " + description->get<std::string>();
    } else if (!body.empty() && parsed.is_discarded()) {
        text += ": " + body.substr(0, 200);
    }
    return Printable(text, 300);
}

Connector MakeNgsiConnector(HttpClient& client, NgsiSettings settings) {
    auto impl = std::make_shared<NgsiConnector>(client, settings);
    Connector c;
    c.name = "ngsi";
    c.max_batch_items = std::max(1, settings.max_batch_items);
    // Room for the envelope and the commas between entities.
    c.max_batch_bytes =
        settings.max_body_bytes > 4096 ? settings.max_body_bytes - 4096 : settings.max_body_bytes;
    c.push = [impl](const std::vector<OutboxItem>& batch) { return impl->Push(batch); };
    if (!settings.pulls.empty()) c.pull = [impl](Database& db, TimePoint now) { return impl->Pull(db, now); };
    return c;
}

}  // namespace ck::cache
