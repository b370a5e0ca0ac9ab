// What a viewer sees of the understood scene: subjects drawn where the prompt put them,
// in their colours, stacks visibly stacked and moving together, night darker than day,
// every figure inside the frame, layouts that survive prompt edits, bounded flocks.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <string>

#include "frame_probe.h"
#include "model/generation_request.h"
#include "scene_plan.h"
#include "scene_renderer.h"
#include "text_shaper.h"
#include "understanding/prompt_corpus.h"

namespace dreamfeed::sketch {
namespace {

using testing::figure_of;
using testing::Image;
using testing::Pixel;
using testing::pixel_at;
using testing::plan_for;
using testing::render_frame;

double mean_luma(const FrameView& f) {
  double sum = 0;
  for (int y = 0; y < f.height; y += 2) {
    for (int x = 0; x < f.width; x += 2) {
      const Pixel p = pixel_at(f, x, y);
      sum += 0.2126 * p.r + 0.7152 * p.g + 0.0722 * p.b;
    }
  }
  return sum / ((f.height / 2.0) * (f.width / 2.0));
}

TEST(SceneDrawing, ARedCarOnTheLeftIsRedInTheLeftThird) {
  const ScenePlan plan = plan_for("a red car on the left");
  SceneRenderer renderer(plan, "maya", TextShaper());
  for (int frame : {0, 48, 95}) {
    const FrameView f = renderer.render(frame);
    const FigureBox box = renderer.figure_boxes(frame).at(figure_of(plan, 0));
    EXPECT_LT(box.x + box.width / 2, f.width / 3.0) << "frame " << frame;
    int red = 0, total = 0;
    for (int y = static_cast<int>(box.y); y < static_cast<int>(box.y + box.height); ++y) {
      for (int x = static_cast<int>(box.x); x < static_cast<int>(box.x + box.width); ++x) {
        const Pixel p = pixel_at(f, x, y);
        red += p.r > 100 && p.r > 2 * p.g && p.r > 2 * p.b;
        ++total;
      }
    }
    EXPECT_GT(red, total * 35 / 100) << "frame " << frame;
  }
}

TEST(SceneDrawing, TheShowcaseStackIsRiderOverHorseOverHorseMovingTogether) {
  const ScenePlan plan = plan_for("a man rides a horse that is standing on another horse");
  ASSERT_EQ(plan.subjects.figures.size(), 3u);
  SceneRenderer renderer(plan, "maya", TextShaper());
  const std::size_t man = figure_of(plan, 0), upper = figure_of(plan, 1),
                    lower = figure_of(plan, 2);
  std::vector<double> centre_shift;
  for (int frame : {0, 30, 60, 95}) {
    const auto boxes = renderer.figure_boxes(frame);
    const auto mid_y = [&](std::size_t i) { return boxes[i].y + boxes[i].height / 2; };
    EXPECT_LT(mid_y(man), mid_y(upper)) << frame;
    EXPECT_LT(mid_y(upper), mid_y(lower)) << frame;
    // Each rests on the one below: its bottom is inside the lower one's box.
    EXPECT_GT(boxes[man].y + boxes[man].height, boxes[upper].y);
    EXPECT_GT(boxes[upper].y + boxes[upper].height, boxes[lower].y);
    const double cx_lower = boxes[lower].x + boxes[lower].width / 2;
    EXPECT_NEAR(boxes[upper].x + boxes[upper].width / 2, cx_lower, 1.0);
    EXPECT_NEAR(boxes[man].x + boxes[man].width / 2, cx_lower, 1.0);
    centre_shift.push_back(cx_lower);
  }
  // The stack walks: it is not in the same place at the start and the end.
  EXPECT_GT(std::fabs(centre_shift.back() - centre_shift.front()), 10.0);
}

TEST(SceneDrawing, NightIsDarkerThanDay) {
  const ScenePlan night = plan_for("a house and a tree at night");
  const ScenePlan day = plan_for("a house and a tree at noon");
  SceneRenderer night_renderer(night, "maya", TextShaper());
  SceneRenderer day_renderer(day, "maya", TextShaper());
  EXPECT_LT(mean_luma(night_renderer.render(40)) + 30, mean_luma(day_renderer.render(40)));
}

// Mean of each channel over the band [y0, y1) of the frame.
Pixel mean_colour(const FrameView& f, int y0, int y1) {
  long r = 0, g = 0, b = 0, n = 0;
  for (int y = y0; y < y1; y += 2) {
    for (int x = 0; x < f.width; x += 2) {
      const Pixel p = pixel_at(f, x, y);
      r += p.r, g += p.g, b += p.b, ++n;
    }
  }
  return Pixel{static_cast<int>(r / n), static_cast<int>(g / n), static_cast<int>(b / n)};
}

TEST(SceneDrawing, TheSettingShowsUnderwaterBlueSnowWhiteStageDark) {
  const ScenePlan sea = plan_for("a fish swims underwater at noon");
  const ScenePlan snow = plan_for("a fox in the tundra at noon");
  const ScenePlan stage = plan_for("a dancer on stage at noon");
  SceneRenderer sea_renderer(sea, "maya", TextShaper());
  SceneRenderer snow_renderer(snow, "maya", TextShaper());
  SceneRenderer stage_renderer(stage, "maya", TextShaper());
  const FrameView water = sea_renderer.render(30);
  const Pixel middle = mean_colour(water, water.height / 3, water.height * 2 / 3);
  EXPECT_GT(middle.b, middle.r + 60);
  const FrameView field = snow_renderer.render(30);
  const Pixel ground = mean_colour(field, field.height * 88 / 100, field.height * 95 / 100);
  EXPECT_GT(ground.r + ground.g + ground.b, 3 * 200);
  const FrameView theatre = stage_renderer.render(30);
  const Pixel sides = mean_colour(theatre, theatre.height / 4, theatre.height / 2);
  EXPECT_GT(sides.r, sides.b + 20);  // red curtains and a dark house, not sky blue
}

TEST(SceneDrawing, EveryCorpusSubjectIsDrawnInsideTheFrameInEveryShape) {
  const std::pair<int, int> shapes[] = {{480, 854}, {854, 480}, {480, 480}};
  for (const CorpusCase& c : prompt_corpus()) {
    for (auto [w, h] : shapes) {
      const ScenePlan plan = plan_for(c.prompt, w, h);
      SceneRenderer renderer(plan, "maya", TextShaper());
      // Every subject with a count has at least one figure.
      for (std::size_t s = 0; s < plan.graph.subjects.size(); ++s)
        figure_of(plan, static_cast<int>(s));
      for (int frame : {0, 47, 95}) {
        for (const FigureBox& b : renderer.figure_boxes(frame)) {
          EXPECT_GE(b.x, 0) << c.prompt << " " << w << "x" << h << " frame " << frame;
          EXPECT_GE(b.y, 0) << c.prompt << " " << w << "x" << h << " frame " << frame;
          EXPECT_LE(b.x + b.width, w) << c.prompt << " " << w << "x" << h << " frame " << frame;
          EXPECT_LE(b.y + b.height, h) << c.prompt << " " << w << "x" << h << " frame " << frame;
        }
      }
    }
  }
}

TEST(SceneDrawing, EditingThePromptKeepsTheOtherSubjectsInPlace) {
  const ScenePlan before = plan_for("a dog next to a tree");
  const ScenePlan after = plan_for("a big cat and a dog next to a tree in the rain");
  const auto dog_before = before.subjects.figures[figure_of(before, 0)].box;
  const auto dog_after = after.subjects.figures[figure_of(after, 1)].box;
  EXPECT_DOUBLE_EQ(dog_before.x, dog_after.x);
  EXPECT_DOUBLE_EQ(dog_before.y, dog_after.y);
  const auto tree_before = before.subjects.figures[figure_of(before, 1)].box;
  const auto tree_after = after.subjects.figures[figure_of(after, 2)].box;
  EXPECT_DOUBLE_EQ(tree_before.x, tree_after.x);
}

TEST(SceneDrawing, AThousandBirdsIsABoundedFlockDrawnQuickly) {
  const ScenePlan plan = plan_for("a thousand birds fly over a million horses", 720, 1280);
  EXPECT_EQ(plan.graph.subjects.at(0).count, 1000);
  EXPECT_LE(plan.subjects.figures.size(), static_cast<std::size_t>(kMaxFigures));
  EXPECT_GE(plan.subjects.figures.size(), 20u);
  SceneRenderer renderer(plan, "maya", TextShaper());
  const auto start = std::chrono::steady_clock::now();
  for (int frame = 0; frame < 24; ++frame) renderer.render(frame);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 3.0);  // well under real time even on a slow shared core
}

TEST(SceneDrawing, FiguresMoveBetweenFrames) {
  const ScenePlan plan = plan_for("a dog runs");
  SceneRenderer renderer(plan, "maya", TextShaper());
  const auto a = renderer.figure_boxes(0).at(0);
  const auto b = renderer.figure_boxes(48).at(0);
  EXPECT_GT(std::fabs(a.x - b.x), 5.0);
}

TEST(SceneDrawing, TimingTheLayersDrawsTheSameFrames) {
  const ScenePlan plan = plan_for("a man rides a horse in the rain at sunset");
  SceneRenderer timed(plan, "maya", TextShaper());
  LayerTimes times;
  for (int frame : {0, 30}) {
    const FrameView view = timed.render(frame, &times);
    const Image plain = render_frame(plan, frame);
    for (int y = 0; y < plain.height; y += 7) {
      for (int x = 0; x < plain.width; x += 5) {
        const Pixel drawn = pixel_at(view, x, y), expected = plain.at(x, y);
        ASSERT_TRUE(drawn.r == expected.r && drawn.g == expected.g && drawn.b == expected.b)
            << "frame " << frame << " at " << x << "," << y;
      }
    }
  }
  // The layers that draw something every frame took some time, and none went backwards.
  EXPECT_GT(times.backdrop, 0);
  EXPECT_GT(times.figures, 0);
  EXPECT_GT(times.weather, 0);
  for (double part : {times.setting, times.foreground, times.words, times.watermark}) {
    EXPECT_GE(part, 0);
  }
}

TEST(SceneDrawing, WithSubjectsTheWordsBecomeACaptionAtTheTop) {
  const ScenePlan plan = plan_for("a cat sleeps under a table");
  EXPECT_LT(plan.text.area.y + plan.text.area.height, plan.height * 0.25);
  const ScenePlan words_only = plan_for("flibber wobbles gronk");
  EXPECT_TRUE(words_only.subjects.figures.empty());
  EXPECT_GT(words_only.text.area.height, plan.height * 0.4);
}

}  // namespace
}  // namespace dreamfeed::sketch
