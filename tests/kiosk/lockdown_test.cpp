// Lockdown: curious visitors with a keyboard. Key combinations and window-close requests are injected as SDL
// events into a headless host; none may end the kiosk, while SIGTERM's quit event still does. The attract
// screen's drift against burn-in is a pure function of the clock.
#include <gtest/gtest.h>

#include <SDL.h>

#include <cmath>
#include <set>

#include "platform/sdl_host.h"
#include "ui/layout.h"

namespace ck::kiosk {
namespace {

SDL_Event Key(SDL_Keycode key, Uint16 mod) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = key;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(key);
    e.key.keysym.mod = mod;
    return e;
}

SDL_Event WindowClose(SDL_Window* window) {
    SDL_Event e{};
    e.type = SDL_WINDOWEVENT;
    e.window.event = SDL_WINDOWEVENT_CLOSE;
    e.window.windowID = SDL_GetWindowID(window);
    return e;
}

bool AnyQuit(const std::vector<InputEvent>& events) {
    for (const auto& e : events)
        if (e.kind == InputEvent::Kind::kQuit) return true;
    return false;
}

HostOptions Options(bool lockdown) {
    HostOptions o;
    o.width = 640, o.height = 480;
    o.headless = true;
    o.lockdown = lockdown;
    return o;
}

TEST(Lockdown, KeyCombinationsAndWindowCloseDoNothingButSigtermStillQuits) {
    Result<SdlHost> host = SdlHost::Create(Options(true));
    ASSERT_TRUE(host.ok()) << host.error().message;
    std::vector<SDL_Event> attempts = {
        Key(SDLK_F4, KMOD_LALT),   Key(SDLK_q, KMOD_LCTRL),     Key(SDLK_ESCAPE, KMOD_NONE),
        Key(SDLK_TAB, KMOD_LALT),  Key(SDLK_w, KMOD_LCTRL),     Key(SDLK_F4, KMOD_LCTRL),
        Key(SDLK_LGUI, KMOD_NONE), Key(SDLK_RETURN, KMOD_LALT), WindowClose(host->window()),
    };
    for (SDL_Event& e : attempts) ASSERT_EQ(SDL_PushEvent(&e), 1) << SDL_GetError();
    const std::vector<InputEvent> events = host->WaitEvents(0);
    EXPECT_FALSE(AnyQuit(events));
    for (const auto& e : events) EXPECT_NE(e.kind, InputEvent::Kind::kText) << "a key became text";
    // The cursor is hidden for touch.
    EXPECT_EQ(SDL_ShowCursor(SDL_QUERY), SDL_DISABLE);

    // SIGTERM reaches SDL as its quit event: that still ends the kiosk.
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    ASSERT_EQ(SDL_PushEvent(&quit), 1);
    EXPECT_TRUE(AnyQuit(host->WaitEvents(0)));
}

TEST(Lockdown, ADevelopersWindowClosesAsWindowsDo) {
    Result<SdlHost> host = SdlHost::Create(Options(false));
    ASSERT_TRUE(host.ok()) << host.error().message;
    SDL_Event close = WindowClose(host->window());
    ASSERT_EQ(SDL_PushEvent(&close), 1);
    EXPECT_TRUE(AnyQuit(host->WaitEvents(0)));
}

TEST(BurnInDrift, WandersWithinItsBoundsOnceAMinute) {
    const double t0 = 1795792500.0;  // on a minute
    std::set<std::pair<int, int>> seen;
    ImVec2 previous = ui::BurnInDrift(t0);
    for (int minute = 0; minute < 240; ++minute) {
        const ImVec2 d = ui::BurnInDrift(t0 + minute * 60.0);
        EXPECT_LE(std::fabs(d.x), ui::units::kBurnInDrift);
        EXPECT_LE(std::fabs(d.y), ui::units::kBurnInDrift);
        // Constant within the minute: no extra frames.
        const ImVec2 later = ui::BurnInDrift(t0 + minute * 60.0 + 59.0);
        EXPECT_EQ(d.x, later.x);
        EXPECT_EQ(d.y, later.y);
        // Small steps: nothing jumps.
        EXPECT_LE(std::hypot(d.x - previous.x, d.y - previous.y), ui::units::kBurnInDrift * 0.7f);
        previous = d;
        seen.insert({static_cast<int>(std::lround(d.x)), static_cast<int>(std::lround(d.y))});
    }
    // It really moves: many places over four hours, on both sides of the centre.
    EXPECT_GT(seen.size(), 100u);
    EXPECT_LT(seen.begin()->first, -ui::units::kBurnInDrift / 2);
    EXPECT_GT(seen.rbegin()->first, ui::units::kBurnInDrift / 2);
}

}  // namespace
}  // namespace ck::kiosk
