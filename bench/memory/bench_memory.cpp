// Resident memory (RSS) of the kiosk for docs/performance.md:
//  1. a breakdown by start-up stage in this process, with the same calls as the kiosk loop (SDL host,
//     CreateApp with the demo data, font atlas, its texture, releasing the CPU pixels, a frame of every
//     screen), and the atlas: size, glyphs per font;
//  2. an idle `civic-kiosk run --demo --headless` (attract screen) after S seconds: RSS now and its peak;
//  3. the same with the passer-by counter running on the looping PETS clip (a configuration with
//     counter.enabled, no --demo), when the shared clip is there.
//
// Usage: bench_memory [--seconds S] [--binary PATH] [--shared DIR]
#include <fcntl.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
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

struct Memory {
    long rss_kib = 0;
    long hwm_kib = 0;
    long anon_kib = 0;
    long file_kib = 0;
};

Memory ReadMemory(const std::string& pid) {
    Memory m;
    std::ifstream in("/proc/" + pid + "/status");
    std::string key;
    long value = 0;
    std::string unit;
    while (in >> key) {
        if (key == "VmRSS:" || key == "VmHWM:" || key == "RssAnon:" || key == "RssFile:") {
            in >> value >> unit;
            if (key == "VmRSS:") m.rss_kib = value;
            if (key == "VmHWM:") m.hwm_kib = value;
            if (key == "RssAnon:") m.anon_kib = value;
            if (key == "RssFile:") m.file_kib = value;
        } else {
            in.ignore(4096, '\n');
        }
    }
    return m;
}

double MiB(long kib) {
    return static_cast<double>(kib) / 1024.0;
}

Memory last;
void Stage(const char* what) {
    const Memory m = ReadMemory("self");
    std::printf("  %-48s RSS %7.1f MiB (%+7.1f)   anon %7.1f  file %7.1f  peak %7.1f\n", what, MiB(m.rss_kib),
                MiB(m.rss_kib - last.rss_kib), MiB(m.anon_kib), MiB(m.file_kib), MiB(m.hwm_kib));
    last = m;
}

int InProcess() {
    std::printf("In-process breakdown (demo data, 1920x1080, headless: SDL software renderer):\n");
    Stage("process start (libraries mapped)");
    ck::kiosk::HostOptions ho;
    ho.width = 1920;
    ho.height = 1080;
    ho.fullscreen = false;
    ho.headless = true;
    ck::Result<ck::kiosk::SdlHost> host_result = ck::kiosk::SdlHost::Create(ho);
    if (!host_result.ok()) {
        std::fprintf(stderr, "bench_memory: %s\n", host_result.error().message.c_str());
        return 1;
    }
    ck::kiosk::SdlHost host = std::move(*host_result);
    Stage("SDL host (window, renderer)");
    ck::kiosk::AppOptions ao;
    ao.demo = true;
    ao.fixed_clock_unix_s = 1795784700;
    ao.language = "de";
    ck::Result<std::unique_ptr<ck::kiosk::App>> app_result = ck::kiosk::CreateApp(ao);
    if (!app_result.ok()) {
        std::fprintf(stderr, "bench_memory: %s\n", app_result.error().message.c_str());
        return 1;
    }
    ck::kiosk::App& app = **app_result;
    Stage("CreateApp (catalogues, store, demo data)");
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().LogFilename = nullptr;
    ImGui_ImplSDLRenderer_Init(host.renderer());
    ck::ui::BindFrame(&app.frame);
    const float w = static_cast<float>(host.width()), h = static_cast<float>(host.height());
    const ck::ui::Layout layout = ck::ui::ComputeLayout(ImVec2(w, h), 1.0f);
    ck::Result<ck::ui::Fonts> fonts = ck::ui::LoadFonts(app.font_files, layout.scale * layout.text_scale);
    if (!fonts.ok()) {
        std::fprintf(stderr, "bench_memory: %s\n", fonts.error().message.c_str());
        return 1;
    }
    app.frame.fonts = *fonts;
    app.fonts_built_for = layout.scale * layout.text_scale;
    Stage("Dear ImGui context, font atlas built");
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int tw = 0, th = 0;
    atlas->GetTexDataAsRGBA32(&pixels, &tw, &th);
    Stage("  the atlas as RGBA (what the backend uploads)");
    ImGui_ImplSDLRenderer_CreateFontsTexture();
    Stage("font texture in the renderer");
    ck::ui::ReleaseFontPixels();
    Stage("CPU copies of the atlas released");
    for (ck::kiosk::ScreenId screen : ck::kiosk::kAllScreens) {
        app.options.start_screen = screen;
        ck::kiosk::ResetSession(app);
        app.fonts_dirty = false;
        for (int i = 0; i < 3; ++i) {
            ck::kiosk::BuildFrame(app, w, h, 1.0f / 60.0f);
            SDL_RenderClear(host.renderer());
            ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
            host.Present();
        }
    }
    Stage("3 frames of every screen");
    std::printf("\nFont atlas: %d x %d texels = %.1f MiB as RGBA (%.1f MiB alpha only)\n", tw, th,
                static_cast<double>(tw) * th * 4 / 1048576.0, static_cast<double>(tw) * th / 1048576.0);
    const std::pair<const char*, ImFont*> named[] = {{"small", app.frame.fonts.small},
                                                     {"body", app.frame.fonts.body},
                                                     {"large", app.frame.fonts.large},
                                                     {"title", app.frame.fonts.title},
                                                     {"huge", app.frame.fonts.huge}};
    for (const auto& [name, font] : named)
        std::printf("  %-6s %5.0f px  %5d glyphs\n", name, font->FontSize, font->Glyphs.Size);
    std::printf("\n");
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext();
    return 0;
}

