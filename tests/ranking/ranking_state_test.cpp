// RankingState: events update clip, creator and viewer aggregates once each, bad events
// are refused one by one with a reason, and the valid rest of a batch is kept.
#include "services/ranking/ranking_state.h"

#include "ranking_fixture.h"

namespace dreamfeed::ranking {
namespace {

using testing::kHourMs;
using testing::kNow;
using testing::RankingFixture;

TEST_F(RankingFixture, EventsUpdateClipCreatorAndViewerAggregates) {
  const auto c = add_clip("v1", "cleo", "a horse in a meadow");
  auto like = event("like", "v1");
  auto share = event("share", "v1");
  send("ada", {event("impression", "v1"), finished("v1"), like, share});
  const ClipStats& s = state.clip(c);
  EXPECT_EQ(s.impressions, 1u);
  EXPECT_EQ(s.completions, 1u);
  EXPECT_EQ(s.likes, 1u);
  EXPECT_EQ(s.shares, 1u);
  EXPECT_EQ(s.watch_ms, 8000u);
  EXPECT_GT(state.trend_at(c, kNow), 0);
  const auto& creator = state.creator(*state.user_index("cleo"));
  EXPECT_EQ(creator.impressions, 1u);
  EXPECT_EQ(creator.completions, 1u);
  EXPECT_EQ(creator.likes, 1u);
  const ViewerState* ada = state.viewer("ada");
  ASSERT_NE(ada, nullptr);
  EXPECT_GT(ada->affinity[topic("animals")], 0);
  EXPECT_GT(ada->affinity[topic("nature")], 0);
  EXPECT_EQ(ada->affinity[topic("cars")], 0);
  EXPECT_EQ(ada->finished_by_topic[topic("animals")], 1);
  EXPECT_TRUE(ada->seen.seen_within(c, RankingState::day_of(kNow), 7));
  EXPECT_EQ(ada->watched_today_ms, 8000u);
}

TEST_F(RankingFixture, ABatchSentTwiceCountsOnce) {
  const auto c = add_clip("v1", "cleo", "a red car");
  std::vector<IncomingEvent> batch{event("impression", "v1"), event("like", "v1")};
  auto first = state.apply_batch("ada", batch, kNow);
  EXPECT_EQ(first.accepted, 2u);
  auto second = state.apply_batch("ada", batch, kNow);
  EXPECT_EQ(second.accepted, 0u);
  EXPECT_EQ(second.duplicates, 2u);
  EXPECT_EQ(state.clip(c).impressions, 1u);
  EXPECT_EQ(state.clip(c).likes, 1u);
  // Another viewer may use the same client ids.
  EXPECT_EQ(state.apply_batch("bob", batch, kNow).accepted, 2u);
  EXPECT_EQ(state.clip(c).impressions, 2u);
}

TEST_F(RankingFixture, BadEventsAreRejectedWithAReasonAndTheRestKept) {
  const auto c = add_clip("v1", "cleo", "a red car");
  auto unknown_type = event("wave", "v1");
  auto negative = event("like", "v1", -5);
  auto missing_clip = event("like", "v404");
  auto future = event("share", "v1", kNow + 24 * kHourMs);
  auto from_route = event("comment", "v1");
  auto negative_watch = event("watch", "v1");
  negative_watch.watched_ms = -1;
  auto no_id = event("impression", "v1");
  no_id.id.clear();
  std::vector<IncomingEvent> batch{event("impression", "v1"),
                                   unknown_type,
                                   negative,
                                   missing_clip,
                                   future,
                                   from_route,
                                   negative_watch,
                                   no_id,
                                   event("like", "v1")};
  const auto report = state.apply_batch("ada", batch, kNow);
  EXPECT_EQ(report.accepted, 2u);
  ASSERT_EQ(report.rejected.size(), 7u);
  EXPECT_EQ(report.rejected[0].index, 1u);
  EXPECT_EQ(report.rejected[0].reason, "unknown type \"wave\"");
  EXPECT_EQ(report.rejected[1].reason, "negative time");
  EXPECT_EQ(report.rejected[2].reason, "unknown clip \"v404\"");
  EXPECT_EQ(report.rejected[3].reason, "timestamp in the future");
  EXPECT_EQ(report.rejected[4].reason, "\"comment\" is counted by its own route");
  EXPECT_EQ(report.rejected[5].reason, "negative time");
  EXPECT_EQ(report.rejected[6].reason, "missing id");
  EXPECT_EQ(report.rejected[3].id, future.id);
  EXPECT_EQ(state.clip(c).impressions, 1u);
  EXPECT_EQ(state.clip(c).likes, 1u);
  EXPECT_EQ(state.clip(c).shares, 0u);
}

TEST_F(RankingFixture, SignalsFromOtherRoutesCount) {
  const auto source = add_clip("v1", "cleo", "a dragon castle");
  const auto remix = add_clip("v2", "ada", "a dragon castle at night", kNow, "v1");
  auto comment = event("comment", "v1");
  ASSERT_TRUE(state.apply("bob", comment, kNow).ok());
  auto remixed = event("remix", "v1");
  ASSERT_TRUE(state.apply("ada", remixed, kNow).ok());
  IncomingEvent follow;
  follow.id = "follow-1";
  follow.type = "follow";
  follow.creator_id = "cleo";
  follow.at_ms = kNow - 10;
  ASSERT_TRUE(state.apply("bob", follow, kNow).ok());
  EXPECT_EQ(state.clip(source).comments, 1u);
  EXPECT_EQ(state.clip(source).remixes, 1u);
  ASSERT_NE(state.remixes_of(source), nullptr);
  EXPECT_EQ(*state.remixes_of(source), std::vector<std::uint32_t>{remix});
  EXPECT_TRUE(state.viewer("bob")->follows(*state.user_index("cleo")));
  EXPECT_EQ(state.creator(*state.user_index("cleo")).followers, 1u);
  auto unfollow = follow;
  unfollow.id = "follow-2";
  unfollow.type = "unfollow";
  ASSERT_TRUE(state.apply("bob", unfollow, kNow).ok());
  EXPECT_FALSE(state.viewer("bob")->follows(*state.user_index("cleo")));
  EXPECT_EQ(state.creator(*state.user_index("cleo")).followers, 0u);
  follow.creator_id = "nobody";
  follow.id = "follow-3";
  EXPECT_FALSE(state.apply("bob", follow, kNow).ok());
}

TEST_F(RankingFixture, NotInterestedAndHideCreatorAreRemembered) {
  add_clip("v1", "cleo", "a racing car");
  add_clip("v2", "dan", "a cat");
  send("ada", {event("not_interested", "v1"), event("hide_creator", "v2")});
  const ViewerState* ada = state.viewer("ada");
  EXPECT_TRUE(ada->not_interested >> topic("cars") & 1);
  EXPECT_FALSE(ada->not_interested >> topic("animals") & 1);
  EXPECT_TRUE(ada->hides(*state.user_index("dan")));
  EXPECT_FALSE(ada->hides(*state.user_index("cleo")));
  EXPECT_LT(ada->affinity[topic("cars")], 0);
}

TEST_F(RankingFixture, UnlikeTakesBackALike) {
  const auto c = add_clip("v1", "cleo", "a cat");
  send("ada", {event("like", "v1"), event("unlike", "v1")});
  EXPECT_EQ(state.clip(c).likes, 0u);
}

TEST_F(RankingFixture, TrendDecaysWithTime) {
  const auto c = add_clip("v1", "cleo", "a cat");
  send("ada", {event("share", "v1")});
  const double now = state.trend_at(c, kNow);
  const double later = state.trend_at(c, kNow + 6 * kHourMs);  // one half-life
  EXPECT_NEAR(later, now / 2, now * 0.01);
}

}  // namespace
}  // namespace dreamfeed::ranking
