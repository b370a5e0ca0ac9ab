// PreparedFeeds: a scroll runs the pipeline once for several pages, and what the viewer
// does between pages still shows on the next one.
#include "services/ranking/prepared_feeds.h"

#include <algorithm>
#include <set>

#include "ranking_fixture.h"

namespace dreamfeed::ranking {
namespace {

using testing::kHourMs;
using testing::kNow;
using testing::RankingFixture;

class PreparedFeedsTest : public RankingFixture {
 protected:
  PreparedFeedsTest() : ranker(state) {
    add_themed_catalogue();
    send("ada", {finished("c0"), finished("c4")});
    ranker.refresh(kNow);
  }

  // The next page of ada's scroll; the served clips are remembered as the cursor would.
  FeedPage next_page(std::int64_t now = kNow) {
    FeedPage page = prepared.page(ranker, "ada", now, 10, ServedClips::of_ids(served));
    for (const auto& item : page.items) {
      if (!item.ad_slot) served.push_back(item.video_id);
    }
    return page;
  }
  const ClipStats& stats_of(const std::string& video_id) {
    return state.clip(*state.clip_index(video_id));
  }

  FeedRanker ranker;
  // Six pages, whatever config/ranking.json says: the themed catalogue holds enough clips
  // for six pages and a seventh.
  RankingConfig::Prepared options = six_pages(state.config().prepared);
  PreparedFeeds prepared{options};

