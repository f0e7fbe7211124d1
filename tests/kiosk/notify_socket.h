// A unix datagram socket standing in for systemd's NOTIFY_SOCKET: the test binds it, the kiosk (a child
// process) sends its sd_notify messages there, the test reads them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ck::test {

class NotifySocket {
  public:
    explicit NotifySocket(std::filesystem::path path);
    ~NotifySocket();
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;
    const std::filesystem::path& path() const { return path_; }
    // Reads every datagram waiting now (never blocks); each may hold several "KEY=value" lines.
    void Drain();
    // Every line received so far, in order.
    const std::vector<std::string>& lines() const { return lines_; }

  private:
    std::filesystem::path path_;
    int fd_ = -1;
    std::vector<std::string> lines_;
};

}  // namespace ck::test
