// Scoring: priors keep tiny samples modest, taste and steering move scores, freshness fades.
#include "services/ranking/scoring.h"

#include "ranking_fixture.h"

namespace dreamfeed::ranking {
namespace {

using testing::kHourMs;
using testing::kNow;
using testing::RankingFixture;

TEST_F(RankingFixture, ThreeOutOfThreeIsNotBetterThanNinetyOutOfAHundred) {
  const auto& config = state.config();
  ClipStats lucky;
  lucky.impressions = 3;
  lucky.completions = 3;
  ClipStats proven;
  proven.impressions = 100;
  proven.completions = 90;
  EXPECT_LT(config.priors.completion.rate(3, 3), 0.75);
  EXPECT_LT(score_clip(config, lucky, nullptr, kNow).engagement,
            score_clip(config, proven, nullptr, kNow).engagement);
}

TEST_F(RankingFixture, TasteSteeringAndFollowsRaiseTheScore) {
  const auto cat = add_clip("cat", "cleo", "a cat");
  const auto car = add_clip("car", "dan", "a car");
  send("ada", {finished("cat")});
  const ViewerState* ada = state.viewer("ada");
  const auto cat_score = score_clip(state.config(), state.clip(cat), ada, kNow);
  const auto car_score = score_clip(state.config(), state.clip(car), ada, kNow);
  EXPECT_GT(cat_score.affinity, car_score.affinity);
  EXPECT_EQ(cat_score.best_topic, topic("animals"));

  ASSERT_TRUE(state.set_steering("ada", "more cars").ok());
  EXPECT_GT(score_clip(state.config(), state.clip(car), state.viewer("ada"), kNow).total,
            car_score.total);
  ASSERT_TRUE(state.set_steering("ada", "less animals").ok());
  EXPECT_LT(score_clip(state.config(), state.clip(cat), state.viewer("ada"), kNow).total,
            cat_score.total);
}

TEST_F(RankingFixture, FreshnessHalvesEveryHalfLife) {
  ClipStats clip;
  clip.published_at_ms = kNow;
  const auto& config = state.config();
  const double now = score_clip(config, clip, nullptr, kNow).freshness;
  const double later =
      score_clip(config, clip, nullptr,
                 kNow + static_cast<std::int64_t>(config.freshness_half_life_hours * kHourMs))
          .freshness;
  EXPECT_NEAR(later, now / 2, 1e-9);
}

}  // namespace
}  // namespace dreamfeed::ranking
