// Offline evaluation: with simulated viewers of hidden tastes, the ranked feed must beat
// newest-first and pure popularity by at least 20% on watch time per session, and show
// at least as much of the catalogue as popularity does. Fixed seeds: deterministic.
#include "services/ranking/eval/simulator.h"

#include "ranking_fixture.h"

namespace dreamfeed::ranking {
namespace {

using eval::PolicyKind;

TEST(Simulation, RankedFeedBeatsNewestAndPopularOnWatchTime) {
  const auto config = testing::project_config();
  eval::SimulationSpec spec;
  spec.catalogue.clips = 1500;
  spec.catalogue.creators = 150;
  spec.catalogue.viewers = 120;
  spec.catalogue.seed = 7;
  spec.rounds = 5;
  const auto ranked = eval::simulate(PolicyKind::ranked, config, spec);
  const auto newest = eval::simulate(PolicyKind::newest, config, spec);
  const auto popular = eval::simulate(PolicyKind::popular, config, spec);
  for (const auto& [name, r] :
       {std::pair{"ranked", ranked}, {"newest", newest}, {"popular", popular}}) {
    RecordProperty(std::string(name) + "_watch_s", std::to_string(r.watch_seconds_per_session));
    std::printf(
        "%-8s watch/session %.1f s  hit@10 %.2f (warm %.2f)  coverage %.3f  new clips at 100 "
        "impressions %.2f (median %.1f h)\n",
        name, r.watch_seconds_per_session, r.hit_rate_at_10, r.warm_hit_rate_at_10, r.coverage,
        r.new_clips_reaching_100, r.median_hours_to_100_impressions);
  }
  EXPECT_EQ(ranked.sessions, 5 * 120);
  EXPECT_GE(ranked.watch_seconds_per_session, 1.2 * newest.watch_seconds_per_session);
  EXPECT_GE(ranked.watch_seconds_per_session, 1.2 * popular.watch_seconds_per_session);
  EXPECT_GE(ranked.coverage, popular.coverage);
  EXPECT_GT(ranked.hit_rate_at_10, popular.hit_rate_at_10);
}

TEST(Simulation, SameSeedSameFigures) {
  const auto config = testing::project_config();
  eval::SimulationSpec spec;
  spec.catalogue.clips = 300;
  spec.catalogue.creators = 30;
  spec.catalogue.viewers = 20;
  spec.rounds = 2;
  const auto a = eval::simulate(PolicyKind::ranked, config, spec);
  const auto b = eval::simulate(PolicyKind::ranked, config, spec);
  EXPECT_EQ(a.watch_seconds_per_session, b.watch_seconds_per_session);
  EXPECT_EQ(a.coverage, b.coverage);
}

}  // namespace
}  // namespace dreamfeed::ranking
