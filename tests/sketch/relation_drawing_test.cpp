// What a viewer sees of relations between subjects: a thing inside another is drawn
// within it, a held thing sits at the holder's hand and goes where the holder goes, a
// subject behind another is hidden where they overlap and peeks out beside it, one
// under another stands beneath it, neighbours stand side by side, a chaser runs behind
// what it chases, and a "stacked" group is a tower. Each figure's pixels are found by rendering the
// same plan without it.
#include <gtest/gtest.h>

#include <cmath>

#include "figure_hand.h"
#include "frame_probe.h"
#include "scene_renderer.h"
#include "text_shaper.h"

namespace dreamfeed::sketch {
namespace {

using testing::differing;
using testing::figure_of;
using testing::plan_for;
using testing::render_frame;
using testing::without_subjects;

FigureBox screen_box(const ScenePlan& plan, std::size_t figure, int frame) {
  SceneRenderer renderer(plan, "maya", TextShaper());
  return renderer.figure_boxes(frame).at(figure);
}

void expect_inside(std::string_view prompt) {
  SCOPED_TRACE(prompt);
  const ScenePlan plan = plan_for(prompt);
  const ScenePlan empty = without_subjects(plan, {0});
  const std::size_t container = figure_of(plan, 1);
  for (int frame : {0, 48, 95}) {
    const FigureBox box = screen_box(plan, container, frame);
    const FigureBox inner = screen_box(plan, figure_of(plan, 0), frame);
    const auto added = differing(render_frame(plan, frame), render_frame(empty, frame));
    // Visible: most of what it covers is drawn (the container's rim hides the rest).
    EXPECT_GT(added.points.size(), inner.width * inner.height * 0.2) << "frame " << frame;
    int outside = 0;
    for (auto [x, y] : added.points) {
      outside +=
          x < box.x - 1 || x > box.x + box.width + 1 || y < box.y - 1 || y > box.y + box.height + 1;
    }
    EXPECT_EQ(outside, 0) << "frame " << frame << " of " << added.points.size();
  }
}

TEST(RelationDrawing, WhatIsInsideIsDrawnWithinItsContainer) {
  expect_inside("an orange cat inside a blue box");
  expect_inside("a fish in a bowl on a table");
}

TEST(RelationDrawing, AHeldThingIsAtTheHandAndMovesWithTheHolder) {
  const ScenePlan plan = plan_for("a man walks holding a red balloon");
  const ScenePlan empty = without_subjects(plan, {1});
  const std::size_t man = figure_of(plan, 0);
  std::vector<double> balloon_x, man_x;
  for (int frame : {0, 95}) {
    const FigureBox holder = screen_box(plan, man, frame);
    const FigurePoint hand = hand_point(plan.subjects.figures[man], holder);
    const auto balloon = differing(render_frame(plan, frame), render_frame(empty, frame));
    ASSERT_GT(balloon.points.size(), 200u) << "frame " << frame;
    // It rises from the hand: its string ends there.
    EXPECT_NEAR(balloon.max_y, hand.y, 4) << "frame " << frame;
    EXPECT_GT(hand.x, balloon.min_x - 3) << "frame " << frame;
    EXPECT_LT(hand.x, balloon.max_x + 3) << "frame " << frame;
    // The hand is at the end of the figure's arm, beside its body.
    EXPECT_GT(hand.y, holder.y + holder.height * 0.3);
    EXPECT_LT(hand.y, holder.y + holder.height * 0.6);
    balloon_x.push_back(balloon.mean_x());
    man_x.push_back(holder.x);
  }
  EXPECT_GT(std::fabs(man_x[1] - man_x[0]), 10.0);                     // the man walks…
  EXPECT_NEAR(balloon_x[1] - balloon_x[0], man_x[1] - man_x[0], 2.0);  // …and it goes along
}

// Subject `back` is behind subject `front`: where both are drawn the frame shows the
// front one, and part of the back one is seen beside it.
void expect_occluded(std::string_view prompt, int back, int front) {
  SCOPED_TRACE(prompt);
  const ScenePlan plan = plan_for(prompt);
  const int frame = 30;
  const auto full = render_frame(plan, frame);
  const auto neither = render_frame(without_subjects(plan, {back, front}), frame);
  const auto back_only = render_frame(without_subjects(plan, {front}), frame);
  const auto front_only = render_frame(without_subjects(plan, {back}), frame);
  const auto back_pixels = differing(back_only, neither);
  const auto front_pixels = differing(front_only, neither);
  int overlap = 0, front_wins = 0, peeking = 0;
  for (auto [x, y] : back_pixels.points) {
    if (!front_pixels.contains(x, y)) {
      ++peeking;
      continue;
    }
    ++overlap;
    const auto a = full.at(x, y);
    const auto b = front_only.at(x, y);
    front_wins += std::abs(a.r - b.r) <= 6 && std::abs(a.g - b.g) <= 6 && std::abs(a.b - b.b) <= 6;
  }
  EXPECT_GT(overlap, 150);
  EXPECT_GT(front_wins, overlap * 9 / 10) << front_wins << " of " << overlap;
  EXPECT_GT(peeking, 150);
  // Set back: it stands higher up the ground than the front one.
  const auto& figures = plan.subjects.figures;
  const FigureBox b = figures[figure_of(plan, back)].box;
  const FigureBox f = figures[figure_of(plan, front)].box;
  EXPECT_LT(b.y + b.height, f.y + f.height);
}

TEST(RelationDrawing, BehindIsHiddenByWhatIsInFront) {
  expect_occluded("a red cow behind a blue truck", 0, 1);
  expect_occluded("a purple robot stands in front of a house", 1, 0);
}

TEST(RelationDrawing, WhatIsBehindIsSmallerAndDimmer) {
  const ScenePlan alone = plan_for("a red cow");
  const ScenePlan behind = plan_for("a red cow behind a blue truck");
  const auto& cow_alone = alone.subjects.figures[figure_of(alone, 0)];
  const auto& cow_behind = behind.subjects.figures[figure_of(behind, 0)];
  EXPECT_LT(cow_behind.box.height, cow_alone.box.height * 0.9);
  const auto cow_pixels = [](const ScenePlan& plan) {
    return differing(render_frame(plan, 30), render_frame(without_subjects(plan, {0}), 30));
  };
  const auto mean_red = [](const ScenePlan& plan, const testing::PixelSet& set) {
    const auto frame = render_frame(plan, 30);
    double sum = 0;
    for (auto [x, y] : set.points) sum += frame.at(x, y).r;
    return sum / static_cast<double>(std::max<std::size_t>(1, set.points.size()));
  };
  EXPECT_LT(mean_red(behind, cow_pixels(behind)) + 15, mean_red(alone, cow_pixels(alone)));
}

TEST(RelationDrawing, WhatIsUnderStandsBeneathIt) {
  const ScenePlan plan = plan_for("a cat sleeps under a table");
  const ScenePlan empty = without_subjects(plan, {0});
  const std::size_t table = figure_of(plan, 1);
  for (int frame : {0, 95}) {
    const FigureBox box = screen_box(plan, table, frame);
    const auto cat = differing(render_frame(plan, frame), render_frame(empty, frame));
    ASSERT_GT(cat.points.size(), 100u) << "frame " << frame;
    // Between the table's legs, below its top, standing on the same floor.
    EXPECT_GE(cat.min_x, box.x - 1) << "frame " << frame;
    EXPECT_LE(cat.max_x, box.x + box.width + 1) << "frame " << frame;
    EXPECT_GT(cat.min_y, box.y + box.height * 0.4) << "frame " << frame;
    EXPECT_NEAR(cat.max_y, box.y + box.height, 3) << "frame " << frame;
  }
}

TEST(RelationDrawing, NeighboursStandSideBySideAndAChaserRunsBehind) {
  const ScenePlan pair = plan_for("a tiny mouse next to a big elephant");
  SceneRenderer pair_renderer(pair, "maya", TextShaper());
  for (int frame : {0, 95}) {
    const auto boxes = pair_renderer.figure_boxes(frame);
    const FigureBox mouse = boxes[figure_of(pair, 0)];
    const FigureBox elephant = boxes[figure_of(pair, 1)];
    EXPECT_NEAR(mouse.y + mouse.height, elephant.y + elephant.height, 2) << frame;
    const double apart = std::fabs((mouse.x + mouse.width / 2) - (elephant.x + elephant.width / 2));
    EXPECT_GT(apart, (mouse.width + elephant.width) / 2) << frame;  // beside, not on top
    EXPECT_LT(apart, (mouse.width + elephant.width) / 2 + 0.1 * pair.width) << frame;
  }

  const ScenePlan chase = plan_for("a dog chases a ball in the park");
  SceneRenderer chase_renderer(chase, "maya", TextShaper());
  const auto first = chase_renderer.figure_boxes(0);
  const auto last = chase_renderer.figure_boxes(95);
  const std::size_t dog = figure_of(chase, 0), ball = figure_of(chase, 1);
  const auto centre = [](const FigureBox& b) { return b.x + b.width / 2; };
  const double ball_moves = centre(last[ball]) - centre(first[ball]);
  ASSERT_GT(std::fabs(ball_moves), 10.0);
  // The dog keeps up with the ball, behind it in the direction it rolls.
  EXPECT_NEAR(centre(last[dog]) - centre(first[dog]), ball_moves, 1.0);
  EXPECT_GT((centre(first[ball]) - centre(first[dog])) * ball_moves, 0);
  EXPECT_EQ(chase.subjects.figures[dog].facing_left, ball_moves < 0);
}

// A remix that adds a relation keeps what was already there where it was.
TEST(RelationDrawing, AddingARelationKeepsWhatItIsAnchoredToInPlace) {
  const auto same_place = [](std::string_view before_prompt, std::string_view after_prompt,
                             int before_subject, int after_subject) {
    SCOPED_TRACE(after_prompt);
    const ScenePlan before = plan_for(before_prompt);
    const ScenePlan after = plan_for(after_prompt);
    const FigureBox a = before.subjects.figures[figure_of(before, before_subject)].box;
    const FigureBox b = after.subjects.figures[figure_of(after, after_subject)].box;
    EXPECT_DOUBLE_EQ(a.x, b.x);
    EXPECT_DOUBLE_EQ(a.y, b.y);
    EXPECT_DOUBLE_EQ(a.height, b.height);
  };
  same_place("a blue truck", "a red cow behind a blue truck", 0, 1);
  same_place("a man walks", "a man walks holding a red balloon", 0, 0);
  same_place("a house", "a purple robot stands in front of a house", 0, 1);
  same_place("a man walks holding a red balloon", "a man walks holding a red balloon at night", 1,
             1);
}

TEST(RelationDrawing, AStackedGroupIsATower) {
  const ScenePlan plan = plan_for("five cats stacked");
  ASSERT_EQ(plan.subjects.figures.size(), 5u);
  SceneRenderer renderer(plan, "maya", TextShaper());
  for (int frame : {0, 95}) {
    auto boxes = renderer.figure_boxes(frame);
    std::sort(boxes.begin(), boxes.end(),
              [](const FigureBox& a, const FigureBox& b) { return a.y > b.y; });
    for (std::size_t k = 1; k < boxes.size(); ++k) {
      EXPECT_LT(boxes[k].y + boxes[k].height, boxes[k - 1].y + boxes[k - 1].height * 0.5);
      EXPECT_NEAR(boxes[k].x + boxes[k].width / 2, boxes[0].x + boxes[0].width / 2, 1.0);
    }
  }
}

}  // namespace
}  // namespace dreamfeed::sketch
