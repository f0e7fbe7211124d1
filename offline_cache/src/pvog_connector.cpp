#include "offline_cache/pvog_connector.h"

#include <spdlog/spdlog.h>

#include <memory>

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

    Status PullDetails(Database& db, TimePoint now, PullOutcome& outcome) {
        auto stale = StalePvogDetails(db, settings_.ars, settings_.details_per_round);
        if (!stale) return stale.error();
        int logged = 0;
        for (const auto& [id, catalogue_updated] : *stale) {
            const std::string url = settings_.base_url + "/v5/servicedescriptions/" +
                                    UrlEncode(settings_.ars) + "/detail?q=" + UrlEncode(id);
            auto response = client_.Send(HttpRequest{"GET", url, {{"Accept", "application/json"}}, {}});
            if (!response) return response.error();
            if (IsRetryable(response->status)) return StatusError(response->status, "detail " + id);
            std::optional<PvogDetailRow> row;
            std::string reason;
            if (response->status != 200) {
                reason = "HTTP " + std::to_string(response->status);
            } else if (auto parsed = settings_.parse_detail(response->body); !parsed) {
                reason = parsed.error().message;
            } else if (parsed->id != id) {
                reason = "the answer describes another service";
            } else {
                row = std::move(*parsed);
            }
            if (!row) {
                // Remembered as fetched (an empty description) so one broken service cannot stall the others;
                // a new catalogue date tries it again.
                ++outcome.skipped;
                if (logged++ < kMaxLoggedSkips)
                    spdlog::warn("pvog: skipped the description of {}: {}", id, reason);
                row = PvogDetailRow{id, "de", "", catalogue_updated, "", now};
            }
            row->catalogue_updated = catalogue_updated;
            row->fetched = now;
            if (auto st = PutPvogDetails(db, {*row}); !st) return st;
            if (!row->json.empty()) ++outcome.stored;
        }
        return {};
    }

    HttpClient& client_;
    PvogSettings settings_;
    TimePoint catalogue_due_{};
};

}  // namespace

Connector MakePvogConnector(HttpClient& client, PvogSettings settings) {
    auto impl = std::make_shared<PvogConnector>(client, std::move(settings));
    Connector c;
    c.name = "pvog";
    c.pull = [impl](Database& db, TimePoint now) { return impl->Pull(db, now); };
    return c;
}

}  // namespace ck::cache
