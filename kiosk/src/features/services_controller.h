// The services feature apart from its screens: the catalogue snapshot (loaded from the store once, or the
// embedded demo data), the search on each keystroke (in memory, never SQL), the browse lists (most asked,
// life situations) and opening a service's detail. The screens draw ServicesState and call these.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/config.h"
#include "offline_cache/database.h"
#include "services/catalogue.h"
#include "services/search.h"

namespace ck::kiosk {

// Immutable once built: shared by every visitor session until a new catalogue replaces it.
struct ServicesCatalogue {
    svc::SearchIndex index;
    std::vector<svc::ServiceDetail> embedded_details;  // demo mode: the details live in memory
    std::string ars;
    bool demo = false;
    // Computed once with the index, for the configuration it was loaded with (browsing costs nothing per
    // frame).
    std::vector<std::vector<std::size_t>> situations;  // per config.services.life_situations entry
    std::vector<std::size_t> most_asked;
};

// One visitor's state on the services and service-detail screens.
struct ServicesState {
    std::string query;
    bool keyboard_open = false;
    std::string searched;  // the query `hits` belong to
    std::vector<svc::SearchHit> hits;
    int situation = -1;               // index into config.services.life_situations; -1 = none chosen
    std::vector<std::size_t> browse;  // what the list shows without a query (services indices)
    bool browse_ready = false;
    std::string selected_id;
    std::optional<svc::Service> service;       // catalogue data of the open service: shown at once
    std::optional<svc::ServiceDetail> detail;  // its description, once cached
    bool detail_language_differs = false;      // the description is not in the visitor's language
    std::size_t link_choice = 0;               // which online service the QR shows
    bool legal_open = false;
    std::int64_t detail_seen_pulls = 0;  // the sync worker's pulled_rounds() when the detail was looked up
    std::int64_t detail_asked_rounds = -1;  // the worker's rounds() when the description was asked for
};

// Loads the catalogue of config.ServicesArs() from the store with what the cached descriptions add, or the
// embedded demo catalogue. Null when the store has none.
std::shared_ptr<const ServicesCatalogue> LoadServicesCatalogue(cache::Database* db, const Config& config,
                                                               bool demo);

// Called every frame with the current query: searches only when the query changed since the last search.
void UpdateSearch(const ServicesCatalogue& catalogue, ServicesState& state, std::size_t limit = 50);
// The list without a query: the chosen life situation's services, else the most asked ones that exist, else
// the catalogue's first entries. Computed once per change (ChooseSituation resets it).
void UpdateBrowse(const ServicesCatalogue& catalogue, ServicesState& state, std::size_t limit = 40);
void ChooseSituation(ServicesState& state, int situation);
// Services of a life situation (LeiKa key prefixes or ids), in catalogue order.
std::vector<std::size_t> ServicesForSituation(const ServicesCatalogue& catalogue,
                                              const LifeSituationConfig& situation);
// The configured most asked services that the catalogue has, in the configured order.
std::vector<std::size_t> MostAsked(const ServicesCatalogue& catalogue, const ServicesConfig& config);

// Opens a service: its catalogue entry at once, its description from the store (one read, now) or the
// embedded data; the visitor's language when the description has it, else German and a note.
void OpenService(cache::Database* db, const ServicesCatalogue& catalogue, ServicesState& state,
                 const std::string& id, const std::string& language);
// Looks for the open service's description again (after the sync worker stored new content).
void RefreshDetail(cache::Database* db, const ServicesCatalogue& catalogue, ServicesState& state,
                   const std::string& language);

// The links the QR hand-off offers: the service's online services, or none.
const std::vector<svc::Link>& HandOffLinks(const ServicesState& state);

}  // namespace ck::kiosk
