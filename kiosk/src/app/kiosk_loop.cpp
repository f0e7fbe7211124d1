#include "app/kiosk_loop.h"

#include <spdlog/spdlog.h>

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <chrono>
#include <cmath>
#include <deque>
#include <functional>
#include <iostream>
#include <thread>

#include "app/watchdog.h"
#include "cli/commands.h"
#include "platform/sdl_audio.h"
#include "replay/replay.h"
#include "ui/fonts.h"

namespace ck::kiosk {
namespace {

// One ImGui context for the process lifetime of the loop (RAII).
struct ImGuiScope {
    explicit ImGuiScope(SDL_Renderer* renderer) {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;  // nothing of a session may be written to disk
        io.LogFilename = nullptr;
        io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
        ImGui_ImplSDLRenderer_Init(renderer);
    }
    ~ImGuiScope() {
        ImGui_ImplSDLRenderer_Shutdown();
        ImGui::DestroyContext();
    }
    ImGuiScope(const ImGuiScope&) = delete;
    ImGuiScope& operator=(const ImGuiScope&) = delete;
};

// with_renderer false: the atlas only (an unrendered replay has no texture to upload).
Status EnsureFonts(App& app, float width, float height, bool with_renderer = true) {
    const ui::Layout l = ui::ComputeLayout(ImVec2(width, height), TextScale(app, ImVec2(width, height)));
    const float scale = l.scale * l.text_scale;
    if (!app.fonts_dirty && std::fabs(scale - app.fonts_built_for) < 1e-3f) return {};
    Result<ui::Fonts> fonts = ui::LoadFonts(app.font_files, scale);
    if (!fonts.ok()) return fonts.error();
    app.frame.fonts = *fonts;
    app.fonts_built_for = scale;
    app.fonts_dirty = false;
    if (with_renderer) {
        ImGui_ImplSDLRenderer_DestroyFontsTexture();
        ImGui_ImplSDLRenderer_CreateFontsTexture();
    }
    ui::ReleaseFontPixels();
    return {};
}

}  // namespace

// Pointer input reaches ImGui one button transition per frame: Dear ImGui 1.86 has no input queue, so a
// press and release in the same frame would be lost.
void FeedInput(App& app, std::deque<InputEvent>& pending) {
    ImGuiIO& io = ImGui::GetIO();
    while (!pending.empty()) {
        InputEvent ev = std::move(pending.front());
        pending.pop_front();
        switch (ev.kind) {
            case InputEvent::Kind::kPointerMove:
                io.MousePos = ImVec2(ev.x, ev.y);
                break;
            case InputEvent::Kind::kPointerDown:
                io.MousePos = ImVec2(ev.x, ev.y);
                io.MouseDown[0] = true;
                return;
            case InputEvent::Kind::kPointerUp:
                io.MousePos = ImVec2(ev.x, ev.y);
                io.MouseDown[0] = false;
                return;
            case InputEvent::Kind::kText:
                app.typed_text += ev.text;
                break;
            case InputEvent::Kind::kBackspace:
                app.typed_backspaces++;
                break;
            case InputEvent::Kind::kQuit:
                app.quit = true;
                break;
            default:
                break;
        }
    }
}

namespace {

// One replay step: queue its events, advance the app clock, and draw until every event has reached ImGui,
// plus a frame to settle. `draw` feeds the next pending input (FeedInput) and builds one frame (the kiosk
// loop also renders it).
Status DriveReplayStep(App& app, std::deque<InputEvent>& pending, const std::vector<InputEvent>& events,
                       double advance_s, const std::function<Status()>& draw, std::int64_t& frames) {
    for (const auto& e : events) pending.push_back(e);
    if (!events.empty()) app.idle.Touch(app.now_s);
    app.now_s += advance_s;
    TickSession(app, !events.empty());
    do {
        if (Status s = draw(); !s.ok()) return s;
        ++frames;
        app.now_s += 1.0 / 60.0;
    } while (!pending.empty());
    if (Status s = draw(); !s.ok()) return s;
    ++frames;
    return {};
}

}  // namespace

void RenderOnce(App& app, SdlHost& host, float delta_s) {
    BuildFrame(app, static_cast<float>(host.width()), static_cast<float>(host.height()), delta_s);
    const ui::Theme& t = app.frame.theme;
    SDL_SetRenderDrawColor(host.renderer(), (t.background >> IM_COL32_R_SHIFT) & 0xFF,
                           (t.background >> IM_COL32_G_SHIFT) & 0xFF,
                           (t.background >> IM_COL32_B_SHIFT) & 0xFF, 255);
    SDL_RenderClear(host.renderer());
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

int RunKioskLoop(AppOptions app_options, const LoopOptions& lo) {
    Result<SdlHost> host_result = SdlHost::Create(lo.host);
    if (!host_result.ok()) {
        std::cerr << "civic-kiosk: " << host_result.error().message << "\n";
        return kExitFailure;
    }
    SdlHost host = std::move(*host_result);
    // Only the interactive kiosk runs under systemd's watchdog; its workers beat into the registry.
    const bool interactive = lo.screenshot_path.empty() && lo.replay_path.empty();
    Watchdog watchdog = Watchdog::FromEnvironment();
    if (interactive) app_options.heartbeats = watchdog.heartbeats();
    Result<std::unique_ptr<App>> app_result = CreateApp(std::move(app_options));
    if (!app_result.ok()) {
        std::cerr << "civic-kiosk: " << app_result.error().message << "\n";
        // A configuration the app rejects is a usage error (systemd must not restart into it forever).
        return app_result.error().code.rfind("config.", 0) == 0 ? kExitUsage : kExitFailure;
    }
    App& app = **app_result;
    if (lo.screenshot_path.empty()) {
        // Speech: SDL audio when there is an output (a kiosk without one still logs what it would say).
        speech::SpeakerOptions so;
        so.log_path = lo.speech_log;
        if (auto sink = SdlAudioSink::Open(speech::kSampleRate, host.headless()); sink.ok()) {
            so.sink = std::move(*sink);
        } else {
            spdlog::warn("speech output without sound: {}", sink.error().message);
        }
        Result<std::unique_ptr<speech::Speaker>> speaker = speech::Speaker::Start(std::move(so));
        if (!speaker.ok()) {
            std::cerr << "civic-kiosk: --speech-log: " << speaker.error().message << "\n";
            return kExitUsage;
        }
        app.speaker = std::move(*speaker);
    }
    ImGuiScope imgui(host.renderer());
    ui::BindFrame(&app.frame);
    std::deque<InputEvent> pending;
    // The admin's counter preview: one streaming texture, replaced when the size changes, gone with the loop.
    std::unique_ptr<SDL_Texture, decltype(&SDL_DestroyTexture)> preview(nullptr, &SDL_DestroyTexture);
    int preview_w = 0, preview_h = 0;
    app.upload_preview = [&](const unsigned char* bgr, int w, int h, int stride) -> void* {
        if (!preview || preview_w != w || preview_h != h) {
            preview.reset(
                SDL_CreateTexture(host.renderer(), SDL_PIXELFORMAT_BGR24, SDL_TEXTUREACCESS_STREAMING, w, h));
            preview_w = w, preview_h = h;
        }
        if (!preview || SDL_UpdateTexture(preview.get(), nullptr, bgr, stride) != 0) return nullptr;
        return preview.get();
    };

    auto frame = [&](float dt) -> Status {
        if (Status s = EnsureFonts(app, static_cast<float>(host.width()), static_cast<float>(host.height()));
            !s.ok())
            return s;
        FeedInput(app, pending);
        RenderOnce(app, host, dt);
        return {};
    };

    if (!lo.screenshot_path.empty()) {
        // A few frames let auto-sized groups settle; the clock is fixed, so the result is reproducible.
        for (int i = 0; i < 3; ++i) {
            if (Status s = frame(1.0f / 60.0f); !s.ok()) {
                std::cerr << "civic-kiosk: " << s.error().message << "\n";
                return kExitFailure;
            }
        }
        if (Status s = host.SaveFramePng(lo.screenshot_path, lo.screenshot_shrink); !s.ok()) {
            std::cerr << "civic-kiosk: " << s.error().message << "\n";
            return kExitFailure;
        }
        return kExitOk;
    }

    if (!lo.replay_path.empty()) {
        std::int64_t replay_frames = 0;
        // SIGTERM and SIGINT arrive as SDL's quit event: looked for before every frame, so a replay ends
        // promptly however long its script is.
        auto stopped = [&] {
            for (const InputEvent& e : host.WaitEvents(0))
                if (e.kind == InputEvent::Kind::kQuit) app.quit = true;
            return app.quit;
        };
        const int rc = RunReplay(
            app, lo.replay_path,
            [&](const std::vector<InputEvent>& events, double advance_s, const std::string& shot) {
                const auto draw = [&]() -> Status {
                    if (stopped()) return MakeError(kReplayStopped, "stopped");
                    return frame(1.0f / 60.0f);
                };
                if (Status s = DriveReplayStep(app, pending, events, advance_s, draw, replay_frames); !s.ok())
                    return s;
                if (!shot.empty()) return host.SaveFramePng(shot);
                return Status{};
            });
        spdlog::info("replay ended after {} frames", replay_frames);
        return rc;
    }

    // The interactive kiosk: sleep until input, an animation frame or a deadline (idle warning, clock
    // minute), and wake in time to feed the watchdog, which draws nothing.
    std::shared_ptr<Heartbeat> ui_beat = watchdog.enabled() ? watchdog.heartbeats()->Add("ui") : nullptr;
    int frames_to_draw = 2;
    std::int64_t frames_drawn = 0;  // logged at the end: an idle kiosk must draw (almost) nothing
    auto last = std::chrono::steady_clock::now();
    while (!app.quit) {
        int timeout_ms = 0;
        double draw_deadline = 0;  // wall clock; 0 = drawing anyway
        if (frames_to_draw <= 0 && pending.empty() && !WantsAnimation(app)) {
            const double wall = static_cast<double>(ToUnixMs(Now())) / 1000.0;
            const double next_minute = std::floor(wall / 60.0) * 60.0 + 60.0;
            draw_deadline = std::min(next_minute, app.idle.NextDeadline(wall));
            // A visitor looks at a service whose description is being fetched: look for it twice a second.
            if (AwaitsServiceDetail(app)) draw_deadline = std::min(draw_deadline, wall + 0.5);
            // The attract screen's rotating tile: one frame per rotation, nothing in between.
            if (app.nav.current() == ScreenId::kAttract && app.live.entries.size() > 1)
                draw_deadline = std::min(draw_deadline, std::max(app.live.next_rotation_s, wall + 0.001));
            const double feed_in_s =
                std::chrono::duration<double>(watchdog.NextFeed() - std::chrono::steady_clock::now()).count();
            const double wait_s = std::min(draw_deadline - wall, feed_in_s);
            timeout_ms = static_cast<int>(std::clamp(wait_s * 1000.0, 1.0, 60000.0));
        }
        std::vector<InputEvent> events = host.WaitEvents(timeout_ms);
        if (ui_beat) ui_beat->Beat();
        watchdog.Tick(std::chrono::steady_clock::now());
        app.now_s = static_cast<double>(ToUnixMs(Now())) / 1000.0;
        const bool had_input = !events.empty();
        for (auto& e : events) pending.push_back(std::move(e));
        TickSession(app, had_input);
        if (TickAttract(app)) frames_to_draw = std::max(frames_to_draw, 1);
        if (had_input) frames_to_draw = std::max(frames_to_draw, 3);
        // A drawing deadline passed (not merely the watchdog's): one frame. Waking a little early only
        // means one more short wait.
        if (timeout_ms > 0 && !had_input && app.now_s >= draw_deadline)
            frames_to_draw = std::max(frames_to_draw, 1);
        if (frames_to_draw > 0 || !pending.empty() || WantsAnimation(app)) {
            const auto now = std::chrono::steady_clock::now();
            const float dt =
                std::clamp(std::chrono::duration<float>(now - last).count(), 1.0f / 240.0f, 0.1f);
            last = now;
            if (Status s = frame(dt); !s.ok()) {
                spdlog::error("frame failed: {}", s.error().message);
                return kExitFailure;
            }
            host.Present();
            watchdog.NotifyReady();  // once: the first frame is on screen
            ++frames_drawn;
            --frames_to_draw;
            if (WantsAnimation(app)) frames_to_draw = std::max(frames_to_draw, 1);
        }
    }
    watchdog.NotifyStopping();
    // An orderly end: the next start does not count this run as abnormal (app/safe_mode.h).
    if (app.options.track_runs && app.db) {
        if (Status s = EndRun(*app.db); !s) spdlog::error("run history: {}", s.error().message);
    }
    app.upload_preview = nullptr;
    spdlog::info("kiosk loop ended after {} frames", frames_drawn);
    return kExitOk;
}

int RunReplayUnrendered(App& app, const std::string& path, float width, float height,
                        const std::function<void(const App&, std::int64_t drives)>& after_drive) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    ui::BindFrame(&app.frame);
    std::deque<InputEvent> pending;
    std::int64_t frames = 0;
    std::int64_t drives = 0;
    const int rc = RunReplay(
        app, path,
        [&](const std::vector<InputEvent>& events, double advance_s, const std::string& shot) -> Status {
            if (!shot.empty()) return MakeError("replay.shot", "an unrendered replay takes no screenshots");
            const auto draw = [&]() -> Status {
                if (Status s = EnsureFonts(app, width, height, /*with_renderer=*/false); !s.ok()) return s;
                FeedInput(app, pending);
                BuildFrame(app, width, height, 1.0f / 60.0f);
                return {};
            };
            Status s = DriveReplayStep(app, pending, events, advance_s, draw, frames);
            if (after_drive) after_drive(app, ++drives);
            return s;
        });
    spdlog::info("unrendered replay ended after {} frames", frames);
    ui::BindFrame(nullptr);
    ImGui::DestroyContext();
    return rc;
}

}  // namespace ck::kiosk
