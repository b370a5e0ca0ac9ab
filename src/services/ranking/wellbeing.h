// Wellbeing: the viewer's own daily watch limit (the feed ends with a clear message when
// it is reached) and a gentle prompt to create something after a long passive session.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "services/ranking/ranking_config.h"
#include "services/ranking/ranking_state.h"

namespace dreamfeed::ranking {

struct WellbeingNotice {
  bool limit_reached = false;
  std::string message;               // set when the limit is reached
  std::optional<std::string> nudge;  // set after a long passive session
};

WellbeingNotice check_wellbeing(const RankingConfig& config, const ViewerState* viewer,
                                std::int64_t now_ms);

}  // namespace dreamfeed::ranking
