// Mixing: creator and topic rules, exploration places and ad places.
#include "services/ranking/mixing.h"

#include "ranking_fixture.h"

namespace dreamfeed::ranking {
namespace {

using testing::project_config;

class MixingTest : public ::testing::Test {
 protected:
  explicit MixingTest(RankingConfig config = project_config()) : state(std::move(config)) {}

  // Ranked best first in the order given.
  std::vector<RankedCandidate> ranked(const std::vector<std::uint32_t>& clips,
                                      const std::vector<std::uint32_t>& exploring = {}) {
    std::vector<RankedCandidate> out;
    double score = 100;
    for (auto c : clips) {
      RankedCandidate r;
      r.candidate.clip = c;
      r.score.total = score--;
      r.exploring = std::find(exploring.begin(), exploring.end(), c) != exploring.end();
      out.push_back(r);
    }
    return out;
  }
  std::uint32_t clip(const std::string& id, const std::string& creator, const std::string& text) {
    return state.upsert_clip(ClipInfo{id, creator, text, 0, 4000, std::nullopt});
  }
  std::vector<std::uint32_t> order(const std::vector<PageSlot>& page) {
    std::vector<std::uint32_t> out;
    for (const auto& s : page) out.push_back(s.item ? s.item->candidate.clip : kNone);
    return out;
  }

  RankingState state;
};

RankingConfig without_exploration() {
  auto c = project_config();
  c.mixing.exploration_slots = 0;
  c.mixing.max_same_topic_in_row = 2;
  return c;
}

class MixingRules : public MixingTest {
 protected:
  MixingRules() : MixingTest(without_exploration()) {}
};

TEST_F(MixingRules, NoTwoClipsOfOneCreatorInARow) {
  const auto a1 = clip("a1", "ann", "a cat");
  const auto a2 = clip("a2", "ann", "a car");
  const auto b1 = clip("b1", "ben", "a pizza");
  const auto page = mix_page(state, ranked({a1, a2, b1}), 3);
  EXPECT_EQ(order(page), (std::vector<std::uint32_t>{a1, b1, a2}));
}

TEST_F(MixingRules, AtMostTwoOfATopicInARow) {
  const auto c1 = clip("c1", "ann", "a cat");
  const auto c2 = clip("c2", "ben", "a dog");
  const auto c3 = clip("c3", "cid", "a horse");
  const auto p = clip("p", "dee", "a pizza");
  const auto page = mix_page(state, ranked({c1, c2, c3, p}), 4);
  EXPECT_EQ(order(page), (std::vector<std::uint32_t>{c1, c2, p, c3}));
}

TEST_F(MixingRules, RulesRelaxRatherThanEndThePageShort) {
  const auto a1 = clip("a1", "ann", "a cat");
  const auto a2 = clip("a2", "ann", "a cat");
  const auto page = mix_page(state, ranked({a1, a2}), 5);
  EXPECT_EQ(order(page), (std::vector<std::uint32_t>{a1, a2}));
}

TEST_F(MixingTest, ExplorationPlacesGoToExploringClips) {
  std::vector<std::uint32_t> clips;
  for (int i = 0; i < 12; ++i) {
    clips.push_back(clip(testing::numbered("c", i), testing::numbered("u", i), "thing"));
  }
  // The two exploring clips rank last; they still get the exploration places.
  const auto page = mix_page(state, ranked(clips, {clips[10], clips[11]}), 10);
  ASSERT_EQ(page.size(), 10u);
  int exploring = 0;
  for (const auto& s : page) {
    if (s.exploration) {
      ++exploring;
      EXPECT_TRUE(s.item->exploring);
    }
  }
  EXPECT_EQ(exploring, state.config().mixing.exploration_slots);
}

RankingConfig with_ads() {
  auto c = project_config();
  c.mixing.ad_slots = {2, 5};
  return c;
}

class MixingAds : public MixingTest {
 protected:
  MixingAds() : MixingTest(with_ads()) {}
};

TEST_F(MixingAds, AdPlacesAreLeftEmpty) {
  std::vector<std::uint32_t> clips;
  for (int i = 0; i < 10; ++i) {
    clips.push_back(clip(testing::numbered("c", i), testing::numbered("u", i), "thing"));
  }
  const auto page = mix_page(state, ranked(clips), 8);
  ASSERT_EQ(page.size(), 8u);
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(page[i].ad, i == 2 || i == 5) << i;
    EXPECT_EQ(page[i].item.has_value(), !page[i].ad) << i;
  }
}

}  // namespace
}  // namespace dreamfeed::ranking
