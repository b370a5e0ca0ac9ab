// Linear score over smoothed rates; affinities squashed with tanh so one very strong
// taste cannot drown every other signal.
#include "services/ranking/scoring.h"

#include <bit>
#include <cmath>

namespace dreamfeed::ranking {

Scorer::Scorer(const RankingConfig& config, const ViewerState* viewer, std::int64_t now_ms)
    : config_(config), viewer_(viewer), now_ms_(now_ms) {
  if (!viewer) return;
  for (int topic = 0; topic < kMaxTopics; ++topic)
    squashed_affinity_[topic] = std::tanh(viewer->affinity[topic] / 4.0);
}

ScoreParts Scorer::operator()(const ClipStats& clip) const {
  const auto& w = config_.weights;
  const auto& p = config_.priors;
  const double n = clip.impressions;
  ScoreParts s;
  s.engagement = w.completion * p.completion.rate(clip.completions, n) +
                 w.like * p.like.rate(clip.likes, n) + w.share * p.share.rate(clip.shares, n) +
                 w.remix * p.remix.rate(clip.remixes, n) - w.skip * p.skip.rate(clip.skips, n);
  const double age_hours =
      std::max<double>(0, static_cast<double>(now_ms_ - clip.published_at_ms) / 3'600'000.0);
  s.freshness = w.freshness * std::exp2(-age_hours / config_.freshness_half_life_hours);
  if (viewer_) {
    double sum = 0;
    float best = -1e9f;
    int count = 0;
    for (TopicMask t = clip.topics; t; t &= t - 1) {
      const int topic = std::countr_zero(t);
      const float a = viewer_->affinity[topic];
      sum += squashed_affinity_[topic];
      ++count;
      if (a > best) {
        best = a;
        s.best_topic = topic;
      }
    }
    if (count > 0) s.affinity = w.affinity * sum / count;
    if (clip.topics & viewer_->steering.more) s.steering += w.steering_boost;
    if (clip.topics & viewer_->steering.less) s.steering -= w.steering_penalty;
    if (viewer_->follows(clip.creator)) s.followed = w.followed;
  }
  s.total = s.engagement + s.freshness + s.affinity + s.steering + s.followed;
  return s;
}

ScoreParts score_clip(const RankingConfig& config, const ClipStats& clip, const ViewerState* viewer,
                      std::int64_t now_ms) {
  return Scorer(config, viewer, now_ms)(clip);
}

}  // namespace dreamfeed::ranking
