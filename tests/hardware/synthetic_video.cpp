#include "synthetic_video.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

namespace ck::hw::test {

cv::Mat RenderScene(const std::vector<Walker>& walkers, int index) {
    cv::Mat frame(240, 320, CV_8UC3);
    // A fixed paving pattern so the background model has texture to learn.
    for (int y = 0; y < frame.rows; ++y) {
        for (int x = 0; x < frame.cols; ++x) {
            const int v = 110 + ((x / 16 + y / 16) % 2) * 30 + (x * 7 + y * 13) % 9;
            frame.at<cv::Vec3b>(y, x) = cv::Vec3b(v, v + 5, v - 5);
        }
    }
    for (const auto& w : walkers) {
        if (index < w.first_frame || index > w.last_frame) continue;
        const double t =
            w.last_frame > w.first_frame ? double(index - w.first_frame) / (w.last_frame - w.first_frame) : 0;
        const cv::Point2d foot = w.from + t * (w.to - w.from);
        const cv::Rect body(cvRound(foot.x - w.width / 2.0), cvRound(foot.y - w.height), w.width, w.height);
        cv::rectangle(frame, body, w.colour, cv::FILLED);
        cv::circle(frame, {body.x + w.width / 2, body.y + 4}, w.width / 3, w.colour * 0.6, cv::FILLED);
    }
    return frame;
}

bool WriteSceneVideo(const std::filesystem::path& path, const std::vector<Walker>& walkers, int frames,
                     double fps) {
    cv::VideoWriter writer(path.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps, {320, 240});
    if (!writer.isOpened()) return false;
    for (int i = 0; i < frames; ++i) writer.write(RenderScene(walkers, i));
    return true;
}

}  // namespace ck::hw::test
