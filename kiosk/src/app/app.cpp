#include "app/app.h"

#include <spdlog/spdlog.h>

#include <imgui.h>

#include <unistd.h>
#include <filesystem>

#include "app/admin_pin.h"
#include "app/counting_settings.h"
#include "app/idea_settings.h"
#include "app/sync_settings.h"
#include "offline_cache/content_cache.h"
#include "participation/text.h"

#include "locales/display_text.h"
#include "screens/screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ck::kiosk {
namespace {

ui::ThemeColours CityColours(const ThemeConfig& t) {
    ui::ThemeColours c{};
    auto put = [](unsigned char* out, const Rgb& in) { out[0] = in.r, out[1] = in.g, out[2] = in.b; };
    put(c.primary, t.primary);
    put(c.accent, t.accent);
    put(c.background, t.background);
    put(c.text, t.text);
    return c;
}

void DrawScreen(App& app) {
    switch (app.nav.current()) {
        case ScreenId::kAttract:
            DrawAttract(app);
            break;
        case ScreenId::kHome:
            DrawHome(app);
            break;
        case ScreenId::kServices:
            DrawServices(app);
            break;
        case ScreenId::kServiceDetail:
            DrawServiceDetail(app);
            break;
        case ScreenId::kIdeas:
            DrawIdeas(app);
            break;
        case ScreenId::kIdeaNew:
            DrawIdeaNew(app);
            break;
        case ScreenId::kIdeaReceipt:
            DrawIdeaReceipt(app);
            break;
        case ScreenId::kLive:
            DrawLive(app);
            break;
        case ScreenId::kPrivacy:
            DrawPrivacy(app);
            break;
        case ScreenId::kAdmin:
            DrawAdmin(app);
            break;
    }
}

std::vector<cache::CachedEntity> ToCached(const std::vector<nlohmann::json>& entities, TimePoint now) {
    std::vector<cache::CachedEntity> out;
    for (const auto& e : entities)
        out.push_back({e["id"].get<std::string>(), e["type"].get<std::string>(), e.dump(), now});
    return out;
}

// Opens the store. Demo mode gets a private temporary store seeded with the demo dataset, so the screens read
// demo content through exactly the same code as real content.
Status OpenStore(App& app) {
    const TimePoint now = AppNow(app);
    std::string path = app.options.config.database_path;
    if (app.options.demo) {
        path = (std::filesystem::temp_directory_path() /
                ("civic-kiosk-demo-" + std::to_string(getpid()) + ".db"))
                   .string();
        app.demo_db_path = path;
    }
    Result<cache::Database> db = cache::Database::Open(path);
    if (!db.ok()) return db.error();
    app.db.emplace(std::move(*db));
    if (app.options.demo) {
        if (Status s = cache::ReplaceEntities(*app.db, "CitizenIdea",
                                              ToCached(DemoIdeaEntities(app.options.config, now), now));
            !s.ok())
            return s;
        for (const auto& e : DemoLiveEntities(now)) {
            if (Status s = cache::UpsertEntity(*app.db, ToCached({e}, now).front()); !s.ok()) return s;
        }
    }
    return {};
}

// The admin PIN lives in the store as a hash. An older configuration's plain PIN is moved there once; the demo
// (a throwaway store) compares with its configured PIN instead, so no screenshot pays for PBKDF2.
void SetUpAdminPin(App& app) {
    const Config& c = app.options.config;
    if (app.options.demo) {
        app.admin_pin_set = true;
        return;
    }
    if (!app.db) return;
    Result<bool> migrated = MigratePlainPin(*app.db, c.admin_pin);
    if (!migrated) {
        spdlog::error("admin PIN: {}", migrated.error().message);
    } else if (*migrated) {
        spdlog::warn("kiosk.admin_pin in {} was plain text: it is now stored as a hash; remove it from the file",
                     c.source_path.empty() ? std::string("the configuration") : c.source_path);
    } else if (c.admin_pin != kFactoryAdminPin) {
        spdlog::warn("kiosk.admin_pin in {} is ignored (a PIN is stored); remove it from the file",
                     c.source_path.empty() ? std::string("the configuration") : c.source_path);
    }
    Result<bool> set = AdminPinIsSet(*app.db);
    app.admin_pin_set = set.ok() && *set;
    if (!app.admin_pin_set)
        spdlog::warn("no admin PIN is set: the admin screen stays locked until `civic-kiosk admin set-pin`");
}

// Live values come from the cached entities of the five live types.
void LoadLiveValues(App& app) {
    if (!app.db || app.options.demo) return;
    app.content.live.clear();
    for (const char* type : {"WeatherObserved", "OffStreetParking", "AirQualityObserved", "WaterObserved",
                             "CrowdFlowObserved"}) {
        auto entities = cache::ListEntities(*app.db, type);
        if (!entities.ok()) continue;
        for (const auto& e : *entities) {
            nlohmann::json j = nlohmann::json::parse(e.json, nullptr, false);
            if (auto v = od::ParseLiveEntity(j); v.ok()) app.content.live.push_back(*v);
        }
    }
}

}  // namespace

