// One pass over the clips with bounded heaps per list.
#include "services/ranking/global_lists.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <queue>

namespace dreamfeed::ranking {
namespace {

// Keeps the `capacity` largest (score, clip) pairs.
class TopK {
 public:
  explicit TopK(std::size_t capacity) : capacity_(capacity) {}
  void offer(double score, std::uint32_t clip) {
    if (capacity_ == 0) return;
    if (heap_.size() < capacity_) {
      heap_.emplace(score, clip);
    } else if (score > heap_.top().first) {
      heap_.pop();
      heap_.emplace(score, clip);
    }
  }
  std::vector<std::uint32_t> best_first() {
    std::vector<std::uint32_t> out(heap_.size());
    for (auto i = out.size(); i > 0; --i) {
      out[i - 1] = heap_.top().second;
      heap_.pop();
    }
    return out;
  }

 private:
  using Entry = std::pair<double, std::uint32_t>;
  std::size_t capacity_;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap_;
};

}  // namespace

double clip_quality(const RankingConfig& config, const ClipStats& clip, double trend) {
  const double impressions = clip.impressions;
  return config.priors.completion.rate(clip.completions, impressions) +
         2 * config.priors.like.rate(clip.likes, impressions) -
         0.5 * config.priors.skip.rate(clip.skips, impressions) + 0.05 * std::log1p(trend);
}

bool is_exploring(const RankingConfig& config, const ClipStats& clip, std::int64_t now_ms) {
  const std::int64_t window = std::int64_t{config.candidates.fresh_window_hours} * 3'600'000;
  return clip.impressions < static_cast<std::uint32_t>(config.candidates.exploration_impressions) &&
         now_ms - clip.published_at_ms <= window && clip.published_at_ms <= now_ms;
}

GlobalLists compute_global_lists(const RankingState& state, std::int64_t now_ms) {
  const auto& config = state.config();
  const auto& cand = config.candidates;
  GlobalLists lists;
  lists.computed_at_ms = now_ms;
  TopK trending(static_cast<std::size_t>(cand.trending) * 4);
  // Fresh: the pool is several pages deep so different viewers get different fresh clips.
  TopK fresh(static_cast<std::size_t>(cand.fresh) * 50);
  TopK newest(static_cast<std::size_t>(cand.trending));
  std::vector<TopK> by_topic(kMaxTopics, TopK(static_cast<std::size_t>(cand.topic_list_size)));
  for (std::uint32_t c = 0; c < state.clip_count(); ++c) {
    const ClipStats& clip = state.clip(c);
    if (clip.removed || clip.published_at_ms > now_ms) continue;
    const double trend = state.trend_at(c, now_ms);
    if (trend > 0) trending.offer(trend, c);
    if (is_exploring(config, clip, now_ms)) {
      // Newest first: a clip gets its exploration impressions right after publishing and
      // leaves the pool at the target, so the next new clips move up.
      fresh.offer(static_cast<double>(clip.published_at_ms - now_ms), c);
    }
    newest.offer(static_cast<double>(clip.published_at_ms), c);
    const double quality = clip_quality(config, clip, trend);
    for (TopicMask t = clip.topics; t; t &= t - 1) by_topic[std::countr_zero(t)].offer(quality, c);
  }
  lists.trending = trending.best_first();
  lists.fresh = fresh.best_first();
  lists.newest = newest.best_first();
  for (int t = 0; t < kMaxTopics; ++t) lists.by_topic[t] = by_topic[t].best_first();
  return lists;
}

void add_published_clip(GlobalLists& lists, std::uint32_t clip) {
  for (auto* list : {&lists.fresh, &lists.newest}) {
    if (std::find(list->begin(), list->end(), clip) == list->end())
      list->insert(list->begin(), clip);
  }
}

}  // namespace dreamfeed::ranking
