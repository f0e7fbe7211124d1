#include "app/app.h"

#include <spdlog/spdlog.h>

#include <imgui.h>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>

#include "app/admin_pin.h"
#include "app/counter_lines.h"
#include "app/counting_settings.h"
#include "app/idea_settings.h"
#include "app/sync_settings.h"
#include "offline_cache/content_cache.h"
#include "participation/text.h"

#include "locales/display_text.h"
#include "screens/screens.h"
#include "ui/text_size.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ck::kiosk {
namespace {

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
        case ScreenId::kLiveDetail:
            DrawLiveDetail(app);
            break;
        case ScreenId::kDatasets:
            DrawDatasets(app);
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
        if (Status s = SeedDemoLive(*app.db, app.options.config, now); !s.ok()) return s;
    }
    return {};
}

// The admin PIN lives in the store as a hash. An older configuration's plain PIN is moved there once; the
// demo (a throwaway store) compares with its configured PIN instead, so no screenshot pays for PBKDF2.
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
        spdlog::warn(
            "kiosk.admin_pin in {} was plain text: it is now stored as a hash; remove it from the file",
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

// The live tiles' values from the store, with the platform's health (start, session reset, new pulls).
void LoadLiveValues(App& app) {
    app.live.platform_configured = !app.options.config.central.orion_url.empty() && !app.options.demo;
    LoadLive(app.live, StoreOf(app), app.options.config.live.tiles, AppNow(app));
    if (app.sync) app.live.seen_pulls = app.sync->pulled_rounds();
}

}  // namespace

ui::ThemeColours CityColours(const ThemeConfig& t) {
    ui::ThemeColours c{};
    auto put = [](unsigned char* out, const Rgb& in) { out[0] = in.r, out[1] = in.g, out[2] = in.b; };
    put(c.primary, t.primary);
    put(c.accent, t.accent);
    put(c.background, t.background);
    put(c.text, t.text);
    return c;
}

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
    app->city_colours = CityColours(app->options.config.theme);
    for (const std::string& change : ui::EnsureReadableCityColours(app->city_colours))
        spdlog::warn("{}", change);
    app->idle.timeout_s = app->options.config.idle_timeout_s;
    app->idle.warning_s = app->options.config.idle_warning_s;
    app->now_s = app->options.fixed_clock_unix_s.value_or(static_cast<double>(ToUnixMs(Now())) / 1000.0);
    app->started_s = app->now_s;
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
    if (app->options.track_runs && !app->options.demo && app->db) {
        Result<SafeMode> mode = BeginRun(*app->db, AppNow(*app));
        if (mode) {
            app->safe_mode = *mode;
        } else {
            spdlog::error("run history not kept: {}", mode.error().message);
        }
        if (app->safe_mode.active)
            spdlog::warn("safe mode: {}; the camera and remote content stay off until the next start",
                         app->safe_mode.reason);
    }
    if (app->options.start_workers && !app->options.demo && app->db) {
        const Config& c = app->options.config;
        if (!c.central.orion_url.empty() || !c.central.pvog_url.empty() || !c.central.ckan_url.empty()) {
            cache::SyncSettings settings = ToSyncSettings(c);
            if (app->safe_mode.active) {
                // Remote content may be what keeps crashing the kiosk: nothing is pulled, the outbox and
                // the heartbeat (which says "safe-mode") still go out.
                settings.pulls.clear();
                settings.pvog.base_url.clear();
                settings.live.tiles.clear();
                settings.ckan.base_url.clear();
                settings.safe_mode_reason = app->safe_mode.reason;
            }
            if (!settings.pvog.base_url.empty()) app->pvog_wishes = settings.pvog.wishes;
            app->sync = std::make_unique<cache::SyncWorker>(
                c.database_path, std::move(settings),
                app->options.worker_clock ? app->options.worker_clock : cache::SyncWorker::Clock(Now));
            if (app->options.heartbeats) app->sync->SetHeartbeat(app->options.heartbeats->Add("sync worker"));
            // Test-only: the watchdog test stalls the worker to see the feeding stop.
            if (const char* stall = std::getenv("CK_TEST_STALL_SYNC_S"))
                app->sync->SetTestStall(std::atof(stall));
            if (Status s = app->sync->Start(); !s.ok()) {
                spdlog::error("sync worker not started: {}", s.error().message);
                app->sync.reset();
                app->pvog_wishes.reset();
            }
        }
        if (c.counter.enabled && !app->safe_mode.active) {
            // A counter that cannot start never takes the kiosk down: the visitor screens work without it.
            counting::CountingSettings settings = ToCountingSettings(c);
            // A line set on the kiosk (admin screen, `counter line set`) wins over the configured one.
            if (auto active = ActiveCounterLines(c, &*app->db)) {
                UseActiveLines(settings, *active);
            } else {
                spdlog::warn("counter: lines set on the kiosk not read: {}", active.error().message);
            }
            if (app->options.heartbeats) settings.thread.heartbeat = app->options.heartbeats->Add("counter");
            auto counter = counting::CountingService::Start(std::move(settings));
            if (counter.ok()) {
                app->counter = std::move(*counter);
            } else {
                spdlog::error("passer-by counter not started: {}", counter.error().message);
            }
        }
    }
    app->services =
        LoadServicesCatalogue(app->db ? &*app->db : nullptr, app->options.config, app->options.demo);
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