App::~App() {
    if (counter) counter->Stop();
    if (sync) sync->Stop();
    db.reset();
    if (!demo_db_path.empty()) {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(demo_db_path + suffix, ec);
    }
}

cache::Database* StoreOf(App& app) {
    return app.db ? &*app.db : nullptr;
}

TimePoint AppNow(const App& app) {
    return FromUnixMs(static_cast<std::int64_t>(app.now_s * 1000));
}

Result<std::unique_ptr<App>> CreateApp(AppOptions options) {
    auto app = std::make_unique<App>();
    app->options = std::move(options);
    Result<loc::CatalogueSet> cats = loc::LoadCatalogues();
    if (!cats.ok()) return cats.error();
    app->catalogues = std::move(*cats);
    // The city's zone, not the machine's: the clock, "as of" times and screenshots read the same everywhere.
    if (Status s = loc::SetProcessTimeZone(app->options.config.time_zone); !s.ok()) {
        return MakeError("config.invalid", "city.time_zone: " + s.error().message);
    }
    app->loc = std::make_unique<loc::Localizer>(app->catalogues);
    Result<loc::FontFiles> fonts = loc::FindUiFonts();
    if (!fonts.ok()) return fonts.error();
    app->font_files = *fonts;
    App* raw = app.get();
    app->frame.display_text = [raw](std::string_view text) {
        return std::string(raw->display_cache.Get(text));
    };
    app->idle.timeout_s = app->options.config.idle_timeout_s;
    app->idle.warning_s = app->options.config.idle_warning_s;
    app->now_s = app->options.fixed_clock_unix_s.value_or(static_cast<double>(ToUnixMs(Now())) / 1000.0);
    if (app->options.demo) {
        app->content = DemoContent(FromUnixMs(static_cast<std::int64_t>(app->now_s * 1000)));
    }
    Result<part::IdeaSettings> settings = IdeaSettingsFromConfig(app->options.config);
    if (!settings.ok()) return settings.error();
    app->idea_settings = std::move(*settings);
    // The demo shows the map too, but only over districts it was drawn for (a city's own district list
    // without a configured map gets no map rather than Herne's).
    if (app->options.demo && !part::HasMap(app->idea_settings.map))
        app->idea_settings.map = DemoDistrictMap(app->options.config);
    if (Status s = OpenStore(*app); !s.ok()) {
        // The kiosk still shows what needs no store; ideas say they are unavailable.
        spdlog::error("store unavailable: {}", s.error().message);
    }
    SetUpAdminPin(*app);
    if (app->options.start_workers && !app->options.demo && app->db) {
        const Config& c = app->options.config;
        if (!c.central.orion_url.empty() || !c.central.pvog_url.empty()) {
            app->sync = std::make_unique<cache::SyncWorker>(c.database_path, ToSyncSettings(c));
            if (Status s = app->sync->Start(); !s.ok()) {
                spdlog::error("sync worker not started: {}", s.error().message);
                app->sync.reset();
            }
        }
        if (c.counter.enabled) {
            // A counter that cannot start never takes the kiosk down: the visitor screens work without it.
            auto counter = counting::CountingService::Start(ToCountingSettings(c));
            if (counter.ok()) {
                app->counter = std::move(*counter);
            } else {
                spdlog::error("passer-by counter not started: {}", counter.error().message);
            }
        }
    }
    app->services = LoadServicesCatalogue(app->db ? &*app->db : nullptr, app->options.config, app->options.demo);
    ResetSession(*app);
    return app;
}

