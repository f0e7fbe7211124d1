#include "log_capture.h"

#include <spdlog/sinks/ostream_sink.h>

namespace ck::test {

LogCapture::LogCapture() : previous_(spdlog::default_logger()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_st>(out_);
    auto logger = std::make_shared<spdlog::logger>("capture", std::move(sink));
    logger->set_level(spdlog::level::trace);
    logger->set_pattern("%l %v");
    spdlog::set_default_logger(std::move(logger));
}

LogCapture::~LogCapture() {
    spdlog::set_default_logger(previous_);
}

int LogCapture::CountLines(std::string_view needle) const {
    std::istringstream in(out_.str());
    int count = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.find(needle) != std::string::npos) ++count;
    }
    return count;
}

}  // namespace ck::test
