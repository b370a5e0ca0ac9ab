// RankingChange: one change the ranking makes from outside input — a viewer's event
// batch, a signal from another route, steering, a daily limit, a creation — as a value,
// so it can be written to the event log (interfaces/ranking_event_log.h) before it is
// applied and applied again from the log after a crash. Encoded as a small JSON object.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "services/ranking/ranking_event.h"

namespace dreamfeed::ranking {

struct EventBatchChange {
  std::vector<IncomingEvent> events;
};
struct SignalChange {
  IncomingEvent event;
};
struct SteeringChange {
  std::optional<std::string> text;  // nullopt: cleared
};
struct DailyLimitChange {
  std::uint32_t minutes = 0;
  std::optional<int> utc_offset_minutes;  // the viewer's clock, when their app sent it
};
struct CreationChange {};

struct RankingChange {
  std::string viewer_id;
  std::variant<EventBatchChange, SignalChange, SteeringChange, DailyLimitChange, CreationChange>
      what;
};

std::string encode_change(const RankingChange& change);
// nullopt when `payload` is not a change encode_change made.
std::optional<RankingChange> decode_change(std::string_view payload);

}  // namespace dreamfeed::ranking
