// A decoded picture as packed 8-bit RGB, the form tests and thumbnails work with.
#pragma once

#include <cstdint>
#include <vector>

namespace dreamfeed {

struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgb;  // width * height * 3 bytes, rows packed, R G B order

  const std::uint8_t* pixel(int x, int y) const {
    return rgb.data() + (static_cast<std::size_t>(y) * width + x) * 3;
  }
};

}  // namespace dreamfeed
