// ClipSet: membership within one reset, emptiness after the next, and growth.
#include "services/ranking/clip_set.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace dreamfeed::ranking {
namespace {

TEST(ClipSetTest, InsertReportsFirstMeetingOnly) {
  ClipSet set;
  set.reset(8);
  EXPECT_TRUE(set.insert(0));
  EXPECT_TRUE(set.insert(7));
  EXPECT_FALSE(set.insert(0));
  EXPECT_FALSE(set.insert(7));
  EXPECT_TRUE(set.insert(4'000'000'000u));
  EXPECT_FALSE(set.insert(4'000'000'000u));
}

TEST(ClipSetTest, ResetEmptiesTheSet) {
  ClipSet set;
  set.reset(8);
  EXPECT_TRUE(set.insert(3));
  set.reset(8);
  EXPECT_TRUE(set.insert(3));
}

TEST(ClipSetTest, AgreesWithStdSetAcrossResetsOfGrowingSize) {
  ClipSet set;
  std::mt19937 random(7);
  for (std::size_t round = 0; round < 50; ++round) {
    const std::size_t inserts = 10 + round * 40;
    set.reset(inserts);
    std::set<std::uint32_t> expected;
    std::uniform_int_distribution<std::uint32_t> clip(0, static_cast<std::uint32_t>(inserts));
    for (std::size_t i = 0; i < inserts; ++i) {
      const std::uint32_t c = clip(random);
      ASSERT_EQ(set.insert(c), expected.insert(c).second) << "round " << round << " clip " << c;
    }
  }
}

}  // namespace
}  // namespace dreamfeed::ranking
