// FeedRanker: the whole pipeline for one page — personalised, filtered, explained.
#include "services/ranking/feed_ranker.h"

#include <algorithm>
#include <map>
#include <set>

#include "ranking_fixture.h"

namespace dreamfeed::ranking {
namespace {

using testing::kHourMs;
using testing::kNow;
using testing::RankingFixture;

class FeedRankerTest : public RankingFixture {
 protected:
  void catalogue() { add_themed_catalogue(); }
  int count_with(const FeedPage& page, const std::string& word) {
    int n = 0;
    for (const auto& item : page.items) {
      const auto c = state.clip_index(item.video_id);
      n += c && (state.clip(*c).topics >> topic(word) & 1);
    }
    return n;
  }
};

TEST_F(FeedRankerTest, LearnsWhatTheViewerFinishesAndSaysWhy) {
  catalogue();
  // Ada finishes three horse clips and skips two car clips.
  send("ada",
       {finished("c0"), finished("c4"), finished("c8"), event("skip", "c1"), event("skip", "c5")});
  FeedRanker ranker(state);
  ranker.refresh(kNow);
  const FeedPage page = ranker.page("ada", kNow, 10);
  ASSERT_EQ(page.items.size(), 10u);
  EXPECT_GE(count_with(page, "animals"), 5);
  EXPECT_LE(count_with(page, "cars"), 1);
  bool explained = false;
  std::set<std::string> ids;
  for (const auto& item : page.items) {
    EXPECT_FALSE(item.reason.empty());
    explained |= item.reason == "because you finished 3 clips about animals";
    EXPECT_NE(item.video_id, "c0");  // seen
    ids.insert(item.video_id);
  }
  EXPECT_TRUE(explained);
  EXPECT_EQ(ids.size(), 10u);
}

TEST_F(FeedRankerTest, SteeringMovesThePageAndIsTheReason) {
  catalogue();
  FeedRanker ranker(state);
  ranker.refresh(kNow);
  ASSERT_TRUE(state.set_steering("bob", "more space, less food").ok());
  const FeedPage page = ranker.page("bob", kNow, 10);
  EXPECT_GE(count_with(page, "space"), 5);
  EXPECT_EQ(count_with(page, "food"), 0);
  int asked = 0;
  for (const auto& item : page.items) asked += item.reason == "you asked for more space";
  EXPECT_GE(asked, 4);
  state.clear_steering("bob");
  EXPECT_EQ(state.steering("bob"), nullptr);
}

TEST_F(FeedRankerTest, NewClipsGetExplorationPlacesAndFollowedCreatorsShowUp) {
  catalogue();
  add_clip("brand-new", "newcomer", "a quiet lake", kNow - kHourMs);
  add_clip("from-cleo", "cleo", "a painting", kNow - 2 * kHourMs);
  IncomingEvent follow;
  follow.id = "f";
  follow.type = "follow";
  follow.creator_id = "cleo";
  follow.at_ms = kNow - 5;
  ASSERT_TRUE(state.apply("ada", follow, kNow).ok());
  FeedRanker ranker(state);
  ranker.refresh(kNow);
  const FeedPage page = ranker.page("ada", kNow, 10);
  std::map<std::string, std::string> reasons;
  for (const auto& item : page.items) reasons[item.video_id] = item.reason;
  EXPECT_EQ(reasons["from-cleo"], "new from someone you follow");
  EXPECT_EQ(reasons["brand-new"], "exploring new clips");
}

TEST_F(FeedRankerTest, ExcludedClipsFromEarlierPagesAreNotRepeated) {
  catalogue();
  send("ada", {finished("c0")});
  FeedRanker ranker(state);
  ranker.refresh(kNow);
  std::vector<std::string> served;
  for (int p = 0; p < 3; ++p) {
    const FeedPage page = ranker.page("ada", kNow, 10, ServedClips::of_ids(served));
    ASSERT_EQ(page.items.size(), 10u);
    for (const auto& item : page.items) {
      EXPECT_EQ(std::count(served.begin(), served.end(), item.video_id), 0) << item.video_id;
      served.push_back(item.video_id);
    }
  }
}

TEST_F(FeedRankerTest, DailyLimitEndsTheFeedWithAMessage) {
  catalogue();
  state.set_daily_limit("ada", 1);
  IncomingEvent w = event("watch", "c0");
  w.watched_ms = 61'000;
  w.duration_ms = 61'000;
  send("ada", {w});
  FeedRanker ranker(state);
  ranker.refresh(kNow);
  const FeedPage page = ranker.page("ada", kNow, 10);
  EXPECT_TRUE(page.limit_reached);
  EXPECT_TRUE(page.items.empty());
  EXPECT_FALSE(page.message.empty());
  EXPECT_FALSE(ranker.page("bob", kNow, 10).limit_reached);
}

TEST_F(FeedRankerTest, VisitorsGetPopularAndNewClips) {
  catalogue();
  send("bob", {event("share", "c3"), event("like", "c3")});
  FeedRanker ranker(state);
  ranker.refresh(kNow);
  const FeedPage page = ranker.page("", kNow, 10);
  ASSERT_FALSE(page.items.empty());
  bool popular = false;
  for (const auto& item : page.items) {
    popular |= item.video_id == "c3" && item.reason == "popular right now";
  }
  EXPECT_TRUE(popular);
}

}  // namespace
}  // namespace dreamfeed::ranking
