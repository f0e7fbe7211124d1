// Runs the real civic-kiosk binary as a child process, headless, with its output captured.
#pragma once

#include <chrono>
#include <csignal>
#include <functional>
#include <string>
#include <vector>

namespace ck::test {

struct ChildResult {
    int exit_code = -1;  // -1: killed by a signal or the timeout
    bool timed_out = false;
    std::string out;     // stdout
    std::string err;     // stderr
    double seconds = 0;  // wall time
};

// Runs `binary args...` with SDL_VIDEODRIVER=offscreen (and the inherited environment), waits at most
// `timeout` and kills the child (SIGKILL) if it runs longer.
// terminate_after > 0: send SIGTERM after that long (how systemd stops the kiosk) and wait for the exit.
ChildResult RunChild(const std::string& binary, const std::vector<std::string>& args,
                     std::chrono::milliseconds timeout = std::chrono::seconds(60),
                     std::chrono::milliseconds terminate_after = std::chrono::milliseconds(0));

// Like RunChild, but sends SIGTERM (or `signal`) as soon as terminate_when() is true (polled every few ms),
// so a test waits for a condition (e.g. a file the child wrote), not for a time.
ChildResult RunChildUntil(const std::string& binary, const std::vector<std::string>& args,
                          const std::function<bool()>& terminate_when,
                          std::chrono::milliseconds timeout = std::chrono::seconds(60), int signal = SIGTERM);

}  // namespace ck::test
