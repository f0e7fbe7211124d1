// The application: owns the UI state, the visitor session and the connections to the data layer, and draws
// one frame at a time. The same App runs the real kiosk, headless screenshots and scripted replays.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/config.h"
#include "app/content.h"
#include "app/safe_mode.h"
#include "app/speech_output.h"
#include "core/heartbeat.h"
#include "features/admin_controller.h"
#include "features/ideas_controller.h"
#include "features/live_controller.h"
#include "features/services_controller.h"
#include "locales/catalogue.h"
#include "locales/display_text.h"
#include "locales/localizer.h"
#include "offline_cache/database.h"
#include "offline_cache/sync.h"
#include "participation/idea.h"
#include "session/idle_timer.h"
#include "session/navigator.h"
#include "speech/speaker.h"
#include "ui/fonts.h"
#include "ui/frame_view.h"
#include "ui/on_screen_keyboard.h"
#include "ui/ui_frame.h"

struct SDL_Renderer;

namespace ck::counting {
class CountingService;
}

namespace ck::kiosk {

struct AppOptions {
    Config config;
    bool demo = false;
    std::optional<double> fixed_clock_unix_s;  // screenshots: a fixed, reproducible clock
    std::string language;                      // empty = config default
    std::optional<ScreenId> start_screen;
    bool start_workers = false;  // the sync worker and the counter (interactive kiosk only)
    // The watchdog's registry: the workers beat their own heartbeats into it (null: no watchdog).
    HeartbeatRegistry* heartbeats = nullptr;
    // The interactive kiosk keeps the run history that decides safe mode (app/safe_mode.h).
    bool track_runs = false;
    // The sync worker's clock; empty = Now(). The soak test runs the worker on its accelerated clock.
    cache::SyncWorker::Clock worker_clock;
    bool large_text = false;  // screenshots: sessions start with large text / high contrast
    bool high_contrast = false;
};

// Per-screen state: each screen file owns the meaning of its struct (ServicesState: features/).
struct AdminState {
    std::string pin;
    bool unlocked = false;
    int failed_attempts = 0;
    bool locked = false;         // too many wrong PINs: the pad answers nothing until the lockout ends
    AdminController controller;  // the overview and the outcome of actions (features/admin_controller.h)
    int dragging_end = -1;       // the counting line's end under the operator's finger (0: A, 1: B)
    ui::FrameView line_view;     // where the last frame drew the camera frame (tests aim their drags with it)
};

// Everything of one visitor: a reset (idle or "done") replaces it with a fresh one.
struct VisitorSession {
    std::string language;
    bool large_text = false;
    bool high_contrast = false;
    bool reduced_motion = false;  // no scroll inertia (the attract screen never moves)
    bool language_dialog = false;
    bool accessibility_dialog = false;
    ServicesState services;
    ui::KeyboardState services_keyboard;
    DatasetSearch datasets;  // the datasets list's search (features/live_controller.h)
    ui::KeyboardState datasets_keyboard;
    IdeasController ideas;            // browse, support and the idea wizard (features/ideas_controller.h)
    ui::KeyboardState idea_keyboard;  // the wizard's text steps, one caret each
    AdminState admin;
    SpeechSession speech;  // speech output and explore by touch (app/speech_output.h)
};

struct App {
    App() = default;
    App(const App&) = delete;
    App& operator=(const App&) = delete;
    AppOptions options;
    loc::CatalogueSet catalogues;
    std::unique_ptr<loc::Localizer> loc;
    loc::FontFiles font_files;
    loc::DisplayTextCache display_cache;
    ui::UiFrame frame;
    ui::ThemeColours city_colours{};  // the configured colours, made readable (ui::EnsureReadableCityColours)
    float fonts_built_for = 0;        // scale the atlas was built for
    bool fonts_dirty = true;
    Navigator nav;
    IdleTimer idle;
    VisitorSession session;
    ContentSnapshot content;
    // Live tiles, their charts and the datasets (features/live_controller.h); also the attract screen's tile.
    LiveController live;
    // The service catalogue and its search index (null: none imported or synced yet). Replaced between
    // visitors when the sync worker stored new content (services_seen_pulls).
    std::shared_ptr<const ServicesCatalogue> services;
    std::int64_t services_seen_pulls = 0;
    // The kiosk's store. The UI thread writes only what acknowledges something to a visitor (an idea, a
    // support) and must be committed before the acknowledgement is shown.
    std::optional<cache::Database> db;
    std::string demo_db_path;  // removed when the app ends
    part::IdeaSettings idea_settings;
    std::unique_ptr<cache::SyncWorker> sync;  // background delivery and pulls (nullptr: not configured)
    // Descriptions a visitor opened before they were cached, fetched by the sync worker first (null: no
    // PVOG).
    std::shared_ptr<cache::PvogWishList> pvog_wishes;
    std::unique_ptr<counting::CountingService> counter;  // passer-by counting (nullptr: disabled)
    SafeMode safe_mode;  // decided at start; active: no camera, no remote content
    // The speech thread (nullptr: screenshots and in-process tests, which speak nothing). Set by the loop,
    // which owns the audio device.
    std::unique_ptr<speech::Speaker> speaker;
    // Whether the admin pad can open at all: a PIN hash is in the store (the demo uses its configured PIN).
    bool admin_pin_set = false;
    // Uploads a BGR image to a renderer texture and returns it as an ImGui texture id (set by the loop, which
    // owns the renderer). Used only for the admin's in-memory counter preview.
    std::function<void*(const unsigned char* bgr, int width, int height, int stride)> upload_preview;
    ~App();
    // Text from a physical keyboard or a replay "type" step, consumed by the focused text field this frame.
    std::string typed_text;
    int typed_backspaces = 0;
    int admin_taps = 0;
    double admin_first_tap_s = 0;
    double now_s = 0;      // wall clock, seconds since the epoch (fixed in screenshots)
    double started_s = 0;  // when the app started (the admin's uptime)
    bool quit = false;

