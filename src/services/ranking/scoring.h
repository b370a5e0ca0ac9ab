// Scoring: one number per candidate — predicted engagement from smoothed rates (Beta
// priors, so 3 views with 3 completions is not "100%"), freshness, the viewer's topic
// affinities, their steering and whom they follow — kept in parts so the feed can say why.
#pragma once

#include <array>
#include <cstdint>

#include "services/ranking/ranking_config.h"
#include "services/ranking/ranking_state.h"

namespace dreamfeed::ranking {

struct ScoreParts {
  double engagement = 0;
  double freshness = 0;
  double affinity = 0;
  double steering = 0;
  double followed = 0;
  double total = 0;
  int best_topic = -1;  // the clip's topic the viewer likes most, or -1
};

// Scores many clips for one viewer at one moment. The viewer's squashed affinities are
// computed once here rather than once per clip and topic: tanh was a tenth of a page.
class Scorer {
 public:
  Scorer(const RankingConfig& config, const ViewerState* viewer, std::int64_t now_ms);
  ScoreParts operator()(const ClipStats& clip) const;

 private:
  const RankingConfig& config_;
  const ViewerState* viewer_;
  std::int64_t now_ms_;
  std::array<double, kMaxTopics> squashed_affinity_{};
};

// One clip's score (a Scorer used once).
ScoreParts score_clip(const RankingConfig& config, const ClipStats& clip, const ViewerState* viewer,
                      std::int64_t now_ms);

}  // namespace dreamfeed::ranking
