// What a screenshot test checks of a PNG: that it decodes, its size, and that it is not flat (a blank or
// single-colour frame means nothing was drawn).
#pragma once

#include <cstddef>
#include <filesystem>

namespace ck::test {

struct PixelStats {
    int width = 0, height = 0;  // 0 when the file does not decode
    std::size_t distinct_colours = 0;
    double dominant_share = 1;  // share of the pixels that have the most common colour
    std::size_t black_pixels =
        0;  // exactly #000000 (QR modules; the themes' text colours are not pure black)
};

PixelStats DecodeStats(const std::filesystem::path& path);

}  // namespace ck::test
