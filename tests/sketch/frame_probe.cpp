// Frame copies and pixel differences for the sketch drawing tests.
#include "frame_probe.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "scene_renderer.h"
#include "text_shaper.h"

namespace dreamfeed::sketch::testing {
namespace {

Pixel unpack(std::uint32_t p) {
  return Pixel{static_cast<int>((p >> 16) & 255), static_cast<int>((p >> 8) & 255),
               static_cast<int>(p & 255)};
}

}  // namespace

ScenePlan plan_for(std::string_view prompt, int width, int height, std::uint64_t seed) {
  static const TextShaper shaper;
  Result<ScenePlan> plan = plan_scene(SceneRequest{prompt, seed, width, height, 4}, shaper);
  EXPECT_TRUE(plan.ok()) << prompt;
  return plan.ok() ? std::move(plan.value()) : ScenePlan{};
}

Pixel pixel_at(const FrameView& f, int x, int y) {
  const auto* row = reinterpret_cast<const std::uint32_t*>(f.pixels + y * f.stride);
  return unpack(row[x]);
}

std::size_t figure_of(const ScenePlan& plan, int subject) {
  for (std::size_t i = 0; i < plan.subjects.figures.size(); ++i) {
    if (plan.subjects.figures[i].subject == subject) return i;
  }
  ADD_FAILURE() << "no figure for subject " << subject;
  return 0;
}

Pixel Image::at(int x, int y) const {
  return unpack(pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                       static_cast<std::size_t>(x)]);
}

Image render_frame(const ScenePlan& plan, int frame) {
  SceneRenderer renderer(plan, "maya", TextShaper());
  const FrameView view = renderer.render(frame);
  Image image{view.width, view.height, {}};
  image.pixels.resize(static_cast<std::size_t>(view.width) * static_cast<std::size_t>(view.height));
  for (int y = 0; y < view.height; ++y) {
    std::memcpy(&image.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(view.width)],
                view.pixels + y * view.stride, static_cast<std::size_t>(view.width) * 4);
  }
  return image;
}

ScenePlan without_subjects(ScenePlan plan, const std::vector<int>& subjects) {
  for (PlacedFigure& f : plan.subjects.figures) {
    if (std::find(subjects.begin(), subjects.end(), f.subject) != subjects.end()) {
      f.box.width = 0;
      f.box.height = 0;
    }
  }
  return plan;
}

bool PixelSet::contains(int x, int y) const {
  return mask[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
              static_cast<std::size_t>(x)] != 0;
}

double PixelSet::mean_x() const {
  double sum = 0;
  for (const auto& p : points) sum += p.first;
  return points.empty() ? 0 : sum / static_cast<double>(points.size());
}

double PixelSet::mean_y() const {
  double sum = 0;
  for (const auto& p : points) sum += p.second;
  return points.empty() ? 0 : sum / static_cast<double>(points.size());
}

PixelSet differing(const Image& a, const Image& b, int tolerance) {
  PixelSet set;
  set.width = a.width;
  set.mask.assign(a.pixels.size(), 0);
  for (int y = 0; y < a.height; ++y) {
    for (int x = 0; x < a.width; ++x) {
      const Pixel p = a.at(x, y);
      const Pixel q = b.at(x, y);
      if (std::max({std::abs(p.r - q.r), std::abs(p.g - q.g), std::abs(p.b - q.b)}) <= tolerance)
        continue;
      if (set.points.empty()) set.min_x = set.max_x = x, set.min_y = set.max_y = y;
      set.min_x = std::min<double>(set.min_x, x);
      set.max_x = std::max<double>(set.max_x, x);
      set.min_y = std::min<double>(set.min_y, y);
      set.max_y = std::max<double>(set.max_y, y);
      set.points.emplace_back(x, y);
      set.mask[static_cast<std::size_t>(y) * static_cast<std::size_t>(a.width) +
               static_cast<std::size_t>(x)] = 1;
    }
  }
  return set;
}

}  // namespace dreamfeed::sketch::testing
