// fake-central: the fake central server as a child process for tests. Prints "PORT <n>" and
// "CONTROL_PORT <m>" on its first two stdout lines, then serves until SIGTERM/SIGINT or stdin EOF.
#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>

#include "fake_central/fake_central.h"

namespace {

void Usage() {
    std::fprintf(stderr,
                 "usage: fake-central [--port N] [--ignore-stdin]\n"
                 "  --port N        port on 127.0.0.1 (default 0: ephemeral)\n"
                 "  --ignore-stdin  keep running when stdin reaches EOF (stop with SIGTERM/SIGINT)\n");
}

}  // namespace

int main(int argc, char** argv) {
    ck::fake::FakeCentralOptions options;
    options.separate_control_port = true;
    bool watch_stdin = true;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--port" && i + 1 < argc) {
            char* end = nullptr;
            const long port = std::strtol(argv[++i], &end, 10);
            if (*end != '\0' || port < 0 || port > 65535) {
                std::fprintf(stderr, "fake-central: --port needs a number in 0..65535\n");
                return 2;
            }
            options.port = static_cast<int>(port);
        } else if (arg == "--ignore-stdin") {
            watch_stdin = false;
        } else if (arg == "--help" || arg == "-h") {
            Usage();
            return 0;
        } else {
            Usage();
            return 2;
        }
    }

    // Signals are taken synchronously through a signalfd, so every thread must have them blocked.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    const int signal_fd = signalfd(-1, &stop_signals, SFD_CLOEXEC);
    if (signal_fd < 0) {
        std::perror("fake-central: signalfd");
        return 1;
    }

    try {
        ck::fake::FakeCentral central(options);
        std::printf("PORT %d\nCONTROL_PORT %d\n", central.port(), central.control_port());
        std::fflush(stdout);

        pollfd fds[2] = {{signal_fd, POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
        const nfds_t nfds = watch_stdin ? 2 : 1;
        for (;;) {
            if (poll(fds, nfds, -1) < 0) continue;
            if (fds[0].revents & POLLIN) break;
            if (nfds == 2 && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
                char buf[256];
                const ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
                if (n <= 0) break;  // EOF: the parent is gone or closed our stdin
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    close(signal_fd);
    return 0;
}
