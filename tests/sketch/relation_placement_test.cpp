// The rule for a subject's relations: every one a prompt gives is kept unless it
// contradicts those kept before it — a loop in stacking, containment or depth, or a
// second, incompatible place — and then its words are reported, never dropped quietly.
#include "understanding/relation_placement.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "understanding/prompt_parser.h"

namespace dreamfeed::sketch {
namespace {

Contradiction check(const std::vector<Relation>& kept, const Relation& candidate) {
  return contradiction(kept, candidate);
}

TEST(RelationPlacement, LoopsInStackingContainmentAndDepthContradict) {
  EXPECT_EQ(check({{"on", 0, 1}}, {"on", 1, 0}), Contradiction::closes_a_loop);
  EXPECT_EQ(check({{"on", 0, 1}, {"riding", 1, 2}}, {"on", 2, 0}), Contradiction::closes_a_loop);
  EXPECT_EQ(check({{"inside", 0, 1}}, {"on", 1, 0}), Contradiction::closes_a_loop);
  EXPECT_EQ(check({{"on", 0, 1}}, {"under", 0, 1}), Contradiction::closes_a_loop);
  EXPECT_EQ(check({{"behind", 0, 1}, {"behind", 1, 2}}, {"behind", 2, 0}),
            Contradiction::closes_a_loop);
  EXPECT_EQ(check({{"behind", 0, 1}}, {"behind", 1, 0}), Contradiction::closes_a_loop);
  EXPECT_EQ(check({}, {"on", 3, 3}), Contradiction::closes_a_loop);
}

TEST(RelationPlacement, TwoPlacesForOnePairOrTwoSupportsContradict) {
  EXPECT_EQ(check({{"behind", 0, 1}}, {"next to", 0, 1}), Contradiction::second_place);
  EXPECT_EQ(check({{"inside", 0, 1}}, {"next to", 0, 1}), Contradiction::second_place);
  EXPECT_EQ(check({{"under", 0, 1}}, {"in front of", 0, 1}), Contradiction::second_place);
  EXPECT_EQ(check({{"on", 0, 1}}, {"on", 0, 2}), Contradiction::second_place);
  EXPECT_EQ(check({{"riding", 0, 1}}, {"on", 0, 2}), Contradiction::second_place);
  EXPECT_EQ(check({{"inside", 0, 1}}, {"inside", 0, 2}), Contradiction::second_place);
}

TEST(RelationPlacement, RelationsThatAgreeAreAllKept) {
  // The same place said both ways round.
  EXPECT_EQ(check({{"on", 0, 1}}, {"under", 1, 0}), Contradiction::none);
  EXPECT_EQ(check({{"behind", 0, 1}}, {"in front of", 1, 0}), Contradiction::none);
  EXPECT_EQ(check({{"next to", 0, 1}}, {"next to", 1, 0}), Contradiction::none);
  // Different places against different subjects.
  EXPECT_EQ(check({{"on", 0, 1}}, {"next to", 0, 2}), Contradiction::none);
  EXPECT_EQ(check({{"under", 0, 1}}, {"next to", 0, 2}), Contradiction::none);
  EXPECT_EQ(check({{"on", 0, 1}}, {"under", 0, 2}), Contradiction::none);
  EXPECT_EQ(check({{"inside", 0, 1}}, {"on", 1, 2}), Contradiction::none);
  EXPECT_EQ(check({{"riding", 0, 1}, {"on", 1, 2}}, {"next to", 2, 3}), Contradiction::none);
  // What subjects do rather than where they are, and a group on itself.
  EXPECT_EQ(check({{"on", 0, 1}}, {"holding", 0, 2}), Contradiction::none);
  EXPECT_EQ(check({{"next to", 0, 1}}, {"chasing", 0, 1}), Contradiction::none);
  EXPECT_EQ(check({}, {"stacked", 0, 0}), Contradiction::none);
}

TEST(RelationPlacement, TheParserKeepsAgreeingRelationsAndReportsTheOthersWords) {
  const SceneGraph agree = parse_prompt("a cat on a box and the box under the cat");
  ASSERT_EQ(agree.subjects.size(), 2u);
  EXPECT_EQ(agree.relations.size(), 2u);
  EXPECT_TRUE(agree.unknown_words.empty());

  const SceneGraph loop = parse_prompt("a cat on a box on a table and the table on the cat");
  ASSERT_EQ(loop.subjects.size(), 3u);
  EXPECT_EQ(loop.relations.size(), 2u);
  EXPECT_EQ(loop.unknown_words, std::vector<std::string>{"on the cat"});

  // "the" with nothing of that kind before is a new subject, as is "the other".
  EXPECT_EQ(parse_prompt("a cat next to the dog").subjects.size(), 2u);
  EXPECT_EQ(parse_prompt("a horse on the other horse").subjects.size(), 2u);
  // The subject of the relation is never its own object: "the horse" is another one.
  const SceneGraph horses = parse_prompt("a horse standing on the horse");
  EXPECT_EQ(horses.subjects.size(), 2u);
  EXPECT_TRUE(horses.unknown_words.empty());
}

TEST(RelationPlacement, TheShowcaseKeepsBothRelations) {
  const SceneGraph g = parse_prompt("a man rides a horse that is standing on another horse");
  ASSERT_EQ(g.relations.size(), 2u);
  EXPECT_EQ(g.relations[0].type, "riding");
  EXPECT_EQ(g.relations[1].type, "on");
  EXPECT_TRUE(g.unknown_words.empty());
  EXPECT_EQ(g.stacks(), (std::vector<std::vector<int>>{{2, 1, 0}}));
}

}  // namespace
}  // namespace dreamfeed::sketch
