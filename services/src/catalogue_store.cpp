#include "services/catalogue_store.h"

#include <spdlog/spdlog.h>

#include <map>
#include <set>

#include "offline_cache/pvog_store.h"

namespace ck::svc {
namespace {

constexpr std::size_t kMaxReasons = 20;

cache::PvogServiceRow ToRow(const Service& s) {
    return cache::PvogServiceRow{
        s.id, s.updated, ServiceToJson(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

}  // namespace

Result<FileImportReport> ImportFiles(cache::Database& db, const std::string& ars, std::string_view csv,
                                     const std::vector<DetailFile>& details) {
    auto parsed = ParseCatalogueCsv(csv);
    if (!parsed) return parsed.error();
    FileImportReport report;
    report.catalogue = parsed->report;
    std::vector<cache::PvogServiceRow> rows;
    std::map<std::string, std::string> updated;
    for (const auto& s : parsed->services) {
        rows.push_back(ToRow(s));
        updated[s.id] = s.updated;
    }
    if (rows.empty()) return MakeError("pvog.empty", "the catalogue has no usable service");
    std::vector<cache::PvogDetailRow> detail_rows;
    for (const auto& f : details) {
        auto d = ParseServiceDetail(f.text);
        std::string reason;
        if (!d) {
            reason = d.error().message;
        } else if (!updated.count(d->id)) {
            reason = d->id + " is not in the catalogue";
        }
        if (!reason.empty()) {
            ++report.details_skipped;
            if (report.detail_skip_reasons.size() < kMaxReasons)
                report.detail_skip_reasons.push_back(f.name + ": " + reason);
            continue;
        }
        detail_rows.push_back(
            cache::PvogDetailRow{d->id, d->language, d->last_update, updated[d->id], f.text, Now(), {}});
    }
    if (auto st = cache::ReplacePvogCatalogue(db, ars, rows); !st) return st.error();
    if (auto st = cache::PutPvogDetails(db, detail_rows); !st) return st.error();
    report.details = static_cast<int>(detail_rows.size());
    return report;
}

Result<std::vector<Service>> LoadCatalogue(cache::Database& db, const std::string& ars) {
    auto rows = cache::LoadPvogCatalogue(db, ars);
    if (!rows) return rows.error();
    auto details = cache::ListPvogDetails(db, "de");
    if (!details) return details.error();
    std::map<std::string, ServiceDetail> by_id;
    for (const auto& r : *details) {
        if (r.json.empty()) continue;
        if (auto d = ParseServiceDetail(r.json)) by_id.emplace(d->id, std::move(*d));
    }
    std::vector<Service> out;
    int broken = 0;
    for (const auto& r : *rows) {
        auto s = ServiceFromJson(nlohmann::json::parse(r.json, nullptr, false));
        if (!s) {
            ++broken;
            continue;
        }
        if (const auto it = by_id.find(s->id); it != by_id.end()) MergeDetail(*s, it->second);
        out.push_back(std::move(*s));
    }
    if (broken > 0) spdlog::warn("services: {} stored catalogue entries could not be read", broken);
    return out;
}

Result<std::optional<ServiceDetail>> LoadDetail(cache::Database& db, const std::string& id,
                                                const std::string& language) {
    for (const std::string& lang : {language, std::string("de")}) {
        auto row = cache::GetPvogDetail(db, id, lang);
        if (!row) return row.error();
        if (!*row || (*row)->json.empty()) continue;
        auto d = ParseServiceDetail((*row)->json);
        if (d) return std::optional<ServiceDetail>(std::move(*d));
    }
    return std::optional<ServiceDetail>();
}

cache::PvogSettings MakePvogSettings(std::string base_url, std::string ars, double catalogue_interval_s,
                                     std::size_t details_per_round) {
    cache::PvogSettings s;
    s.base_url = std::move(base_url);
    s.ars = std::move(ars);
    s.catalogue_interval_s = catalogue_interval_s;
    s.details_per_round = details_per_round;
    s.parse_catalogue = [](const std::string& csv) -> Result<cache::PvogParsedCatalogue> {
        auto parsed = ParseCatalogueCsv(csv);
        if (!parsed) return parsed.error();
        for (const auto& reason : parsed->report.skip_reasons)
            spdlog::warn("pvog: skipped catalogue {}", reason);
        cache::PvogParsedCatalogue out;
        for (const auto& s : parsed->services) out.rows.push_back(ToRow(s));
        out.skipped = parsed->report.skipped;
        return out;
    };
    s.parse_detail = [](const std::string& json) -> Result<cache::PvogDetailRow> {
        auto d = ParseServiceDetail(json);
        if (!d) return d.error();
        return cache::PvogDetailRow{d->id, d->language, d->last_update, "", json, {}, d->available_languages};
    };
    return s;
}

}  // namespace ck::svc
