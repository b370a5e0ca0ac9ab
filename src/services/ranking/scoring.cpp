// Linear score over smoothed rates; affinities squashed with tanh so one very strong
// taste cannot drown every other signal.
#include "services/ranking/scoring.h"

#include <bit>
#include <cmath>

namespace dreamfeed::ranking {

ScoreParts score_clip(const RankingConfig& config, const ClipStats& clip, const ViewerState* viewer,
                      std::int64_t now_ms) {
  const auto& w = config.weights;
  const auto& p = config.priors;
  const double n = clip.impressions;
  ScoreParts s;
  s.engagement = w.completion * p.completion.rate(clip.completions, n) +
                 w.like * p.like.rate(clip.likes, n) + w.share * p.share.rate(clip.shares, n) +
                 w.remix * p.remix.rate(clip.remixes, n) - w.skip * p.skip.rate(clip.skips, n);
  const double age_hours =
      std::max<double>(0, static_cast<double>(now_ms - clip.published_at_ms) / 3'600'000.0);
  s.freshness = w.freshness * std::exp2(-age_hours / config.freshness_half_life_hours);
  if (viewer) {
    double sum = 0;
    float best = -1e9f;
    int count = 0;
    for (TopicMask t = clip.topics; t; t &= t - 1) {
      const int topic = std::countr_zero(t);
      const float a = viewer->affinity[topic];
      sum += std::tanh(a / 4.0);
      ++count;
      if (a > best) {
        best = a;
        s.best_topic = topic;
      }
    }
    if (count > 0) s.affinity = w.affinity * sum / count;
    if (clip.topics & viewer->steering.more) s.steering += w.steering_boost;
    if (clip.topics & viewer->steering.less) s.steering -= w.steering_penalty;
    if (viewer->follows(clip.creator)) s.followed = w.followed;
  }
  s.total = s.engagement + s.freshness + s.affinity + s.steering + s.followed;
  return s;
}

}  // namespace dreamfeed::ranking
