#include "app/counting_settings.h"

namespace ck::kiosk {

counting::CountingSettings ToCountingSettings(const Config& config) {
    const CounterConfig& counter = config.counter;
    counting::CountingSettings s;
    s.kiosk_id = config.kiosk_id;
    s.database_path = config.database_path;
    s.bin_minutes = counter.bin_minutes;
    for (const auto& l : counter.lines) {
        s.lines.push_back(
            {{l.name, {{double(l.x1), double(l.y1)}, {double(l.x2), double(l.y2)}}}, l.towards_is_positive});
    }
    hw::CounterThreadConfig& t = s.thread;
    if (counter.source == "file") {
        t.source.kind = hw::FrameSourceConfig::Kind::kFile;
        t.source.path = counter.video_file;
    } else {
        t.source.kind = hw::FrameSourceConfig::Kind::kCamera;
        t.source.device = counter.device;
    }
    t.source.width = counter.width;
    t.source.height = counter.height;
    t.source.fps = counter.fps;
    t.detector.kind = counter.detector;
    t.detector.dnn.model_path = counter.model_path;
    t.pace_file = true;  // a file source replays like a camera (demo and soak runs)
    return s;
}

}  // namespace ck::kiosk
