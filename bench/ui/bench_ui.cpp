// UI performance figures for docs/performance.md, measured on the real code:
//  1. frame time per screen at 1920x1080 with SDL's software renderer (the loop's pieces: SdlHost, CreateApp,
//     BuildFrame, ImGui_ImplSDLRenderer_RenderDrawData, Present), median and p99;
//  2. time from process start to the first rendered frame with the demo data (`civic-kiosk screenshot`
//     as a child process, plus the same steps timed in this process);
//  3. CPU used by an idle `civic-kiosk run --demo --headless` (attract screen) over 30 s.
//
// Usage: bench_ui [--frames N] [--idle-seconds S] [--binary PATH] [--skip-idle]
#include <fcntl.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app/app.h"
#include "platform/sdl_host.h"
#include "session/navigator.h"
#include "ui/fonts.h"
#include "ui/layout.h"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
using ck::kiosk::ScreenId;

double Ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double Percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double rank = p * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(rank);
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (rank - static_cast<double>(lo));
}

struct Options {
    int frames = 60;
    int idle_seconds = 30;
    bool skip_idle = false;
    std::string binary = CK_KIOSK_BINARY;
};

// Part 1 (and the in-process half of part 2).
int FrameTimes(const Options& o) {
    const auto t_start = Clock::now();
    ck::kiosk::HostOptions ho;
    ho.width = 1920;
    ho.height = 1080;
    ho.fullscreen = false;
    ho.headless = true;
    ck::Result<ck::kiosk::SdlHost> host_result = ck::kiosk::SdlHost::Create(ho);
    if (!host_result.ok()) {
        std::fprintf(stderr, "bench_ui: %s\n", host_result.error().message.c_str());
        return 1;
    }
    ck::kiosk::SdlHost host = std::move(*host_result);
    const auto t_host = Clock::now();

    ck::kiosk::AppOptions ao;
    ao.demo = true;
    ao.fixed_clock_unix_s = 1795784700;
    ao.language = "de";
    ck::Result<std::unique_ptr<ck::kiosk::App>> app_result = ck::kiosk::CreateApp(ao);
    if (!app_result.ok()) {
        std::fprintf(stderr, "bench_ui: %s\n", app_result.error().message.c_str());
        return 1;
    }
    ck::kiosk::App& app = **app_result;
    const auto t_app = Clock::now();

    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().LogFilename = nullptr;
    ImGui_ImplSDLRenderer_Init(host.renderer());
    ck::ui::BindFrame(&app.frame);
    const float w = static_cast<float>(host.width()), h = static_cast<float>(host.height());
    const ck::ui::Layout layout = ck::ui::ComputeLayout(ImVec2(w, h), 1.0f);
    ck::Result<ck::ui::Fonts> fonts = ck::ui::LoadFonts(app.font_files, layout.scale * layout.text_scale);
    if (!fonts.ok()) {
        std::fprintf(stderr, "bench_ui: %s\n", fonts.error().message.c_str());
        return 1;
    }
    app.frame.fonts = *fonts;
    app.fonts_built_for = layout.scale * layout.text_scale;
    ImGui_ImplSDLRenderer_CreateFontsTexture();
    const auto t_fonts = Clock::now();

    auto render = [&](double* build_ms, double* draw_ms) {
        const auto a = Clock::now();
        ck::kiosk::BuildFrame(app, w, h, 1.0f / 60.0f);
        const auto b = Clock::now();
        const ck::ui::Theme& t = app.frame.theme;
        SDL_SetRenderDrawColor(host.renderer(), (t.background >> IM_COL32_R_SHIFT) & 0xFF,
                               (t.background >> IM_COL32_G_SHIFT) & 0xFF,
                               (t.background >> IM_COL32_B_SHIFT) & 0xFF, 255);
        SDL_RenderClear(host.renderer());
        ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
        host.Present();
        const auto c = Clock::now();
        if (build_ms) *build_ms = Ms(b - a);
        if (draw_ms) *draw_ms = Ms(c - b);
    };
    render(nullptr, nullptr);
    const auto t_first = Clock::now();
    std::printf("In-process start-up (demo, 1920x1080, software renderer):\n");
    std::printf(
        "  SDL host %.1f ms, CreateApp (catalogues, fontconfig, demo data) %.1f ms, font atlas %.1f ms, "
        "first frame %.1f ms; total %.1f ms\n\n",
        Ms(t_host - t_start), Ms(t_app - t_host), Ms(t_fonts - t_app), Ms(t_first - t_fonts),
        Ms(t_first - t_start));

    std::printf("Frame time per screen, 1920x1080, SDL software renderer, %d frames each (ms):\n", o.frames);
    std::printf("  %-16s %9s %9s %9s %9s %11s %9s\n", "screen", "median", "p99", "max", "build-med",
                "raster-med", "vertices");
    std::vector<double> all;
    for (ScreenId screen : ck::kiosk::kAllScreens) {
        app.options.start_screen = screen;
        ck::kiosk::ResetSession(app);
        app.fonts_dirty = false;  // same scale: the atlas built above stays valid
        for (int i = 0; i < 3; ++i)
            render(nullptr, nullptr);  // let auto-sized groups settle, as screenshots do
        std::vector<double> total, build, draw;
        for (int i = 0; i < o.frames; ++i) {
            double b = 0, d = 0;
            render(&b, &d);
            build.push_back(b);
            draw.push_back(d);
            total.push_back(b + d);
        }
        all.insert(all.end(), total.begin(), total.end());
        std::printf("  %-16s %9.2f %9.2f %9.2f %9.2f %11.2f %9d\n",
                    std::string(ck::kiosk::ScreenName(screen)).c_str(), Percentile(total, 0.5),
                    Percentile(total, 0.99), *std::max_element(total.begin(), total.end()),
                    Percentile(build, 0.5), Percentile(draw, 0.5), ImGui::GetDrawData()->TotalVtxCount);
    }
    std::printf("  %-16s %9.2f %9.2f %9.2f\n\n", "all screens", Percentile(all, 0.5), Percentile(all, 0.99),
                *std::max_element(all.begin(), all.end()));

    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext();
    return 0;
}

