// Filters: each rule removes what it must and nothing else.
#include "services/ranking/filters.h"

#include "ranking_fixture.h"

namespace dreamfeed::ranking {
namespace {

using testing::kHourMs;
using testing::kNow;
using testing::RankingFixture;

TEST_F(RankingFixture, EachFilterNamesItsReason) {
  const auto own = add_clip("own", "ada", "a cat");
  const auto hidden = add_clip("hidden", "hugo", "a cat");
  const auto boring = add_clip("boring", "cleo", "a car");
  const auto seen = add_clip("seen", "cleo", "a cat");
  const auto removed = add_clip("removed", "cleo", "a cat");
  const auto future = add_clip("future", "cleo", "a cat", kNow + kHourMs);
  const auto fine = add_clip("fine", "cleo", "a dog");
  add_clip("other_car", "dan", "a truck");
  send("ada", {event("hide_creator", "hidden"), event("not_interested", "other_car"),
               event("impression", "seen")});
  state.remove_clip("removed");
  const auto user = *state.user_index("ada");
  const ViewerState* ada = state.viewer(user);
  auto reason = [&](std::uint32_t clip) { return filter_reason(state, user, ada, clip, kNow); };
  EXPECT_EQ(reason(own), FilterReason::own_clip);
  EXPECT_EQ(reason(hidden), FilterReason::hidden_creator);
  EXPECT_EQ(reason(boring), FilterReason::not_interested);
  EXPECT_EQ(reason(seen), FilterReason::seen);
  EXPECT_EQ(reason(removed), FilterReason::removed);
  EXPECT_EQ(reason(future), FilterReason::removed);
  EXPECT_EQ(reason(fine), std::nullopt);
  // Seen clips come back after the window.
  EXPECT_EQ(filter_reason(state, user, ada, seen, kNow + 8 * 24 * kHourMs), std::nullopt);

  std::vector<Candidate> candidates{{own}, {fine}, {seen}};
  apply_filters(state, user, ada, kNow, candidates);
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].clip, fine);
}

}  // namespace
}  // namespace dreamfeed::ranking