void ApplyLanguage(App& app, const std::string& tag) {
    if (Status s = app.loc->SetLanguage(tag); !s.ok()) {
        spdlog::warn("language {} not available: {}", tag, s.error().message);
        return;
    }
    app.session.language = tag;
    app.frame.rtl = app.loc->direction() == loc::Direction::kRtl;
    app.display_cache.SetDirection(app.loc->direction());
}

void ResetSession(App& app) {
    app.session = VisitorSession{};
    ResetSpeech(app);  // silence, default rate and volume, nothing left to repeat
    LoadLiveValues(app);
    // A catalogue the worker stored while the last visitor was here is taken between visitors: rebuilding the
    // index never interrupts someone typing.
    if (app.sync && app.sync->pulled_rounds() != app.services_seen_pulls) {
        app.services_seen_pulls = app.sync->pulled_rounds();
        if (auto fresh = LoadServicesCatalogue(app.db ? &*app.db : nullptr, app.options.config, app.options.demo)) {
            app.services = std::move(fresh);
        }
    }
    const std::string lang =
        app.options.language.empty() ? app.options.config.default_language : app.options.language;
    ApplyLanguage(app, lang);
    app.fonts_dirty = true;  // large text off again
    app.frame.theme = ui::MakeTheme(CityColours(app.options.config.theme), false);
    app.frame.gesture = ui::Gesture{};
    app.idle.Disarm();
    app.nav.Reset();
    app.nav.ApplyPending();
    if (app.options.start_screen) {
        if (*app.options.start_screen != ScreenId::kAttract && *app.options.start_screen != ScreenId::kHome) {
            app.nav.Push(ScreenId::kHome);
            app.nav.ApplyPending();
        }
        app.nav.Push(*app.options.start_screen);
        app.nav.ApplyPending();
        // A screen opened directly (screenshots, tests) holds what the tap leading to it would have loaded.
        if (*app.options.start_screen == ScreenId::kIdeas) RefreshIdeaList(app.session.ideas, StoreOf(app));
        if (*app.options.start_screen == ScreenId::kIdeaNew)
            OpenIdeaWizard(app.session.ideas, StoreOf(app), app.idea_settings, AppNow(app));
    }
}

void BuildFrame(App& app, float width, float height, float delta_s) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = delta_s > 0 ? delta_s : 1.0f / 60.0f;
    ui::UiFrame& f = app.frame;
    f.layout = ui::ComputeLayout(io.DisplaySize, app.session.large_text ? 1.3f : 1.0f);
    f.delta_s = io.DeltaTime;
    f.time_s = app.now_s;
    f.trace.clear();
    f.wants_animation = false;
    f.theme = ui::MakeTheme(CityColours(app.options.config.theme), app.session.high_contrast);
    ui::ApplyImGuiStyle(f.theme, f.layout.scale);

    ImGui::NewFrame();
    ui::BeginGestureFrame();
    SpeechFrameStart(app);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("##screen", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PushFont(f.fonts.body);
    DrawScreen(app);
    ImGui::PopFont();
    // The counter's preview exists only while the admin screen shows it.
    if (app.counter && app.nav.current() != ScreenId::kAdmin) app.counter->SetPreviewEnabled(false);
    ImGui::End();
    ImGui::PushFont(f.fonts.body);
    DrawOverlays(app);
    ImGui::PopFont();
    ui::DrawExploreFocus();
    ImGui::Render();
    SpeechFrameEnd(app);
    // Typed text belongs to this frame's focused field; whatever no field took is dropped, not kept for
    // later.
    app.typed_text.clear();
    app.typed_backspaces = 0;
    // Screen changes requested while drawing take effect now, before the next frame starts.
    if (app.nav.ApplyPending()) {
        f.gesture.fling_owner = 0;
        ui::ClearExploreFocus(app.frame.explore);  // the element named on the last screen is gone
    }
}

void TickSession(App& app, bool had_input) {
    if (had_input && app.idle.armed) app.idle.Touch(app.now_s);
    if (app.idle.Phase(app.now_s) == IdlePhase::kExpired) {
        spdlog::info("visitor session reset after {} s without input", app.idle.timeout_s);
        ResetSession(app);
    }
}

bool WantsAnimation(const App& app) {
    return app.frame.wants_animation || app.nav.has_pending();
}

}  // namespace ck::kiosk
