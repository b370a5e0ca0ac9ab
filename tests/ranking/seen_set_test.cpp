// SeenSet: membership by day window, growth, and forgetting what aged out.
#include "services/ranking/seen_set.h"

#include <gtest/gtest.h>

namespace dreamfeed::ranking {
namespace {

TEST(SeenSet, RemembersClipsWithinTheWindowOnly) {
  SeenSet seen;
  seen.insert(42, 100, 7);
  EXPECT_TRUE(seen.seen_within(42, 100, 7));
  EXPECT_TRUE(seen.seen_within(42, 106, 7));
  EXPECT_FALSE(seen.seen_within(42, 107, 7));
  EXPECT_FALSE(seen.seen_within(43, 100, 7));
  seen.insert(42, 105, 7);  // seen again later: the later day counts
  EXPECT_TRUE(seen.seen_within(42, 111, 7));
}

TEST(SeenSet, GrowsWithoutLosingEntries) {
  SeenSet seen;
  for (std::uint32_t c = 0; c < 5000; ++c) seen.insert(c * 7919, 10, 7);
  EXPECT_EQ(seen.size(), 5000u);
  for (std::uint32_t c = 0; c < 5000; ++c) ASSERT_TRUE(seen.seen_within(c * 7919, 10, 7)) << c;
  EXPECT_FALSE(seen.seen_within(1, 10, 7));
  EXPECT_LT(seen.bytes(), 5000u * 6 * 3);
}

TEST(SeenSet, DropsAgedOutEntriesInsteadOfGrowing) {
  SeenSet seen;
  for (std::uint32_t c = 0; c < 6; ++c) seen.insert(c, 1, 7);
  const auto bytes = seen.bytes();
  // A month later the old entries no longer count and make room for new ones.
  for (std::uint32_t c = 100; c < 106; ++c) seen.insert(c, 40, 7);
  EXPECT_EQ(seen.bytes(), bytes);
  EXPECT_EQ(seen.size(), 6u);
  EXPECT_TRUE(seen.seen_within(105, 40, 7));
}

}  // namespace
}  // namespace dreamfeed::ranking