    const std::string& T(std::string_view key) const { return loc->Text(key); }
};

// The text scale of the visitor's session in a window of this size: 1, or in large-text mode what the
// configured display needs for a capital H of at least 0.7 degrees (ui/text_size.h).
float TextScale(const App& app, ImVec2 window);

// The configured city colours as the theme takes them (before EnsureReadableCityColours).
ui::ThemeColours CityColours(const ThemeConfig& theme);
Result<std::unique_ptr<App>> CreateApp(AppOptions options);
// Starts a fresh visitor session (language and settings back to defaults) and returns to the attract screen.
void ResetSession(App& app);
// The open data portal the datasets link to: central.ckan_url, or the demo's stand-in.
std::string PortalUrl(const App& app);
// Reads the live values again (the live screen opens).
void RefreshLive(App& app);
// Opens the detail chart of the first value that has history (screenshots, tests).
void OpenFirstChart(App& app);
// On the attract screen: moves the rotating tile on when due (taking values the worker stored meanwhile).
// Returns whether it changed, so the loop draws a frame.
bool TickAttract(App& app);
// Builds the fonts if the scale changed (between frames) and draws one ImGui frame into the draw data.
void BuildFrame(App& app, float width, float height, float delta_s);
// Advances the visitor session: input extends it; an expired session resets to the attract screen.
void TickSession(App& app, bool had_input);
// Whether the loop must render again soon without input (animation, countdown).
bool WantsAnimation(const App& app);
void ApplyLanguage(App& app, const std::string& tag);
// The open service's description is not cached: asks the sync worker for it now (no-op without PVOG sync).
void AskForServiceDetail(App& app, const std::string& id);
// A visitor is on a service's detail whose description the sync worker is fetching.
bool AwaitsServiceDetail(const App& app);
TimePoint AppNow(const App& app);
// The kiosk's store for the feature controllers; null when it could not be opened.
cache::Database* StoreOf(App& app);

}  // namespace ck::kiosk
