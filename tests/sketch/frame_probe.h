// Looking at rendered sketch frames in tests: plans for a prompt, copies of frames, and
// the pixels one figure adds to a frame (found by rendering the same plan without it,
// so the backdrop, camera and every other figure are exactly the same).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "interfaces/clip_sink.h"
#include "scene_plan.h"

namespace dreamfeed::sketch::testing {

ScenePlan plan_for(std::string_view prompt, int width = 480, int height = 854,
                   std::uint64_t seed = 11);

struct Pixel {
  int r, g, b;
};
Pixel pixel_at(const FrameView& f, int x, int y);

// The first figure drawn for graph subject `subject`.
std::size_t figure_of(const ScenePlan& plan, int subject);

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint32_t> pixels;  // premultiplied ARGB, no padding
  Pixel at(int x, int y) const;
};

Image render_frame(const ScenePlan& plan, int frame);

// `plan` with the figures of `subjects` left undrawn (sized to nothing).
ScenePlan without_subjects(ScenePlan plan, const std::vector<int>& subjects);

// Pixels where two renders of the same size differ by more than `tolerance` in a channel.
struct PixelSet {
  int width = 0;
  std::vector<char> mask;  // row after row: 1 where the renders differ
  std::vector<std::pair<int, int>> points;
  bool contains(int x, int y) const;
  double min_x = 0, min_y = 0, max_x = -1, max_y = -1;  // bounding box, when not empty
  double mean_x() const;
  double mean_y() const;
};
PixelSet differing(const Image& a, const Image& b, int tolerance = 6);

}  // namespace dreamfeed::sketch::testing
