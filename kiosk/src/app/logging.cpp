#include "app/logging.h"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <mutex>
#include <unordered_map>

namespace ck::kiosk {
namespace {

// Passes a message on at most once per window; afterwards says how many identical ones were suppressed.
class RateLimitedSink : public spdlog::sinks::base_sink<std::mutex> {
public:
    RateLimitedSink(std::vector<spdlog::sink_ptr> targets, std::chrono::seconds window)
        : targets_(std::move(targets)), window_(window) {}

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
        const std::string key(msg.payload.data(), msg.payload.size());
        auto now = msg.time;
        auto it = seen_.find(key);
        if (it != seen_.end() && now - it->second.first < window_) {
            ++it->second.second;
            return;
        }
        if (it != seen_.end() && it->second.second > 0) {
            const std::string note = "(previous message repeated " + std::to_string(it->second.second) + " times)";
            spdlog::details::log_msg repeat(msg.logger_name, msg.level, note);
            for (auto& t : targets_) t->log(repeat);
        }
        seen_[key] = {now, 0};
        if (seen_.size() > 1024) seen_.clear();  // bounded memory; worst case a repeat slips through
        for (auto& t : targets_) t->log(msg);
    }
    void flush_() override {
        for (auto& t : targets_) t->flush();
    }

private:
    std::vector<spdlog::sink_ptr> targets_;
    std::chrono::seconds window_;
    std::unordered_map<std::string, std::pair<spdlog::log_clock::time_point, int>> seen_;
};

}  // namespace

void SetupLogging(const Config& config, bool quiet) {
    std::vector<spdlog::sink_ptr> sinks;
    auto err = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    err->set_level(quiet ? spdlog::level::warn : spdlog::level::info);
    sinks.push_back(err);
    if (!config.log_dir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(config.log_dir, ec);
        try {
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                (std::filesystem::path(config.log_dir) / "civic-kiosk.log").string(), config.log_max_bytes,
                static_cast<std::size_t>(config.log_max_files));
            file->set_level(spdlog::level::info);
            sinks.push_back(file);
        } catch (const spdlog::spdlog_ex& e) {
            err->log(spdlog::details::log_msg("civic-kiosk", spdlog::level::warn,
                                              std::string("no log file: ") + e.what()));
        }
    }
    auto limited = std::make_shared<RateLimitedSink>(sinks, std::chrono::seconds(60));
    auto logger = std::make_shared<spdlog::logger>("civic-kiosk", limited);
    logger->set_level(spdlog::level::info);
    spdlog::set_default_logger(logger);
}

}  // namespace ck::kiosk