  static RankingConfig::Prepared six_pages(RankingConfig::Prepared options) {
    options.pages = 6;
    options.new_positives = 2;
    return options;
  }
  std::vector<std::string> served;
};

TEST_F(PreparedFeedsTest, SixPagesRankedOnceNeverRepeatAClip) {
  for (int p = 0; p < 6; ++p) {
    const FeedPage page = next_page();
    ASSERT_EQ(page.items.size(), 10u) << "page " << p;
    for (const auto& item : page.items) EXPECT_FALSE(item.reason.empty());
  }
  EXPECT_EQ(std::set<std::string>(served.begin(), served.end()).size(), 60u);
  EXPECT_EQ(prepared.stats().prepared, 1u);
  EXPECT_EQ(prepared.stats().served_prepared, 5u);
  next_page();  // the seventh page needs a new ranking
  EXPECT_EQ(prepared.stats().prepared, 2u);
}

TEST_F(PreparedFeedsTest, TheFirstPageIsTheRankersOwn) {
  const FeedPage fresh = ranker.page("ada", kNow, 10);
  const FeedPage page = next_page();
  ASSERT_EQ(page.items.size(), fresh.items.size());
  for (std::size_t i = 0; i < page.items.size(); ++i) {
    EXPECT_EQ(page.items[i].video_id, fresh.items[i].video_id) << i;
    EXPECT_EQ(page.items[i].reason, fresh.items[i].reason) << i;
  }
}

TEST_F(PreparedFeedsTest, AHiddenCreatorVanishesFromTheNextPage) {
  next_page();
  // The creator of a clip that would come on a later page.
  const FeedPage peek = prepared.page(ranker, "ada", kNow, 10, ServedClips::of_ids(served));
  const std::uint32_t hidden = stats_of(peek.items[0].video_id).creator;
  IncomingEvent hide = event("hide_creator", peek.items[0].video_id);
  send("ada", {hide});
  for (int p = 0; p < 3; ++p) {
    for (const auto& item : next_page().items) EXPECT_NE(stats_of(item.video_id).creator, hidden);
  }
  EXPECT_EQ(prepared.stats().prepared, 2u);  // hiding someone prepares the pages again
}

TEST_F(PreparedFeedsTest, SteeringBetweenPagesShowsOnTheNextPage) {
  next_page();
  ASSERT_TRUE(state.set_steering("ada", "more space, less food").ok());
  const FeedPage page = next_page();
  int asked = 0;
  for (const auto& item : page.items) {
    asked += item.reason == "you asked for more space";
    EXPECT_FALSE(stats_of(item.video_id).topics >> topic("food") & 1) << item.video_id;
  }
  EXPECT_GE(asked, 4);
}

TEST_F(PreparedFeedsTest, FinishingClipsBetweenPagesRanksAgainWithThem) {
  ASSERT_EQ(options.new_positives, 2);
  const FeedPage first = next_page();
  send("ada", {finished(first.items[0].video_id)});
  next_page();
  EXPECT_EQ(prepared.stats().prepared, 1u);  // one finished clip: the pages stay
  send("ada", {finished(first.items[1].video_id)});
  // Two: the next page is ranked again, exactly as a fresh ranking would rank it now.
  const FeedPage fresh = ranker.page("ada", kNow, 10, ServedClips::of_ids(served));
  const FeedPage page = next_page();
  EXPECT_EQ(prepared.stats().prepared, 2u);
  ASSERT_EQ(page.items.size(), fresh.items.size());
  for (std::size_t i = 0; i < page.items.size(); ++i) {
    EXPECT_EQ(page.items[i].video_id, fresh.items[i].video_id) << i;
  }
  EXPECT_EQ(std::set<std::string>(served.begin(), served.end()).size(), served.size());
}

TEST_F(PreparedFeedsTest, RemovedAndSeenClipsAreSkipped) {
  const FeedPage first = next_page();
  const FeedPage peek = prepared.page(ranker, "ada", kNow, 10, ServedClips::of_ids(served));
  state.remove_clip(peek.items[0].video_id);
  // Ada opens the app again without a cursor; her first page's impressions arrived.
  std::vector<IncomingEvent> impressions;
  for (const auto& item : first.items) impressions.push_back(event("impression", item.video_id));
  send("ada", impressions);
  served.clear();
  const FeedPage again = next_page();
  ASSERT_EQ(again.items.size(), 10u);
  for (const auto& item : again.items) {
    EXPECT_NE(item.video_id, peek.items[0].video_id);
    for (const auto& seen : first.items) EXPECT_NE(item.video_id, seen.video_id);
  }
  EXPECT_EQ(prepared.stats().prepared, 1u);
}

TEST_F(PreparedFeedsTest, ANewClipArrivesOnceThePreparedPagesGrowOld) {
  next_page();
  const std::int64_t later = kNow + std::int64_t{options.ttl_seconds} * 1000;
  add_clip("brand-new", "newcomer", "a quiet lake", later - 1000);
  ranker.refresh(later);
  bool found = false;
  for (int p = 0; p < 2; ++p) {
    for (const auto& item : next_page(later).items) found |= item.video_id == "brand-new";
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(prepared.stats().prepared, 2u);
}

TEST_F(PreparedFeedsTest, TheDailyLimitEndsTheScrollBetweenPages) {
  next_page();
  state.set_daily_limit("ada", 1);
  IncomingEvent w = event("watch", served.front());
  w.watched_ms = w.duration_ms = 61'000;
  send("ada", {w});
  const FeedPage page = next_page();
  EXPECT_TRUE(page.limit_reached);
  EXPECT_TRUE(page.items.empty());
}

TEST_F(PreparedFeedsTest, AdPlacesStayAtTheirPlaceOnEveryPage) {
  RankingConfig config = state.config();
  config.mixing.ad_slots = {3};
  RankingState with_ads(config);
  for (std::uint32_t c = 0; c < state.clip_count(); ++c) {
    const ClipStats& s = state.clip(c);
    with_ads.upsert_clip(ClipInfo{state.clip_id(c), state.user_id(s.creator), "a horse",
                                  s.published_at_ms, 8000, std::nullopt});
  }
  FeedRanker ads_ranker(with_ads);
  ads_ranker.refresh(kNow);
  PreparedFeeds ads_prepared(config.prepared);
  with_ads.apply_batch("bob", std::vector<IncomingEvent>{event("impression", "c1")}, kNow);
  std::vector<std::string> scrolled;
  for (int p = 0; p < 3; ++p) {
    const FeedPage page =
        ads_prepared.page(ads_ranker, "bob", kNow, 10, ServedClips::of_ids(scrolled));
    ASSERT_EQ(page.items.size(), 10u);
    for (std::size_t i = 0; i < page.items.size(); ++i) {
      EXPECT_EQ(page.items[i].ad_slot, i == 3) << "page " << p << " place " << i;
      if (!page.items[i].ad_slot) scrolled.push_back(page.items[i].video_id);
    }
  }
  EXPECT_EQ(ads_prepared.stats().prepared, 1u);
}

TEST_F(PreparedFeedsTest, MemoryIsBoundedByMaxViewers) {
  options.max_viewers = 32;
  PreparedFeeds small(options);
  for (int v = 0; v < 200; ++v) {
    const std::string viewer = testing::numbered("viewer", v);
    send(viewer, {event("impression", "c1")});
    ASSERT_FALSE(small.page(ranker, viewer, kNow, 10, {}).items.empty());
  }
  EXPECT_LE(small.stats().viewers, 32u);
  small.forget_expired(kNow + std::int64_t{options.ttl_seconds} * 1000);
  EXPECT_EQ(small.stats().viewers, 0u);
}

TEST_F(PreparedFeedsTest, VisitorsAreRankedAfreshEachTime) {
  EXPECT_FALSE(prepared.page(ranker, "", kNow, 10, {}).items.empty());
  EXPECT_FALSE(prepared.page(ranker, "", kNow, 10, {}).items.empty());
  EXPECT_EQ(prepared.stats().prepared + prepared.stats().served_prepared, 0u);
  EXPECT_EQ(prepared.stats().viewers, 0u);
}

}  // namespace
}  // namespace dreamfeed::ranking
