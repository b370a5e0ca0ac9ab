// What a viewer sees when one subject takes part in several relations: each is drawn.
// A cat on a box next to a dog sits above the dog's feet while its box stands beside
// the dog; a cat under a table and next to a dog is beneath the table, which stands
// beside the dog; a box under a table carries its cat beneath the table top. Each
// figure's pixels are found by rendering the same plan without it.
#include <gtest/gtest.h>

#include "frame_probe.h"
#include "scene_renderer.h"
#include "text_shaper.h"

namespace dreamfeed::sketch {
namespace {

using testing::differing;
using testing::figure_of;
using testing::PixelSet;
using testing::plan_for;
using testing::render_frame;
using testing::without_subjects;

PixelSet pixels_of(const ScenePlan& plan, int subject, int frame) {
  return differing(render_frame(plan, frame),
                   render_frame(without_subjects(plan, {subject}), frame));
}

// True when the two pixel sets share no more than `slack` pixels of width.
bool side_by_side(const PixelSet& a, const PixelSet& b, double slack = 3) {
  return a.max_x < b.min_x + slack || b.max_x < a.min_x + slack;
}

TEST(SeveralRelationsDrawing, ACatOnABoxNextToADogSitsAboveTheDogsFeet) {
  const ScenePlan plan = plan_for("a cat on a box next to a dog");
  SceneRenderer renderer(plan, "maya", TextShaper());
  for (int frame : {0, 95}) {
    SCOPED_TRACE(frame);
    const PixelSet cat = pixels_of(plan, 0, frame);
    const PixelSet box = pixels_of(plan, 1, frame);
    const PixelSet dog = pixels_of(plan, 2, frame);
    ASSERT_GT(cat.points.size(), 100u);
    ASSERT_GT(box.points.size(), 100u);
    ASSERT_GT(dog.points.size(), 100u);
    // The box stands on the dog's foot line, beside it.
    EXPECT_NEAR(box.max_y, dog.max_y, 3);
    EXPECT_TRUE(side_by_side(box, dog))
        << box.min_x << "-" << box.max_x << " and " << dog.min_x << "-" << dog.max_x;
    // The cat rests on the box: its feet are on the box's top, above the dog's feet.
    const FigureBox box_frame = renderer.figure_boxes(frame).at(figure_of(plan, 1));
    EXPECT_LT(cat.max_y, dog.max_y - box_frame.height * 0.5);
    EXPECT_NEAR(cat.max_y, box.min_y, box_frame.height * 0.25);
    EXPECT_GT(cat.mean_x(), box.min_x);
    EXPECT_LT(cat.mean_x(), box.max_x);
  }
}

TEST(SeveralRelationsDrawing, ACatUnderATableAndNextToADogIsBeneathTheTableBesideTheDog) {
  const ScenePlan plan = plan_for("a cat sleeps under a table and next to a dog");
  for (int frame : {0, 95}) {
    SCOPED_TRACE(frame);
    const PixelSet cat = pixels_of(plan, 0, frame);
    const PixelSet table = pixels_of(plan, 1, frame);
    const PixelSet dog = pixels_of(plan, 2, frame);
    ASSERT_GT(cat.points.size(), 100u);
    ASSERT_GT(table.points.size(), 100u);
    ASSERT_GT(dog.points.size(), 100u);
    // Under the table: between its legs, below its top, on the same floor.
    EXPECT_GE(cat.min_x, table.min_x - 1);
    EXPECT_LE(cat.max_x, table.max_x + 1);
    EXPECT_GT(cat.min_y, table.min_y + (table.max_y - table.min_y) * 0.3);
    EXPECT_NEAR(cat.max_y, table.max_y, 3);
    // Next to the dog: the table (with the cat) beside it on the same foot line.
    EXPECT_NEAR(table.max_y, dog.max_y, 3);
    EXPECT_TRUE(side_by_side(table, dog));
    EXPECT_TRUE(side_by_side(cat, dog));
  }
}

TEST(SeveralRelationsDrawing, TheBoxUnderATableCarriesItsCat) {
  const ScenePlan plan = plan_for("a cat on a box and the box under a table");
  ASSERT_EQ(plan.graph.subjects.size(), 3u);  // "the box" is the box already named
  for (int frame : {0, 95}) {
    SCOPED_TRACE(frame);
    const PixelSet cat = pixels_of(plan, 0, frame);
    const PixelSet box = pixels_of(plan, 1, frame);
    const PixelSet table = pixels_of(plan, 2, frame);
    ASSERT_GT(cat.points.size(), 50u);
    ASSERT_GT(box.points.size(), 50u);
    // The box stands beneath the table, on its floor; the cat is on the box, and the
    // table is tall enough for both: the cat stays below its top.
    EXPECT_GT(cat.min_y, table.min_y + (table.max_y - table.min_y) * 0.15);
    EXPECT_GE(box.min_x, table.min_x - 1);
    EXPECT_LE(box.max_x, table.max_x + 1);
    EXPECT_NEAR(box.max_y, table.max_y, 3);
    EXPECT_LT(cat.max_y, box.max_y - 3);
    EXPECT_GT(cat.mean_x(), box.min_x);
    EXPECT_LT(cat.mean_x(), box.max_x);
  }
}

}  // namespace
}  // namespace dreamfeed::sketch
