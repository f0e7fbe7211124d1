// Generated scenes: rectangles ("people") walking over a textured background, in memory or as an MJPEG file.
#pragma once

#include <filesystem>
#include <vector>

#include <opencv2/core.hpp>

namespace ck::hw::test {

struct Walker {
    cv::Point2d from, to;  // foot point at the first and last frame
    int first_frame = 0, last_frame = 0;
    int width = 16, height = 44;
    cv::Scalar colour{40, 40, 160};
};

// Frame `index` of a 320x240 scene.
cv::Mat RenderScene(const std::vector<Walker>& walkers, int index);
// Writes frames 0..frames-1 as MJPEG AVI (OpenCV's built-in encoder); false if it could not.
bool WriteSceneVideo(const std::filesystem::path& path, const std::vector<Walker>& walkers, int frames,
                     double fps);

}  // namespace ck::hw::test
