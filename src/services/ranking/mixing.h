// Mixing: turns the scored list into a page — never two clips of one creator in a row,
// at most `max_same_topic_in_row` clips sharing a topic in a row, `exploration_slots`
// places for new clips still being explored (the least-shown first), and `ad_slots`
// positions left empty for ads.
#pragma once

#include <optional>
#include <vector>

#include "services/ranking/candidates.h"
#include "services/ranking/ranking_config.h"
#include "services/ranking/ranking_state.h"
#include "services/ranking/scoring.h"

namespace dreamfeed::ranking {

struct RankedCandidate {
  Candidate candidate;
  ScoreParts score;
  bool exploring = false;  // young and under the exploration target
};

struct PageSlot {
  std::optional<RankedCandidate> item;  // empty for an ad slot or when candidates ran out
  bool ad = false;
  bool exploration = false;  // this place was reserved for exploring new clips
};

// `ranked` must be sorted best first. Returns `limit` × `pages` slots at most (fewer when
// candidates run out; trailing empties are dropped): consecutive pages, each with its own
// exploration and ad places, the creator and topic rules holding across page boundaries.
// Whether place `place` (0-based) of every page is kept for an ad, and how many clips a
// page of `limit` places holds besides its ad places.
bool is_ad_place(const RankingConfig& config, int place);
int clips_per_page(const RankingConfig& config, int limit);

std::vector<PageSlot> mix_page(const RankingState& state, std::vector<RankedCandidate> ranked,
                               int limit, int pages = 1);

}  // namespace dreamfeed::ranking