void AskForServiceDetail(App& app, const std::string& id) {
    if (!app.sync || !app.pvog_wishes) return;
    app.pvog_wishes->Add(id);
    app.session.services.detail_asked_rounds = app.sync->rounds();
    app.sync->RequestRound();
}

bool AwaitsServiceDetail(const App& app) {
    const ServicesState& st = app.session.services;
    // The round running when it was asked may have missed the wish; the next one takes it. After that the
    // description is there or will not come (the service has none, or the worker is backing off).
    return app.sync && app.pvog_wishes && app.nav.current() == ScreenId::kServiceDetail && st.service &&
           !st.detail && st.detail_asked_rounds >= 0 && app.sync->rounds() < st.detail_asked_rounds + 2;
}

std::string PortalUrl(const App& app) {
    const std::string& url = app.options.config.central.ckan_url;
    return url.empty() && app.options.demo ? kDemoPortalUrl : url;
}

void RefreshLive(App& app) {
    LoadLiveValues(app);
}

void OpenFirstChart(App& app) {
    // The first value with a history (the screenshot of a chart); else the first value.
    std::size_t pick = 0;
    for (std::size_t i = 0; i < app.live.entries.size(); ++i)
        if (app.live.entries[i].history_points >= static_cast<std::int64_t>(od::kMinChartPoints)) {
            pick = i;
            break;
        }
    OpenTileDetail(app.live, StoreOf(app), pick, AppNow(app));
}

bool TickAttract(App& app) {
    if (app.nav.current() != ScreenId::kAttract) return false;
    if (app.now_s < app.live.next_rotation_s) return false;
    // New values from the worker are taken here, between visitors, at most once per rotation.
    if (app.sync && app.sync->pulled_rounds() != app.live.seen_pulls) LoadLiveValues(app);
    return AdvanceRotation(app.live, app.now_s);
}

void ResetSession(App& app) {
    app.session = VisitorSession{};
    ResetLiveView(app.live);
    ResetSpeech(app);  // silence, default rate and volume, nothing left to repeat
    LoadLiveValues(app);
    app.live.next_rotation_s = app.now_s + kAttractRotationS;
    // A catalogue the worker stored while the last visitor was here is taken between visitors: rebuilding the
    // index never interrupts someone typing.
    if (app.sync && app.sync->pulled_rounds() != app.services_seen_pulls) {
        app.services_seen_pulls = app.sync->pulled_rounds();
        if (auto fresh =
                LoadServicesCatalogue(app.db ? &*app.db : nullptr, app.options.config, app.options.demo)) {
            app.services = std::move(fresh);
        }
    }
    const std::string lang =
        app.options.language.empty() ? app.options.config.default_language : app.options.language;
    ApplyLanguage(app, lang);
    // Large text is off again: the loop rebuilds the atlas when that changes its scale, and only then.
    // Marking it dirty here rebuilt it after every visitor (about 0.25 s of CPU and a 40 MiB peak each time).
    app.session.large_text = app.options.large_text;
    app.session.high_contrast = app.options.high_contrast;
    app.frame.theme = ui::MakeTheme(app.city_colours, false);
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
        if (*app.options.start_screen == ScreenId::kLiveDetail) OpenFirstChart(app);
        if (*app.options.start_screen == ScreenId::kDatasets)
            LoadDatasets(app.live, StoreOf(app), PortalUrl(app));
    }
}

void BuildFrame(App& app, float width, float height, float delta_s) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = delta_s > 0 ? delta_s : 1.0f / 60.0f;
    ui::UiFrame& f = app.frame;
    f.layout = ui::ComputeLayout(io.DisplaySize, TextScale(app, io.DisplaySize));
    f.delta_s = io.DeltaTime;
    f.time_s = app.now_s;
    f.trace.clear();
    f.text_problems.clear();
    f.wants_animation = false;
    f.reduced_motion = app.session.reduced_motion;
    f.theme = ui::MakeTheme(app.city_colours, app.session.high_contrast);
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

float TextScale(const App& app, ImVec2 window) {
    if (!app.session.large_text) return 1.0f;
    const DisplayConfig& d = app.options.config.display;
    const float layout_scale = ui::ComputeLayout(window, 1.0f).scale;
    return ui::LargeTextScale(static_cast<float>(d.diagonal_inch), static_cast<float>(d.viewing_distance_cm),
                              window, ui::units::kFontSmall * layout_scale);
}

void TickSession(App& app, bool had_input) {
    if (app.options.track_runs && app.db && !app.safe_mode.cleared) {
        // Once, after 30 minutes of clean running: earlier abnormal ends no longer count towards safe mode.
        if (Result<bool> cleared = ClearAfterCleanRun(*app.db, app.safe_mode, AppNow(app)); !cleared) {
            spdlog::error("run history: {}", cleared.error().message);
            app.safe_mode.cleared = true;  // not again every wake
        } else if (*cleared) {
            spdlog::info("30 minutes of clean running: earlier abnormal ends are forgotten");
        }
    }
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
