#include "offline_cache/pvog_connector.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>
#include <set>
#include <utility>

namespace ck::cache {
namespace {

constexpr int kMaxLoggedSkips = 5;

bool IsRetryable(long status) {
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

Error StatusError(long status, const std::string& what) {
    return MakeError(IsRetryable(status) ? "http.status" : "pvog.pull_failed",
                     what + ": HTTP " + std::to_string(status));
}

class PvogConnector {
  public:
    PvogConnector(HttpClient& client, PvogSettings settings)
        : client_(client), settings_(std::move(settings)) {
        while (!settings_.base_url.empty() && settings_.base_url.back() == '/') settings_.base_url.pop_back();
    }

    Result<PullOutcome> Pull(Database& db, TimePoint now) {
        PullOutcome outcome;
        if (catalogue_due_ <= now) {
            auto stored = PullCatalogue(db, outcome);
            if (!stored) return stored.error();
            catalogue_due_ = now + std::chrono::milliseconds(
                                       static_cast<std::int64_t>(settings_.catalogue_interval_s * 1000));
        }
        auto details = PullDetails(db, now, outcome);
        if (!details) return details.error();
        return outcome;
    }

    bool HasWishes() const { return settings_.wishes && !settings_.wishes->Empty(); }

  private:
    Status PullCatalogue(Database& db, PullOutcome& outcome) {
        const std::string url =
            settings_.base_url + "/v5/servicedescriptions/csv?ars=" + UrlEncode(settings_.ars);
        auto response = client_.Send(HttpRequest{"GET", url, {{"Accept", "text/csv"}}, {}});
        if (!response) return response.error();
        if (response->status != 200) return StatusError(response->status, "catalogue");
        auto parsed = settings_.parse_catalogue(response->body);
        // Not a catalogue, or one without a single usable service: the cached one stays.
        if (!parsed) return MakeError("pvog.malformed", "catalogue: " + parsed.error().message);
        if (parsed->rows.empty())
            return MakeError("pvog.malformed", "catalogue: no usable service in the answer");
        if (auto st = ReplacePvogCatalogue(db, settings_.ars, parsed->rows); !st) return st;
        outcome.stored += static_cast<std::int64_t>(parsed->rows.size());
        outcome.skipped += parsed->skipped;
        return {};
    }

    // Wished descriptions alone when a visitor waits for one; otherwise the next batch of stale ones.
    Status PullDetails(Database& db, TimePoint now, PullOutcome& outcome) {
        std::vector<std::pair<std::string, std::string>> todo;
        if (settings_.wishes) {
            for (const auto& id : settings_.wishes->Take()) {
                auto updated = StalePvogDetail(db, settings_.ars, id);
                if (!updated) return updated.error();
                const bool listed =
                    std::any_of(todo.begin(), todo.end(), [&](const auto& t) { return t.first == id; });
                if (*updated && !listed) todo.emplace_back(id, **updated);
            }
        }
        if (todo.empty()) {
            auto stale = StalePvogDetails(db, settings_.ars, settings_.details_per_round);
            if (!stale) return stale.error();
            todo = std::move(*stale);
        }
        int logged = 0;
        for (const auto& [id, catalogue_updated] : todo) {
            if (auto st = FetchDescriptions(db, id, catalogue_updated, now, outcome, logged); !st) return st;
        }
        return {};
    }

    struct Fetched {
        std::optional<PvogDetailRow> row;
        std::string reason;  // why there is no row
    };

    // One description in one language. A retryable failure is an error; any other failure is a reason.
    Result<Fetched> Fetch(const std::string& id, const std::string& language) {
        const std::string url = settings_.base_url + "/v5/servicedescriptions/" + UrlEncode(settings_.ars) +
                                "/detail?q=" + UrlEncode(id);
        HttpRequest request{"GET", url, {{"Accept", "application/json"}, {"Accept-Language", language}}, {}};
        auto response = client_.Send(request);
        if (!response) return response.error();
        if (IsRetryable(response->status)) return StatusError(response->status, "detail " + id);
        Fetched out;
        if (response->status != 200) {
            out.reason = "HTTP " + std::to_string(response->status);
        } else if (auto parsed = settings_.parse_detail(response->body); !parsed) {
            out.reason = parsed.error().message;
        } else if (parsed->id != id) {
            out.reason = "the answer describes another service";
        } else if (parsed->language != language) {
            out.reason = "asked for " + language + ", the answer is in " + parsed->language;
        } else {
            out.row = std::move(*parsed);
        }
        return out;
    }

    // The German description, then each translation it lists. Every answer is stored at once, so a visitor
    // waiting for it sees it as soon as the round ends, and nothing fetched is lost to a later failure.
    Status FetchDescriptions(Database& db, const std::string& id, const std::string& catalogue_updated,
                             TimePoint now, PullOutcome& outcome, int& logged) {
        auto german = Fetch(id, "de");
        if (!german) return german.error();
        std::vector<PvogDetailRow> rows;
        if (!german->row) {
            // Remembered as fetched (an empty description) so one broken service cannot stall the others;
            // a new catalogue date tries it again.
            ++outcome.skipped;
            if (logged++ < kMaxLoggedSkips)
                spdlog::warn("pvog: skipped the description of {}: {}", id, german->reason);
            rows.push_back(PvogDetailRow{id, "de", "", catalogue_updated, "", now, {}});
        } else {
            german->row->catalogue_updated = catalogue_updated;
            german->row->fetched = now;
            ++outcome.stored;
            rows.push_back(*german->row);
        }
        // Translations it lists are written as pending (an empty catalogue date) in the same transaction, so
        // a round cut short fetches them next time; translations it no longer lists are forgotten.
        std::vector<std::string> wanted;
        for (const auto& lang : settings_.translations) {
            const auto& listed = rows.front().available_languages;
            if (lang != "de" && std::find(listed.begin(), listed.end(), lang) != listed.end())
                wanted.push_back(lang);
        }
        if (auto st = DeletePvogTranslations(db, id); !st) return st;
        for (const auto& lang : wanted) rows.push_back(PvogDetailRow{id, lang, "", "", "", now, {}});
        if (auto st = PutPvogDetails(db, rows); !st) return st;

        for (const auto& lang : wanted) {
            auto translated = Fetch(id, lang);
            if (!translated) return translated.error();
            PvogDetailRow row{id, lang, "", catalogue_updated, "", now, {}};
            if (translated->row) {
                row = std::move(*translated->row);
                row.catalogue_updated = catalogue_updated;
                row.fetched = now;
                ++outcome.stored;
            } else if (logged++ < kMaxLoggedSkips) {
                // Kept as an empty translation for this catalogue date: the visitor gets German and a note.
                spdlog::warn("pvog: no {} description of {}: {}", lang, id, translated->reason);
            }
            if (auto st = PutPvogDetails(db, {row}); !st) return st;
        }
        return {};
    }

    HttpClient& client_;
    PvogSettings settings_;
    TimePoint catalogue_due_{};
};

}  // namespace

void PvogWishList::Add(std::string id) {
    std::lock_guard lock(mutex_);
    if (std::find(ids_.begin(), ids_.end(), id) == ids_.end()) ids_.push_back(std::move(id));
}

std::vector<std::string> PvogWishList::Take() {
    std::lock_guard lock(mutex_);
    return std::exchange(ids_, {});
}

bool PvogWishList::Empty() const {
    std::lock_guard lock(mutex_);
    return ids_.empty();
}

Connector MakePvogConnector(HttpClient& client, PvogSettings settings) {
    auto impl = std::make_shared<PvogConnector>(client, std::move(settings));
    Connector c;
    c.name = "pvog";
    c.pull = [impl](Database& db, TimePoint now) { return impl->Pull(db, now); };
    c.pull_wanted = [impl] { return impl->HasWishes(); };
    return c;
}

}  // namespace ck::cache
