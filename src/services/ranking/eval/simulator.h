// Simulator: viewers with hidden tastes scroll a feed policy session by session; their
// simulated reactions are sent back as events, so the ranking learns as it would live.
// Reports watch time per session, hit rate at 10, catalogue coverage and how fast new
// clips reach 100 impressions. Deterministic for a given seed.
#pragma once

#include <cstdint>

#include "services/ranking/eval/catalogue.h"
#include "services/ranking/eval/policies.h"
#include "services/ranking/ranking_config.h"

namespace dreamfeed::ranking::eval {

struct SimulationSpec {
  CatalogueSpec catalogue;
  int rounds = 6;  // each viewer has one session per round
  int page_size = 10;
  int max_items_per_session = 60;
  double new_clip_share = 0.05;  // clips published while the simulation runs
  int refresh_every_pages = 25;
};

struct SimulationReport {
  double watch_seconds_per_session = 0;
  double hit_rate_at_10 = 0;                   // share of each session's first 10 clips the viewer
                                               // would likely finish (hidden interest ≥ 0.75)
  double warm_hit_rate_at_10 = 0;              // the same, leaving out each viewer's first session
  double coverage = 0;                         // share of the catalogue shown at least once
  double new_clips_reaching_100 = 0;           // share of clips published during the run
  double median_hours_to_100_impressions = 0;  // among those that reached it
  int sessions = 0;
  double pipeline_runs_per_page = 0;  // ranked policies: how often a page ran the pipeline
};

SimulationReport simulate(PolicyKind policy, const RankingConfig& config,
                          const SimulationSpec& spec);

}  // namespace dreamfeed::ranking::eval
