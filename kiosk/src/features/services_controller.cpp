#include "features/services_controller.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "services/catalogue_store.h"

namespace ck::kiosk {
namespace {

const std::vector<svc::Link> kNoLinks;

std::optional<std::size_t> FindService(const ServicesCatalogue& catalogue, const std::string& id) {
    const auto& s = catalogue.index.services;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i].id == id) return i;
    return std::nullopt;
}

void ApplyDetail(ServicesState& state, std::optional<svc::ServiceDetail> detail,
                 const std::string& language) {
    state.detail = std::move(detail);
    state.detail_language_differs = state.detail && state.detail->language != language;
    if (state.detail && state.service) svc::MergeDetail(*state.service, *state.detail);
}

// "https://www.herne.de/termine" -> "https://www.herne.de": the demo's online services hang below the city's
// own site, taken from the configured appointment address.
std::string WebsiteOf(const std::string& url) {
    const auto scheme = url.find("://");
    if (scheme == std::string::npos) return {};
    return url.substr(0, url.find('/', scheme + 3));
}

}  // namespace

std::shared_ptr<const ServicesCatalogue> LoadServicesCatalogue(cache::Database* db, const Config& config,
                                                               bool demo) {
    auto catalogue = std::make_shared<ServicesCatalogue>();
    catalogue->ars = config.ServicesArs();
    catalogue->demo = demo;
    if (demo) {
        svc::DemoData data = svc::DemoCatalogue(config.city_name, WebsiteOf(config.services.appointment_url));
        catalogue->index = svc::BuildSearchIndex(std::move(data.services));
        catalogue->embedded_details = std::move(data.details);
    } else {
        if (!db) return nullptr;
        auto services = svc::LoadCatalogue(*db, catalogue->ars);
        if (!services.ok()) {
            spdlog::error("services: cannot read the catalogue: {}", services.error().message);
            return nullptr;
        }
        if (services->empty()) return nullptr;
        catalogue->index = svc::BuildSearchIndex(std::move(*services));
    }
    for (const auto& situation : config.services.life_situations)
        catalogue->situations.push_back(ServicesForSituation(*catalogue, situation));
    catalogue->most_asked = MostAsked(*catalogue, config.services);
    return catalogue;
}

void UpdateSearch(const ServicesCatalogue& catalogue, ServicesState& state, std::size_t limit) {
    if (state.query == state.searched) return;
    state.searched = state.query;
    state.hits = svc::Search(catalogue.index, state.query, limit);
}

std::vector<std::size_t> ServicesForSituation(const ServicesCatalogue& catalogue,
                                              const LifeSituationConfig& situation) {
    std::vector<std::size_t> out;
    const auto& services = catalogue.index.services;
    for (std::size_t i = 0; i < services.size(); ++i) {
        const svc::Service& s = services[i];
        bool match = std::find(situation.ids.begin(), situation.ids.end(), s.id) != situation.ids.end();
        for (const auto& key : s.leika_keys) {
            for (const auto& prefix : situation.leika) match = match || key.rfind(prefix, 0) == 0;
        }
        if (match) out.push_back(i);
    }
    return out;
}

std::vector<std::size_t> MostAsked(const ServicesCatalogue& catalogue, const ServicesConfig& config) {
    std::vector<std::size_t> out;
    for (const auto& id : config.most_asked)
        if (auto i = FindService(catalogue, id)) out.push_back(*i);
    return out;
}

void ChooseSituation(ServicesState& state, int situation) {
    state.situation = state.situation == situation ? -1 : situation;
    state.browse_ready = false;
}

void UpdateBrowse(const ServicesCatalogue& catalogue, ServicesState& state, std::size_t limit) {
    if (state.browse_ready) return;
    state.browse_ready = true;
    if (state.situation >= 0 && static_cast<std::size_t>(state.situation) < catalogue.situations.size()) {
        state.browse = catalogue.situations[static_cast<std::size_t>(state.situation)];
    } else {
        state.browse = catalogue.most_asked;
        // A small catalogue (the demo) is simply listed; a real one is searched.
        if (state.browse.empty() && catalogue.index.services.size() <= limit) {
            for (std::size_t i = 0; i < catalogue.index.services.size(); ++i) state.browse.push_back(i);
        }
    }
    if (state.browse.size() > limit) state.browse.resize(limit);
}

void OpenService(cache::Database* db, const ServicesCatalogue& catalogue, ServicesState& state,
                 const std::string& id, const std::string& language) {
    state.selected_id = id;
    state.service.reset();
    state.detail.reset();
    state.detail_language_differs = false;
    state.link_choice = 0;
    state.legal_open = false;
    if (const auto i = FindService(catalogue, id)) state.service = catalogue.index.services[*i];
    RefreshDetail(db, catalogue, state, language);
}

void RefreshDetail(cache::Database* db, const ServicesCatalogue& catalogue, ServicesState& state,
                   const std::string& language) {
    if (state.selected_id.empty() || state.detail) return;
    if (catalogue.demo) {
        for (const auto& d : catalogue.embedded_details)
            if (d.id == state.selected_id) return ApplyDetail(state, d, language);
        return;
    }
    if (!db) return;
    auto detail = svc::LoadDetail(*db, state.selected_id, language);
    if (!detail.ok()) {
        spdlog::warn("services: cannot read a service description: {}", detail.error().message);
        return;
    }
    ApplyDetail(state, std::move(*detail), language);
}

const std::vector<svc::Link>& HandOffLinks(const ServicesState& state) {
    // The catalogue entry already holds the description's links too (MergeDetail).
    if (state.service) return state.service->online_links;
    return state.detail ? state.detail->online_links : kNoLinks;
}

}  // namespace ck::kiosk
