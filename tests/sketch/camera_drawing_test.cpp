// What a viewer sees of the camera words: "zoom in" brings the subjects nearer (their
// drawn pixels cover more of the last frame than of the first), "zoom out" the reverse,
// and an orbit slides the hills one way and the foreground the other while the subjects
// turn, the nearer growing as the farther shrinks.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "frame_probe.h"
#include "scene_renderer.h"
#include "text_shaper.h"

namespace dreamfeed::sketch {
namespace {

using testing::differing;
using testing::Image;
using testing::plan_for;
using testing::render_frame;
using testing::without_subjects;

std::vector<int> every_subject(const ScenePlan& plan) {
  std::vector<int> all;
  for (std::size_t s = 0; s < plan.graph.subjects.size(); ++s) all.push_back(static_cast<int>(s));
  return all;
}

// Area of the bounding box of everything the figures draw in `frame`.
double subject_area(const ScenePlan& plan, int frame) {
  const auto drawn = differing(render_frame(plan, frame),
                               render_frame(without_subjects(plan, every_subject(plan)), frame));
  EXPECT_GT(drawn.points.size(), 100u) << "frame " << frame;
  return (drawn.max_x - drawn.min_x + 1) * (drawn.max_y - drawn.min_y + 1);
}

TEST(CameraDrawing, ZoomInBringsTheSubjectsNearerZoomOutTakesThemAway) {
  const ScenePlan in = plan_for("zoom in on a red car");
  EXPECT_GT(subject_area(in, 95), 1.3 * subject_area(in, 0));
  const ScenePlan out = plan_for("zoom out on a horse and a cow");
  EXPECT_LT(subject_area(out, 95) * 1.3, subject_area(out, 0));
  // Without a camera word the figures keep their size.
  const ScenePlan still = plan_for("a red car");
  EXPECT_NEAR(subject_area(still, 95) / subject_area(still, 0), 1.0, 0.1);
}

double luma(const Image& image, int x, int y) {
  const auto p = image.at(x, y);
  return 0.2126 * p.r + 0.7152 * p.g + 0.0722 * p.b;
}

// The horizontal shift that best carries rows [y0, y1) of `a` onto `b`, in [-reach, reach].
int best_shift(const Image& a, const Image& b, int y0, int y1, int x0, int x1, int reach) {
  int best = 0;
  double best_cost = std::numeric_limits<double>::max();
  for (int s = -reach; s <= reach; ++s) {
    double cost = 0;
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) cost += std::fabs(luma(a, x, y) - luma(b, x + s, y));
    }
    if (cost < best_cost) best_cost = cost, best = s;
  }
  return best;
}

TEST(CameraDrawing, AnOrbitSlidesTheForegroundAgainstTheBackground) {
  const ScenePlan plan = plan_for("the camera orbits around a horse and a cow");
  // The figures are left out so that only the layers are compared.
  const ScenePlan layers = without_subjects(plan, every_subject(plan));
  const Image first = render_frame(layers, 0);
  const Image last = render_frame(layers, 95);
  const int w = first.width, h = first.height, reach = 140;
  const int hills = best_shift(first, last, h * 58 / 100, h * 72 / 100, reach, w - reach, reach);
  // Left half only: the watermark sits still in the bottom right corner.
  const int ground = best_shift(first, last, h * 93 / 100, h * 99 / 100, reach, w / 2, reach);
  EXPECT_GE(std::abs(hills), 5) << "hills " << hills;
  EXPECT_GE(std::abs(ground), 5) << "foreground " << ground;
  EXPECT_LT(hills * ground, 0) << "hills " << hills << " foreground " << ground;
}

TEST(CameraDrawing, AnOrbitTurnsTheSubjects) {
  const ScenePlan plan = plan_for("the camera orbits around a horse and a cow");
  ASSERT_EQ(plan.subjects.figures.size(), 2u);
  SceneRenderer renderer(plan, "maya", TextShaper());
  const auto first = renderer.figure_boxes(0);
  const auto last = renderer.figure_boxes(95);
  const double grow_a = last[0].height / first[0].height;
  const double grow_b = last[1].height / first[1].height;
  // One comes nearer as the other goes away.
  EXPECT_GT(std::fabs(grow_a - 1), 0.04) << grow_a;
  EXPECT_GT(std::fabs(grow_b - 1), 0.04) << grow_b;
  EXPECT_LT((grow_a - 1) * (grow_b - 1), 0) << grow_a << " " << grow_b;
  const auto gap = [](const std::vector<FigureBox>& b) {
    return (b[1].x + b[1].width / 2) - (b[0].x + b[0].width / 2);
  };
  EXPECT_GT(std::fabs(gap(last) - gap(first)), 5.0);
}

}  // namespace
}  // namespace dreamfeed::sketch
