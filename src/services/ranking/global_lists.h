// GlobalLists: the candidate lists that are the same for every viewer — trending, fresh
// clips still being explored, and the best clips of each topic. Computing them is a scan
// of every clip (~0.1 s at a million), so the owner recomputes them every few seconds off
// the request path and pages read the latest copy.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "services/ranking/ranking_state.h"

namespace dreamfeed::ranking {

struct GlobalLists {
  std::int64_t computed_at_ms = 0;
  std::vector<std::uint32_t> trending;  // by decayed engagement, best first
  std::vector<std::uint32_t> fresh;     // young clips under the exploration target, newest
                                        // first
  std::array<std::vector<std::uint32_t>, kMaxTopics> by_topic;  // by quality, best first
  std::vector<std::uint32_t> newest;  // latest published, so a feed is never empty while
                                      // unseen clips exist (a cold catalogue, a new viewer)
};

// Smoothed completion and like rates plus a little trend: how good a clip looks to anyone.
double clip_quality(const RankingConfig& config, const ClipStats& clip, double trend);
// True while a clip is young and has fewer impressions than the exploration target.
bool is_exploring(const RankingConfig& config, const ClipStats& clip, std::int64_t now_ms);

GlobalLists compute_global_lists(const RankingState& state, std::int64_t now_ms);

// Puts a clip published since the lists were computed at the head of `fresh` and
// `newest`, so it can be shown at once rather than after the next refresh.
void add_published_clip(GlobalLists& lists, std::uint32_t clip);

}  // namespace dreamfeed::ranking
