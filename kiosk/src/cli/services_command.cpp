// `civic-kiosk services import --csv F [--details DIR] [--config F]`: the offline set-up of the PVOG
// catalogue. `civic-kiosk services search QUERY [--lang TAG] [--limit N] [--json] [--config F]`: the kiosk's
// search, ranked with its scores, for operators checking what visitors will find.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/config.h"
#include "cli/commands.h"
#include "features/services_controller.h"
#include "services/catalogue_store.h"

namespace ck::kiosk {
namespace {

struct ImportOptions {
    std::string csv, details_dir, config_path;
};

struct SearchOptions {
    std::string query, language, config_path;
    int limit = 10;
    bool json = false;
    bool demo = false;
};

constexpr std::uintmax_t kMaxInputBytes = 64 * 1024 * 1024;

int Fail(int code, const std::string& message) {
    std::cerr << "civic-kiosk services: " << message << "\n";
    return code;
}

// A readable, non-empty regular file of sane size, or an error for the operator.
Result<std::string> ReadInput(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return MakeError("input", path.string() + ": not a readable file");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size == 0) return MakeError("input", path.string() + ": empty or unreadable");
    if (size > kMaxInputBytes) return MakeError("input", path.string() + ": larger than 64 MiB");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in.good() && !in.eof()) return MakeError("input", path.string() + ": cannot be read");
    return text.str();
}

int RunImport(const ImportOptions& o) {
    auto config = LoadConfigOrDefault(o.config_path);
    if (!config) return Fail(kExitUsage, config.error().message);
    auto csv = ReadInput(o.csv);
    if (!csv) return Fail(kExitInput, csv.error().message);
    std::vector<svc::DetailFile> details;
    if (!o.details_dir.empty()) {
        std::error_code ec;
        if (!std::filesystem::is_directory(o.details_dir, ec))
            return Fail(kExitInput, o.details_dir + ": not a folder");
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(o.details_dir, ec)) {
            if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
        }
        if (ec) return Fail(kExitInput, o.details_dir + ": " + ec.message());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            auto text = ReadInput(f);
            // An unreadable description is reported and skipped like a broken one; the catalogue still
            // imports.
            details.push_back({f.filename().string(), text ? *text : std::string()});
        }
    }
    auto db = cache::Database::Open(config->database_path);
    if (!db) return Fail(kExitFailure, db.error().message);
    auto report = svc::ImportFiles(*db, config->ServicesArs(), *csv, details);
    if (!report) {
        const bool bad_input =
            report.error().code == "pvog.csv_header" || report.error().code == "pvog.empty";
        return Fail(bad_input ? kExitInput : kExitFailure,
                    o.csv + ": " + report.error().message + " (the stored catalogue is unchanged)");
    }
    const svc::ImportReport& r = report->catalogue;
    std::cout << "imported " << r.services << " services for region " << config->ServicesArs() << " from "
              << r.rows << " rows: " << r.merged_rows
              << " rows merged (a service with several online services), " << r.retired
              << " retired services hidden, " << r.skipped << " malformed rows skipped\n";
    for (const auto& reason : r.skip_reasons) std::cout << "skipped " << reason << "\n";
    if (!o.details_dir.empty()) {
        std::cout << "descriptions: " << report->details << " imported, " << report->details_skipped
                  << " skipped\n";
        for (const auto& reason : report->detail_skip_reasons) std::cout << "skipped " << reason << "\n";
    }
    return kExitOk;
}

int RunSearch(const SearchOptions& o) {
    auto config = LoadConfigOrDefault(o.config_path);
    if (!config) return Fail(kExitUsage, config.error().message);
    if (!o.language.empty() && std::find(config->languages.begin(), config->languages.end(), o.language) ==
                                   config->languages.end()) {
        return Fail(kExitUsage,
                    "--lang " + o.language + ": not one of the kiosk's languages (locale.languages)");
    }
    std::optional<cache::Database> db;
    if (!o.demo) {
        auto opened = cache::Database::Open(config->database_path, cache::OpenMode::kReadOnly);
        if (!opened)
            return Fail(kExitFailure, opened.error().message +
                                          " (import a catalogue first: civic-kiosk services import --csv F)");
        db.emplace(std::move(*opened));
    }
    const auto catalogue = LoadServicesCatalogue(db ? &*db : nullptr, *config, o.demo);
    if (!catalogue) {
        return Fail(
            kExitFailure,
            "no service catalogue for region " + config->ServicesArs() +
                " in the store (civic-kiosk services import --csv F, or a sync with central.pvog_url)");
    }
    const auto hits = svc::Search(catalogue->index, o.query, static_cast<std::size_t>(o.limit));
    if (o.json) {
        nlohmann::json results = nlohmann::json::array();
        for (const auto& h : hits) {
            const svc::Service& s = catalogue->index.services[h.service];
            results.push_back(
                {{"id", s.id}, {"name", s.Title()}, {"score", h.score}, {"matched_words", h.matched_words}});
        }
        std::cout << nlohmann::json{{"results", results}}.dump(-1, ' ', false,
                                                               nlohmann::json::error_handler_t::replace)
                  << "\n";
        return kExitOk;
    }
    if (hits.empty()) std::cout << "no results for \"" << o.query << "\"\n";
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const svc::Service& s = catalogue->index.services[hits[i].service];
        std::cout << i + 1 << ". " << s.Title() << "  [" << s.id << "]  score " << hits[i].score << "\n";
    }
    return kExitOk;
}

}  // namespace

void RegisterServicesCommand(CLI::App& app, int* exit_code) {
    auto* cmd = app.add_subcommand("services", "The PVOG service catalogue: offline import and search");
    cmd->require_subcommand(1);

    auto import = std::make_shared<ImportOptions>();
    auto* imp =
        cmd->add_subcommand("import", "Import the catalogue CSV (and service descriptions) into the store");
    imp->add_option("--csv", import->csv, "PVOG catalogue CSV (servicedescriptions csv?ars=...)")
        ->check(NonEmptyPath())
        ->required();
    imp->add_option("--details", import->details_dir,
                    "Folder of service description JSON files (detail?q=...)")
        ->check(NonEmptyPath());
    imp->add_option("--config", import->config_path,
                    "Configuration file (default: built-in City of Herne settings)")
        ->check(NonEmptyPath());
    imp->callback([exit_code, import] { *exit_code = RunImport(*import); });

    auto search = std::make_shared<SearchOptions>();
    auto* sea =
        cmd->add_subcommand("search", "Search the stored catalogue as the kiosk does and print the ranking");
    sea->add_option("QUERY", search->query, "What a visitor would type")->required();
    sea->add_option("--lang", search->language, "Visitor language (de, en, ...)");
    sea->add_option("--limit", search->limit, "At most this many results")->check(CLI::Range(1, 1000));
    sea->add_flag("--json", search->json, R"(Print {"results":[{"id","name","score"},...]})");
    sea->add_flag("--demo", search->demo, "Search the embedded demo catalogue instead of the store");
    sea->add_option("--config", search->config_path,
                    "Configuration file (default: built-in City of Herne settings)")
        ->check(NonEmptyPath());
    sea->callback([exit_code, search] { *exit_code = RunSearch(*search); });
}

}  // namespace ck::kiosk
