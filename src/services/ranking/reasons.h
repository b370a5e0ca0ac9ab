// Reasons: the sentence each feed item carries to say why it is there ("because you
// finished 3 clips about horses", "new from someone you follow", "exploring new clips").
#pragma once

#include <string>

#include "services/ranking/mixing.h"
#include "services/ranking/ranking_state.h"

namespace dreamfeed::ranking {

std::string reason_for(const RankingState& state, const ViewerState* viewer, const PageSlot& slot,
                       std::int64_t now_ms);

}  // namespace dreamfeed::ranking