struct Child {
    pid_t pid = -1;
};

Child Spawn(const std::string& binary, const std::vector<std::string>& args) {
    std::vector<std::string> argv_s{binary};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : argv_s) argv.push_back(s.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    Child c;
    if (posix_spawn(&c.pid, binary.c_str(), &fa, nullptr, argv.data(), environ) != 0) c.pid = -1;
    posix_spawn_file_actions_destroy(&fa);
    return c;
}

// utime + stime of a running process in seconds, from /proc/<pid>/stat (fields 14 and 15).
double ProcCpuSeconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = stat.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream rest(stat.substr(close + 2));
    std::string field;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14) utime = std::stoull(field);
        if (i == 15) stime = std::stoull(field);
    }
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// Part 2: a fresh process to its first frame on disk.
int StartupTime(const Options& o) {
    const std::filesystem::path out =
        std::filesystem::temp_directory_path() / ("bench-ui-" + std::to_string(getpid()) + ".png");
    std::vector<double> wall;
    for (int i = 0; i < 7; ++i) {
        const auto a = Clock::now();
        Child c = Spawn(o.binary, {"screenshot", "--screen", "attract", "--demo", "--out", out.string()});
        if (c.pid < 0) {
            std::fprintf(stderr, "bench_ui: cannot start %s\n", o.binary.c_str());
            return 1;
        }
        int status = 0;
        waitpid(c.pid, &status, 0);
        const auto b = Clock::now();
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            std::fprintf(stderr, "bench_ui: screenshot failed (status %d)\n", status);
            return 1;
        }
        if (i > 0) wall.push_back(Ms(b - a));  // the first run warms the page cache
    }
    std::filesystem::remove(out);
    std::printf(
        "Process start to first frame written (civic-kiosk screenshot --screen attract --demo, 1920x1080, "
        "3 frames + PNG), %zu runs (ms):\n  median %.1f, min %.1f, max %.1f\n\n",
        wall.size(), Percentile(wall, 0.5), *std::min_element(wall.begin(), wall.end()),
        *std::max_element(wall.begin(), wall.end()));
    return 0;
}

// Part 3: the idle attract screen must sleep.
int IdleCpu(const Options& o) {
    Child c = Spawn(o.binary, {"run", "--demo", "--headless"});
    if (c.pid < 0) {
        std::fprintf(stderr, "bench_ui: cannot start %s\n", o.binary.c_str());
        return 1;
    }
    std::this_thread::sleep_for(std::chrono::seconds(3));  // start-up is measured above, not here
    const double cpu_a = ProcCpuSeconds(c.pid);
    const auto a = Clock::now();
    std::this_thread::sleep_for(std::chrono::seconds(o.idle_seconds));
    const double cpu_b = ProcCpuSeconds(c.pid);
    const double wall = std::chrono::duration<double>(Clock::now() - a).count();
    kill(c.pid, SIGTERM);
    const auto term = Clock::now();
    int status = 0;
    rusage usage{};
    pid_t w = 0;
    while ((w = wait4(c.pid, &status, WNOHANG, &usage)) == 0 &&
           Clock::now() - term < std::chrono::seconds(5)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    bool killed = false;
    if (w == 0) {
        kill(c.pid, SIGKILL);
        wait4(c.pid, &status, 0, &usage);
        killed = true;
    }
    const double total_cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                             static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    const double idle_cpu = cpu_b - cpu_a;
    std::printf("Idle attract screen (civic-kiosk run --demo --headless), %.1f s after a 3 s start-up:\n",
                wall);
    std::printf(
        "  CPU %.3f s = %.2f %% of one core; whole process (wait4 rusage) %.3f s user+sys, max RSS %ld MiB\n",
        idle_cpu, 100.0 * idle_cpu / wall, total_cpu, usage.ru_maxrss / 1024);
    if (killed) {
        std::printf("  SIGTERM did not end the process within 5 s: killed\n");
    } else {
        std::printf("  SIGTERM -> exit in %.0f ms, %s %d\n", Ms(Clock::now() - term),
                    WIFEXITED(status) ? "exit code" : "signal",
                    WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--frames" && i + 1 < argc) {
            o.frames = std::max(1, std::atoi(argv[++i]));
        } else if (a == "--idle-seconds" && i + 1 < argc) {
            o.idle_seconds = std::max(1, std::atoi(argv[++i]));
        } else if (a == "--binary" && i + 1 < argc) {
            o.binary = argv[++i];
        } else if (a == "--skip-idle") {
            o.skip_idle = true;
        } else {
            std::fprintf(stderr,
                         "usage: bench_ui [--frames N] [--idle-seconds S] [--binary PATH] [--skip-idle]\n");
            return 2;
        }
    }
    if (int rc = FrameTimes(o); rc != 0) return rc;
    if (int rc = StartupTime(o); rc != 0) return rc;
    if (!o.skip_idle) return IdleCpu(o);
    return 0;
}
