#include "app/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/quote.h"

namespace ck::kiosk {
namespace {

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

std::string SizeText(std::size_t bytes) {
    return bytes % (1024 * 1024) == 0 ? std::to_string(bytes / (1024 * 1024)) + " MiB"
                                      : std::to_string(bytes) + " bytes";
}

}  // namespace

Result<std::string> ReadRegularFile(const std::string& path, std::size_t max_bytes) {
    if (path.empty()) return MakeError("file.missing", "\"\": the file name is empty");
    const std::string shown = QuoteInput(path);
    // Opened without blocking (a FIFO would wait for a writer) and checked through the descriptor, so
    // nothing can be swapped in between the check and the read.
    Fd file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
    if (file.fd < 0) {
        const int err = errno;
        if (err == EISDIR) return MakeError("file.not_regular", shown + ": is a directory, not a file");
        return MakeError("file.missing", shown + ": cannot open (" + std::strerror(err) + ")");
    }
    struct stat st {};
    if (::fstat(file.fd, &st) != 0)
        return MakeError("file.read", shown + ": cannot read (" + std::strerror(errno) + ")");
    if (S_ISDIR(st.st_mode)) return MakeError("file.not_regular", shown + ": is a directory, not a file");
    if (!S_ISREG(st.st_mode))
        return MakeError("file.not_regular", shown + ": is not a regular file (a device, FIFO or socket)");
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
        return MakeError("file.too_large", shown + ": larger than " + SizeText(max_bytes));
    }
    (void)::fcntl(file.fd, F_SETFL, 0);  // a regular file: ordinary blocking reads
    std::string text;
    text.reserve(static_cast<std::size_t>(st.st_size));
    char buffer[64 * 1024];
    while (text.size() <= max_bytes) {  // at most one buffer past the limit, should the file have grown
        const ssize_t n = ::read(file.fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return MakeError("file.read", shown + ": cannot read (" + std::strerror(errno) + ")");
        if (n == 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
    }
    if (text.size() > max_bytes)
        return MakeError("file.too_large", shown + ": larger than " + SizeText(max_bytes));
    return text;
}

}  // namespace ck::kiosk
