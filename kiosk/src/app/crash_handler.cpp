#include "app/crash_handler.h"

#include <execinfo.h>
#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <cstring>

namespace ck::kiosk {
namespace {

// A signal handler gets no context argument, so what it needs lives here, prepared before any crash. These
// are the only mutable statics of the app besides the logger: a handler cannot reach anything else.
constexpr std::size_t kPathMax = 512;
char g_dir[kPathMax] = {};
char g_version[64] = {};
constexpr int kSignals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

void Put(int fd, const char* text) {
    std::size_t left = std::strlen(text);
    while (left > 0) {
        const ssize_t n = write(fd, text, left);
        if (n <= 0) return;
        text += n;
        left -= static_cast<std::size_t>(n);
    }
}

// Decimal digits of v into out (no allocation, no locale); returns out.
char* Digits(long long v, char* out, std::size_t size) {
    char tmp[24];
    std::size_t n = 0;
    const bool negative = v < 0;
    unsigned long long u =
        negative ? 0ULL - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
    do {
        tmp[n++] = static_cast<char>('0' + u % 10);
        u /= 10;
    } while (u != 0 && n < sizeof tmp);
    std::size_t i = 0;
    if (negative && i + 1 < size) out[i++] = '-';
    while (n > 0 && i + 1 < size) out[i++] = tmp[--n];
    out[i] = '\0';
    return out;
}

// Appends text to the NUL-terminated buffer dst of `size` bytes, cutting what does not fit.
void Append(char* dst, std::size_t size, const char* text) {
    std::size_t used = std::strlen(dst);
    while (*text != '\0' && used + 1 < size) dst[used++] = *text++;
    dst[used] = '\0';
}

const char* SignalName(int sig) {
    switch (sig) {
        case SIGSEGV:
            return "SIGSEGV";
        case SIGBUS:
            return "SIGBUS";
        case SIGFPE:
            return "SIGFPE";
        case SIGILL:
            return "SIGILL";
        case SIGABRT:
            return "SIGABRT";
        default:
            return "signal";
    }
}

void OnFatalSignal(int sig) {
    if (g_dir[0] != '\0') {
        char path[kPathMax + 64];
        char number[24];
        timespec now{};
        clock_gettime(CLOCK_REALTIME, &now);
        path[0] = '\0';
        Append(path, sizeof path, g_dir);
        Append(path, sizeof path, "/crash-");
        Append(path, sizeof path, Digits(now.tv_sec, number, sizeof number));
        Append(path, sizeof path, "-");
        Append(path, sizeof path, Digits(getpid(), number, sizeof number));
        Append(path, sizeof path, ".txt");
        const int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
        if (fd >= 0) {
            Put(fd, "civic-kiosk crashed\nsignal: ");
            Put(fd, SignalName(sig));
            Put(fd, " (");
            Put(fd, Digits(sig, number, sizeof number));
            Put(fd, ")\nversion: ");
            Put(fd, g_version);
            Put(fd, "\nunix time: ");
            Put(fd, Digits(now.tv_sec, number, sizeof number));
            Put(fd, "\nbacktrace:\n");
            void* frames[64];
            const int depth = backtrace(frames, 64);
            backtrace_symbols_fd(frames, depth, fd);
            fsync(fd);
            close(fd);
        }
    }
    // Die of the same signal: the default action, re-raised (SA_RESETHAND already restored it).
    signal(sig, SIG_DFL);
    raise(sig);
}

}  // namespace

void InstallCrashHandler(const std::string& log_dir, const std::string& version) {
    g_dir[0] = '\0';
    if (log_dir.size() < kPathMax) Append(g_dir, sizeof g_dir, log_dir.c_str());
    g_version[0] = '\0';
    Append(g_version, sizeof g_version, version.c_str());
    // backtrace() loads libgcc on its first call, which may allocate: do that now, not in the handler.
    void* warm[2];
    (void)backtrace(warm, 2);
    struct sigaction action {};
    action.sa_handler = OnFatalSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND | SA_NODEFER;
    for (const int sig : kSignals) sigaction(sig, &action, nullptr);
}

}  // namespace ck::kiosk
