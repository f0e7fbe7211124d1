#include "platform/sdl_host.h"

#include <stb_image_write.h>

#include <algorithm>
#include <cstdlib>

namespace ck::kiosk {

Result<SdlHost> SdlHost::Create(const HostOptions& o) {
    if (o.headless) {
        // Must be chosen before SDL_Init; an operator's own SDL_VIDEODRIVER is respected for real windows
        // only.
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
        setenv("SDL_RENDER_DRIVER", "software", 1);
        // The software renderer draws into the window surface. Without this hint SDL emulates that surface
        // with an OpenGL texture, which on a machine without a GPU loads Mesa's llvmpipe (libLLVM alone is
        // about 46 MiB resident) and keeps another copy of every frame.
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    }
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");  // a finger drives the same pointer as a mouse
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_IME_SHOW_UI, "0");
    if (o.lockdown) {
        // A window manager's close (Alt+F4) must not become SDL's quit event: that one stays SIGTERM's.
        SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
        SDL_SetHint(SDL_HINT_WINDOWS_NO_CLOSE_ON_ALT_F4, "1");
        SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");  // system shortcuts reach us, not the window manager
        SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
    }
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        return MakeError("platform.sdl", std::string("SDL could not start: ") + SDL_GetError());
    }
    SdlHost host;
    host.headless_ = o.headless;
    host.lockdown_ = o.lockdown;
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    if (o.fullscreen && !o.headless) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    if (o.lockdown && !o.headless) flags |= SDL_WINDOW_KEYBOARD_GRABBED;
    if (!o.fullscreen && !o.headless) flags |= SDL_WINDOW_RESIZABLE;
    host.window_ = SDL_CreateWindow(o.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, o.width,
                                    o.height, flags);
    if (!host.window_) return MakeError("platform.sdl", std::string("no window: ") + SDL_GetError());
    const Uint32 rflags =
        o.headless ? SDL_RENDERER_SOFTWARE : (SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    host.renderer_ = SDL_CreateRenderer(host.window_, -1, rflags);
    if (!host.renderer_ && !o.headless)
        host.renderer_ = SDL_CreateRenderer(host.window_, -1, SDL_RENDERER_SOFTWARE);
    if (!host.renderer_) return MakeError("platform.sdl", std::string("no renderer: ") + SDL_GetError());
    SDL_GetRendererOutputSize(host.renderer_, &host.width_, &host.height_);
    // Touch needs no pointer; a visible one would only show where the last finger was.
    if (o.lockdown || (o.fullscreen && !o.headless)) SDL_ShowCursor(SDL_DISABLE);
    return host;
}

SdlHost::SdlHost(SdlHost&& other) noexcept
    : window_(other.window_),
      renderer_(other.renderer_),
      width_(other.width_),
      height_(other.height_),
      headless_(other.headless_),
      lockdown_(other.lockdown_) {
    other.window_ = nullptr;
    other.renderer_ = nullptr;
}

SdlHost::~SdlHost() {
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (window_) {
        SDL_DestroyWindow(window_);
        SDL_Quit();
    }
}

std::vector<InputEvent> SdlHost::WaitEvents(int timeout_ms) {
    std::vector<InputEvent> out;
    if (timeout_ms <= 0) {
        TranslatePending(out);
        return out;
    }
    // Keep waiting through events that mean nothing to the app: returning early for one of them makes the
    // loop draw a frame, and drawing can itself raise such an event (the offscreen driver does), which
    // turned an idle kiosk into a busy loop.
    const Uint32 until = SDL_GetTicks() + static_cast<Uint32>(timeout_ms);
    while (out.empty()) {
        const Sint64 left = static_cast<Sint64>(until) - static_cast<Sint64>(SDL_GetTicks());
        if (left <= 0) break;
        if (headless_) {
            // SDL's offscreen driver has no blocking wait (SDL_WaitEventTimeout polls every millisecond):
            // sleep in coarse steps instead; SIGTERM's SDL_QUIT is still seen within one step.
            TranslatePending(out);
            if (out.empty()) SDL_Delay(static_cast<Uint32>(std::min<Sint64>(100, left)));
            continue;
        }
        SDL_Event e;
        if (!SDL_WaitEventTimeout(&e, static_cast<int>(left))) continue;
        Translate(e, out);
        TranslatePending(out);
    }
    return out;
}

void SdlHost::TranslatePending(std::vector<InputEvent>& out) {
    SDL_Event e;
    while (SDL_PollEvent(&e)) Translate(e, out);
}

void SdlHost::Translate(const SDL_Event& e, std::vector<InputEvent>& out) {
    InputEvent ev;
    switch (e.type) {
        case SDL_QUIT:
            ev.kind = InputEvent::Kind::kQuit;
            break;
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.button == SDL_BUTTON_LEFT)
                ev = {InputEvent::Kind::kPointerDown, float(e.button.x), float(e.button.y), {}};
            break;
        case SDL_MOUSEBUTTONUP:
            if (e.button.button == SDL_BUTTON_LEFT)
                ev = {InputEvent::Kind::kPointerUp, float(e.button.x), float(e.button.y), {}};
            break;
        case SDL_MOUSEMOTION:
            ev = {InputEvent::Kind::kPointerMove, float(e.motion.x), float(e.motion.y), {}};
            break;
        case SDL_TEXTINPUT:
            ev = {InputEvent::Kind::kText, 0, 0, e.text.text};
            break;
        case SDL_KEYDOWN:
            // Backspace edits; nothing else on a keyboard does anything (Escape, Ctrl+Q, Alt+F4, Alt+Tab).
            if (e.key.keysym.sym == SDLK_BACKSPACE) ev.kind = InputEvent::Kind::kBackspace;
            break;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                SDL_GetRendererOutputSize(renderer_, &width_, &height_);
                ev.kind = InputEvent::Kind::kResize;
            } else if (e.window.event == SDL_WINDOWEVENT_CLOSE && !lockdown_) {
                ev.kind = InputEvent::Kind::kQuit;  // a developer's window closes as windows do
            } else if (e.window.event == SDL_WINDOWEVENT_EXPOSED) {
                ev.kind = InputEvent::Kind::kResize;  // needs a redraw as well
            }
            break;
        default:
            break;
    }
    if (ev.kind != InputEvent::Kind::kOther) out.push_back(std::move(ev));
}

Status SdlHost::SaveFramePng(const std::string& path, int shrink) const {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width_) * height_ * 4);
    if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), width_ * 4) != 0) {
        return MakeError("platform.read_pixels", SDL_GetError());
    }
    int w = width_, h = height_;
    if (shrink > 1) {
        w = width_ / shrink, h = height_ / shrink;
        std::vector<unsigned char> small(static_cast<std::size_t>(w) * h * 4);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                for (int c = 0; c < 4; ++c) {
                    int sum = 0;
                    for (int dy = 0; dy < shrink; ++dy)
                        for (int dx = 0; dx < shrink; ++dx)
                            sum += pixels[(static_cast<std::size_t>(y * shrink + dy) * width_ + x * shrink +
                                           dx) *
                                              4 +
                                          c];
                    small[(static_cast<std::size_t>(y) * w + x) * 4 + c] =
                        static_cast<unsigned char>(sum / (shrink * shrink));
                }
        pixels = std::move(small);
    }
    if (!stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4)) {
        return MakeError("platform.png", "cannot write " + path);
    }
    return {};
}

}  // namespace ck::kiosk