pid_t Spawn(const std::vector<std::string>& args) {
    std::vector<std::string> argv_s = args;
    std::vector<char*> argv;
    for (auto& s : argv_s) argv.push_back(s.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    if (posix_spawn(&pid, argv_s[0].c_str(), &fa, nullptr, argv.data(), environ) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&fa);
    return pid;
}

int Child(const char* title, const std::vector<std::string>& args, int seconds) {
    const pid_t pid = Spawn(args);
    if (pid < 0) {
        std::fprintf(stderr, "bench_memory: cannot start %s\n", args[0].c_str());
        return 1;
    }
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    const Memory m = ReadMemory(std::to_string(pid));
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    if (m.rss_kib == 0) {
        std::fprintf(stderr, "bench_memory: %s ended early (status %d)\n", title, status);
        return 1;
    }
    std::printf("%s, after %d s:\n  RSS %.1f MiB (anon %.1f, file-backed %.1f), peak %.1f MiB\n\n", title,
                seconds, MiB(m.rss_kib), MiB(m.anon_kib), MiB(m.file_kib), MiB(m.hwm_kib));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    int seconds = 20;
    std::string binary = CK_KIOSK_BINARY;
    std::string shared = std::getenv("CK_SHARED_DIR") ? std::getenv("CK_SHARED_DIR") : CK_SHARED_DIR_DEFAULT;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--seconds" && i + 1 < argc) {
            seconds = std::atoi(argv[++i]);
        } else if (a == "--binary" && i + 1 < argc) {
            binary = argv[++i];
        } else if (a == "--shared" && i + 1 < argc) {
            shared = argv[++i];
        } else {
            std::fprintf(stderr, "usage: bench_memory [--seconds S] [--binary PATH] [--shared DIR]\n");
            return 2;
        }
    }
    if (int rc = InProcess(); rc != 0) return rc;
    if (int rc = Child("Idle demo kiosk (civic-kiosk run --demo --headless)",
                       {binary, "run", "--demo", "--headless"}, seconds);
        rc != 0)
        return rc;

    const std::filesystem::path clip =
        std::filesystem::path(shared) / "data/pets2009-s2l1/pets2009-s2l1-view001-480x360.mp4";
    if (!std::filesystem::exists(clip)) {
        std::printf("Counter running: skipped, no clip at %s\n", clip.c_str());
        return 0;
    }
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("bench-memory-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const std::filesystem::path config = dir / "kiosk.toml";
    std::ofstream(config) << "[kiosk]\nid = \"bench-memory\"\ndatabase = \"" << (dir / "kiosk.db").string()
                          << "\"\n[counter]\nenabled = true\nsource = \"file\"\nvideo_file = \""
                          << clip.string()
                          << "\"\n[[counter.lines]]\nname = \"vertical\"\nline = [240, 0, 240, 360]\n";
    const int rc =
        Child("Kiosk with the counter on the looping clip (DNN; run --headless --config, no --demo)",
              {binary, "run", "--headless", "--config", config.string()}, seconds);
    std::filesystem::remove_all(dir);
    return rc;
}
