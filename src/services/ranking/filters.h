// Filters: what must never be shown to this viewer — removed or unpublished clips, their
// own clips, hidden creators, topics they said they are not interested in, and what they
// saw in the last N days.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "services/ranking/candidates.h"
#include "services/ranking/ranking_state.h"

namespace dreamfeed::ranking {

enum class FilterReason : std::uint8_t { removed, own_clip, hidden_creator, not_interested, seen };
std::string_view to_string(FilterReason reason);

std::optional<FilterReason> filter_reason(const RankingState& state, std::uint32_t viewer_user,
                                          const ViewerState* viewer, std::uint32_t clip,
                                          std::int64_t now_ms);

// Removes filtered candidates in place, keeping the order of the rest.
void apply_filters(const RankingState& state, std::uint32_t viewer_user, const ViewerState* viewer,
                   std::int64_t now_ms, std::vector<Candidate>& candidates);

}  // namespace dreamfeed::ranking
