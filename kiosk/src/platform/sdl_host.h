// The platform seam: one SDL2 window + SDL_Renderer, real (fullscreen or windowed) or headless (SDL's
// offscreen video driver with the software renderer, which renders real frames for screenshots and replays).
#pragma once

#include <SDL.h>

#include <string>
#include <vector>

#include "core/result.h"

namespace ck::kiosk {

struct HostOptions {
    int width = 1920, height = 1080;
    bool fullscreen = true;
    bool headless = false;  // offscreen driver + software renderer
    // The public kiosk: window-close requests (Alt+F4, a window manager's close) and every key combination
    // do nothing, the keyboard is grabbed (no Alt+Tab away), the cursor is hidden (touch). Only SIGTERM
    // (SDL's quit event) and the admin's "leave" end the kiosk.
    bool lockdown = false;
    std::string title = "Civic Kiosk";
};

// Input as the app sees it, from SDL events (mouse, touch, text) or from a replay script.
struct InputEvent {
    enum class Kind { kPointerDown, kPointerMove, kPointerUp, kText, kBackspace, kQuit, kResize, kOther };
    Kind kind = Kind::kOther;
    float x = 0, y = 0;
    std::string text;
};

class SdlHost {
  public:
    static Result<SdlHost> Create(const HostOptions& options);
    SdlHost(SdlHost&& other) noexcept;
    SdlHost& operator=(SdlHost&&) = delete;
    SdlHost(const SdlHost&) = delete;
    ~SdlHost();

    SDL_Window* window() const { return window_; }
    SDL_Renderer* renderer() const { return renderer_; }
    int width() const { return width_; }
    int height() const { return height_; }
    bool headless() const { return headless_; }
    bool lockdown() const { return lockdown_; }

    // Waits up to timeout_ms for events the app acts on (0 = poll) and converts them; returns empty only when
    // the time is up. Sleeps in the kernel, not in a spin.
    std::vector<InputEvent> WaitEvents(int timeout_ms);
    // Reads the current back buffer (before Present) and writes it as PNG.
    // shrink > 1 writes it that many times smaller (each pixel the mean of a shrink x shrink box), for docs.
    Status SaveFramePng(const std::string& path, int shrink = 1) const;
    void Present() { SDL_RenderPresent(renderer_); }

  private:
    SdlHost() = default;
    void TranslatePending(std::vector<InputEvent>& out);  // every queued event
    void Translate(const SDL_Event& e, std::vector<InputEvent>& out);
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    int width_ = 0, height_ = 0;
    bool headless_ = false;
    bool lockdown_ = false;
};

}  // namespace ck::kiosk
