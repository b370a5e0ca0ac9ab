// Filters, checked cheapest first.
#include "services/ranking/filters.h"

#include <algorithm>

namespace dreamfeed::ranking {

std::string_view to_string(FilterReason reason) {
  switch (reason) {
    case FilterReason::removed:
      return "removed";
    case FilterReason::own_clip:
      return "own_clip";
    case FilterReason::hidden_creator:
      return "hidden_creator";
    case FilterReason::not_interested:
      return "not_interested";
    case FilterReason::seen:
      return "seen";
  }
  return "removed";
}

std::optional<FilterReason> filter_reason(const RankingState& state, std::uint32_t viewer_user,
                                          const ViewerState* viewer, std::uint32_t clip,
                                          std::int64_t now_ms) {
  const ClipStats& c = state.clip(clip);
  if (c.removed || c.published_at_ms > now_ms) return FilterReason::removed;
  if (viewer_user != kNone && c.creator == viewer_user) return FilterReason::own_clip;
  if (!viewer) return std::nullopt;
  if (viewer->hides(c.creator)) return FilterReason::hidden_creator;
  if (c.topics & viewer->not_interested) return FilterReason::not_interested;
  if (viewer->seen.seen_within(clip, RankingState::day_of(now_ms), state.config().seen_days)) {
    return FilterReason::seen;
  }
  return std::nullopt;
}

void apply_filters(const RankingState& state, std::uint32_t viewer_user, const ViewerState* viewer,
                   std::int64_t now_ms, std::vector<Candidate>& candidates) {
  std::erase_if(candidates, [&](const Candidate& c) {
    return filter_reason(state, viewer_user, viewer, c.clip, now_ms).has_value();
  });
}

}  // namespace dreamfeed::ranking
