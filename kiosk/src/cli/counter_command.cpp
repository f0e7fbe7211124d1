// `civic-kiosk counter line show|set|reset`: the counting lines for an installer working over SSH, the same
// as the admin screen's set-up on the preview (app/counter_lines.h): a line set here is stored in the kiosk's
// store under its configured name and wins over the configuration at the next start; a running kiosk takes
// it when its admin screen is opened or refreshed.
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "app/config.h"
#include "app/counter_lines.h"
#include "cli/commands.h"
#include "core/quote.h"
#include "hardware/frame_source.h"
#include "offline_cache/counter_health.h"

namespace ck::kiosk {
namespace {

struct LineArgs {
    std::string config, name, from, to;
    bool json = false;
};

// "x,y": two numbers.
std::optional<hw::Point2> ParsePoint(const std::string& text) {
    const std::size_t comma = text.find(',');
    if (comma == std::string::npos || text.size() > 64) return std::nullopt;
    auto number = [](const std::string& part) -> std::optional<double> {
        if (part.empty()) return std::nullopt;
        char* stop = nullptr;
        errno = 0;
        const double v = std::strtod(part.c_str(), &stop);
        if (stop != part.c_str() + part.size() || errno != 0 || !std::isfinite(v)) return std::nullopt;
        return v;
    };
    const auto x = number(text.substr(0, comma)), y = number(text.substr(comma + 1));
    if (!x || !y) return std::nullopt;
    return hw::Point2{*x, *y};
}

// The frame a line must fit: what the counter last opened (its saved health), else the video file's, else the
// size asked of the camera. Width 0: unknown (only the length and the 0..10000 range are checked).
std::pair<int, int> FrameSize(const Config& config, cache::Database& db) {
    if (auto health = cache::LoadCounterHealth(db); health && *health && (*health)->frame_width > 0)
        return {(*health)->frame_width, (*health)->frame_height};
    if (config.counter.source == "file") {
        hw::FrameSourceConfig source;
        source.kind = hw::FrameSourceConfig::Kind::kFile;
        source.path = config.counter.video_file;
        if (auto opened = hw::FrameSource::Open(source)) return {opened->width(), opened->height()};
        return {0, 0};
    }
    return {config.counter.width, config.counter.height};
}

struct Opened {
    Config config;
    cache::Database db;
};

// The configuration and the store, read-write, for `counter line <command>`; on failure the message is
// printed and *rc holds the exit code.
std::optional<Opened> OpenForWriting(const char* command, const std::string& config_path, int* rc) {
    auto config = LoadConfigOrDefault(config_path);
    if (!config) {
        std::cerr << "civic-kiosk counter line " << command << ": " << config.error().message << "\n";
        *rc = kExitUsage;
        return std::nullopt;
    }
    auto db = cache::Database::Open(config->database_path);
    if (!db) {
        std::cerr << "civic-kiosk counter line " << command << ": " << config->database_path << ": "
                  << db.error().message << "\n";
        *rc = kExitFailure;
        return std::nullopt;
    }
    return Opened{std::move(*config), std::move(*db)};
}

std::string Coordinates(const hw::Point2& p) {
    return std::to_string(static_cast<long long>(std::lround(p.x))) + "," +
           std::to_string(static_cast<long long>(std::lround(p.y)));
}

int RunShow(const LineArgs& args) {
    auto config = LoadConfigOrDefault(args.config);
    if (!config) {
        std::cerr << "civic-kiosk counter line show: " << config.error().message << "\n";
        return kExitUsage;
    }
    // A kiosk that never ran has no store: the configured lines are what it will count with.
    std::optional<cache::Database> db;
    if (std::filesystem::exists(config->database_path)) {
        auto opened = cache::Database::Open(config->database_path, cache::OpenMode::kReadOnly);
        if (!opened) {
            std::cerr << "civic-kiosk counter line show: " << config->database_path << ": "
                      << opened.error().message << "\n";
            return kExitFailure;
        }
        db.emplace(std::move(*opened));
    }
    auto lines = ActiveCounterLines(*config, db ? &*db : nullptr);
    if (!lines) {
        std::cerr << "civic-kiosk counter line show: " << lines.error().message << "\n";
        return kExitFailure;
    }
    if (args.json) {
        nlohmann::json out = {{"lines", nlohmann::json::array()}};
        for (const auto& l : *lines) {
            nlohmann::json j = {{"name", l.name},
                                {"from", {std::lround(l.segment.a.x), std::lround(l.segment.a.y)}},
                                {"to", {std::lround(l.segment.b.x), std::lround(l.segment.b.y)}},
                                {"towards", l.towards_is_positive ? "positive" : "negative"},
                                {"source", l.set_on_kiosk ? "kiosk" : "configuration"}};
            if (l.set_on_kiosk) j["set_at"] = FormatIsoUtc(l.set_at);
            out["lines"].push_back(std::move(j));
        }
        std::cout << out.dump() << "\n";
        return kExitOk;
    }
    if (lines->empty()) std::cout << "no counting lines configured ([[counter.lines]])\n";
    for (const auto& l : *lines) {
        std::cout << l.name << ": " << Coordinates(l.segment.a) << " -> " << Coordinates(l.segment.b)
                  << ", towards = " << (l.towards_is_positive ? "positive" : "negative") << ", "
                  << (l.set_on_kiosk ? "set on the kiosk " + FormatIsoUtc(l.set_at)
                                     : std::string("configured"))
                  << "\n";
    }
    return kExitOk;
}

int RunSet(const LineArgs& args) {
    const auto from = ParsePoint(args.from), to = ParsePoint(args.to);
    if (!from || !to) {
        std::cerr << "civic-kiosk counter line set: --from and --to must be x,y (two numbers), got "
                  << QuoteInput(!from ? args.from : args.to) << "\n";
        return kExitUsage;
    }
    int rc = kExitOk;
    auto opened = OpenForWriting("set", args.config, &rc);
    if (!opened) return rc;
    const auto [width, height] = FrameSize(opened->config, opened->db);
    auto stored = SetCounterLine(opened->db, opened->config, args.name, {*from, *to}, width, height, Now());
    if (!stored) {
        std::cerr << "civic-kiosk counter line set: " << stored.error().message << "\n";
        return stored.error().code.rfind("counter.", 0) == 0 ? kExitUsage : kExitFailure;
    }
    std::cout << "line " << args.name << " set to " << Coordinates(stored->a) << " -> "
              << Coordinates(stored->b)
              << "; a running kiosk counts with it once its admin screen is opened or it restarts\n";
    return kExitOk;
}

int RunReset(const LineArgs& args) {
    int rc = kExitOk;
    auto opened = OpenForWriting("reset", args.config, &rc);
    if (!opened) return rc;
    if (Status st = ResetCounterLines(opened->db, opened->config); !st) {
        std::cerr << "civic-kiosk counter line reset: " << st.error().message << "\n";
        return kExitFailure;
    }
    std::cout << "the configured counting lines count again\n";
    return kExitOk;
}

void AddConfig(CLI::App* cmd, LineArgs& args) {
    cmd->add_option("--config", args.config, "Configuration file (default: built-in City of Herne settings)")
        ->check(NonEmptyPath());
}

}  // namespace

void RegisterCounterCommand(CLI::App& app, int* exit_code) {
    auto* counter = app.add_subcommand("counter", "The passer-by counter's set-up");
    counter->require_subcommand(1);
    auto* line = counter->add_subcommand("line", "The counting lines (camera pixels)");
    line->require_subcommand(1);
    auto args = std::make_shared<LineArgs>();

    auto* show = line->add_subcommand("show", "Each line, its ends and whether it was set on the kiosk");
    show->add_flag("--json", args->json, "One JSON object with a \"lines\" array");
    AddConfig(show, *args);
    show->callback([exit_code, args] { *exit_code = RunShow(*args); });

    auto* set =
        line->add_subcommand("set", "Move a configured line: stored in the kiosk's store, wins at start");
    set->add_option("--name", args->name, "The configured line's name")->required();
    set->add_option("--from", args->from, "End A as x,y")->required();
    set->add_option("--to", args->to, "End B as x,y")->required();
    AddConfig(set, *args);
    set->callback([exit_code, args] { *exit_code = RunSet(*args); });

    auto* reset =
        line->add_subcommand("reset", "Forget the lines set on the kiosk: the configured ones count");
    AddConfig(reset, *args);
    reset->callback([exit_code, args] { *exit_code = RunReset(*args); });
}

}  // namespace ck::kiosk
