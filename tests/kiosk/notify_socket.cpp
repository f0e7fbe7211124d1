#include "notify_socket.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <sstream>
#include <stdexcept>

namespace ck::test {

NotifySocket::NotifySocket(std::filesystem::path path) : path_(std::move(path)) {
    fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd_ < 0) throw std::runtime_error("socket: " + std::string(std::strerror(errno)));
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const std::string p = path_.string();
    if (p.size() >= sizeof addr.sun_path) throw std::runtime_error("socket path too long: " + p);
    std::memcpy(addr.sun_path, p.c_str(), p.size() + 1);
    if (bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
        throw std::runtime_error("bind " + p + ": " + std::strerror(errno));
}

NotifySocket::~NotifySocket() {
    if (fd_ >= 0) close(fd_);
    std::error_code ec;
    std::filesystem::remove(path_, ec);
}

void NotifySocket::Drain() {
    char buf[4096];
    for (;;) {
        const ssize_t n = recv(fd_, buf, sizeof buf, 0);
        if (n <= 0) return;
        std::istringstream in(std::string(buf, static_cast<std::size_t>(n)));
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) lines_.push_back(line);
    }
}

}  // namespace ck::test
