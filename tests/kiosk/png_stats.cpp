#include "png_stats.h"

#include <stb_image.h>

#include <algorithm>
#include <cstdint>
#include <map>

namespace ck::test {

PixelStats DecodeStats(const std::filesystem::path& path) {
    PixelStats s;
    int channels = 0;
    unsigned char* px = stbi_load(path.string().c_str(), &s.width, &s.height, &channels, 3);
    if (!px) return s;
    std::map<std::uint32_t, std::size_t> counts;
    const std::size_t n = static_cast<std::size_t>(s.width) * static_cast<std::size_t>(s.height);
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char* p = px + i * 3;
        ++counts[(std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2]];
    }
    stbi_image_free(px);
    const auto black = counts.find(0);
    s.black_pixels = black == counts.end() ? 0 : black->second;
    std::size_t top = 0;
    for (const auto& [c, k] : counts) top = std::max(top, k);
    s.distinct_colours = counts.size();
    s.dominant_share = n ? static_cast<double>(top) / static_cast<double>(n) : 1;
    return s;
}

}  // namespace ck::test
