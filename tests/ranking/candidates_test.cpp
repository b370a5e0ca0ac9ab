// Candidate sources, each alone: what it finds, and that it skips what was seen.
#include "services/ranking/candidates.h"

#include <algorithm>

#include "ranking_fixture.h"

namespace dreamfeed::ranking {
namespace {

using testing::kHourMs;
using testing::kNow;
using testing::RankingFixture;

class CandidatesTest : public RankingFixture {
 protected:
  std::vector<std::string> run(void (*source)(const CandidateContext&, std::vector<Candidate>&),
                               const std::string& viewer) {
    lists = compute_global_lists(state, kNow);
    const auto user = state.user_index(viewer);
    CandidateContext ctx{state, lists, user.value_or(kNone), user ? state.viewer(*user) : nullptr,
                         kNow,  0};
    std::vector<Candidate> out;
    source(ctx, out);
    std::vector<std::string> ids;
    for (const auto& c : out) ids.push_back(state.clip_id(c.clip));
    return ids;
  }
  static bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }
  GlobalLists lists;
};

TEST_F(CandidatesTest, FreshFindsYoungClipsUnderTheirExplorationTarget) {
  add_clip("new", "cleo", "a cat", kNow - kHourMs);
  add_clip("old", "cleo", "a cat", kNow - 30 * 24 * kHourMs);
  add_clip("future", "cleo", "a cat", kNow + kHourMs);
  const auto ids = run(add_fresh, "ada");
  EXPECT_TRUE(has(ids, "new"));
  EXPECT_FALSE(has(ids, "old"));
  EXPECT_FALSE(has(ids, "future"));
}

TEST_F(CandidatesTest, TrendingOrdersByDecayedEngagementAndSkipsSeen) {
  add_clip("hot", "cleo", "a cat");
  add_clip("warm", "cleo", "a dog");
  add_clip("cold", "cleo", "a fox");
  send("bob", {event("share", "hot"), event("share", "hot"), event("like", "warm")});
  auto ids = run(add_trending, "ada");
  EXPECT_EQ(ids, (std::vector<std::string>{"hot", "warm"}));
  send("ada", {event("impression", "hot")});
  ids = run(add_trending, "ada");
  EXPECT_EQ(ids, (std::vector<std::string>{"warm"}));
}

TEST_F(CandidatesTest, FollowedBringsTheNewestClipsOfFollowedCreators) {
  add_clip("c1", "cleo", "a cat", kNow - 3 * kHourMs);
  add_clip("c2", "cleo", "a cat", kNow - 2 * kHourMs);
  add_clip("d1", "dan", "a cat");
  IncomingEvent follow;
  follow.id = "f1";
  follow.type = "follow";
  follow.creator_id = "cleo";
  follow.at_ms = kNow - 10;
  ASSERT_TRUE(state.apply("ada", follow, kNow).ok());
  const auto ids = run(add_followed, "ada");
  EXPECT_EQ(ids, (std::vector<std::string>{"c2", "c1"}));
}

TEST_F(CandidatesTest, SimilarFindsClipsLikeOnesTheViewerFinished) {
  add_clip("seed", "cleo", "a galloping horse in a green meadow at dawn");
  for (int i = 0; i < 40; ++i) {
    add_clip(testing::numbered("horse", i), "dan",
             testing::numbered("galloping horse meadow dawn ", i));
    add_clip(testing::numbered("pizza", i), "dan",
             testing::numbered("pizza oven kitchen bread ", i));
  }
  send("ada", {finished("seed")});
  const auto ids = run(add_similar, "ada");
  ASSERT_FALSE(ids.empty());
  const auto horses = std::count_if(ids.begin(), ids.end(),
                                    [](const std::string& id) { return id.starts_with("horse"); });
  EXPECT_GE(horses * 10, static_cast<long>(ids.size()) * 9);
  EXPECT_FALSE(has(ids, "seed"));
}

TEST_F(CandidatesTest, RemixesOfLikedClips) {
  add_clip("orig", "cleo", "a dragon");
  add_clip("rmx", "dan", "a dragon in space", kNow, "orig");
  add_clip("other", "dan", "a dragon");
  send("ada", {event("like", "orig")});
  EXPECT_EQ(run(add_remixes, "ada"), std::vector<std::string>{"rmx"});
  EXPECT_TRUE(run(add_remixes, "bob").empty());
}

TEST_F(CandidatesTest, TopicBringsTheBestClipsOfTheViewersTopics) {
  add_clip("cat1", "cleo", "a cat");
  add_clip("car1", "cleo", "a car");
  add_clip("cat2", "dan", "a kitten");
  send("ada", {finished("cat1")});
  const auto ids = run(add_topic, "ada");
  EXPECT_TRUE(has(ids, "cat2"));
  EXPECT_FALSE(has(ids, "car1"));
  EXPECT_FALSE(has(ids, "cat1"));  // seen
}

TEST_F(CandidatesTest, NewestKeepsAColdCatalogueFromLookingEmpty) {
  add_clip("older", "cleo", "a cat", kNow - 40 * 24 * kHourMs);
  add_clip("old", "cleo", "a cat", kNow - 30 * 24 * kHourMs);
  EXPECT_TRUE(run(add_trending, "ada").empty());
  EXPECT_TRUE(run(add_fresh, "ada").empty());
  EXPECT_EQ(run(add_newest, "ada"), (std::vector<std::string>{"old", "older"}));
}

TEST_F(CandidatesTest, CollectNamesEachClipOnce) {
  add_clip("cat1", "cleo", "a cat");
  add_clip("cat2", "dan", "a cat");
  send("bob", {event("like", "cat2")});
  send("ada", {finished("cat1")});
  lists = compute_global_lists(state, kNow);
  CandidateContext ctx{state, lists, *state.user_index("ada"), state.viewer("ada"), kNow, 0};
  const auto all = collect_candidates(ctx);
  std::vector<std::uint32_t> clips;
  for (const auto& c : all) clips.push_back(c.clip);
  std::sort(clips.begin(), clips.end());
  EXPECT_EQ(std::adjacent_find(clips.begin(), clips.end()), clips.end());
  EXPECT_TRUE(std::find(clips.begin(), clips.end(), *state.clip_index("cat2")) != clips.end());
}

}  // namespace
}  // namespace dreamfeed::ranking
