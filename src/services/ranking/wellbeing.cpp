// Watch time counts per day on the viewer's clock (ViewerState::utc_offset_minutes, UTC
// until their app says); a session is events less than `session_gap_minutes` apart.
#include "services/ranking/wellbeing.h"

namespace dreamfeed::ranking {

WellbeingNotice check_wellbeing(const RankingConfig& config, const ViewerState* viewer,
                                std::int64_t now_ms) {
  WellbeingNotice notice;
  if (!viewer) return notice;
  const bool today = viewer->watch_day == RankingState::viewer_day_of(*viewer, now_ms);
  if (viewer->daily_limit_ms > 0 && today && viewer->watched_today_ms >= viewer->daily_limit_ms) {
    notice.limit_reached = true;
    notice.message = "You have reached the daily watch limit you set (" +
                     std::to_string(viewer->daily_limit_ms / 60'000) +
                     " minutes). See you tomorrow!";
    return notice;
  }
  const std::int64_t gap_ms = std::int64_t{config.wellbeing.session_gap_minutes} * 60'000;
  const bool in_session = now_ms - viewer->last_event_ms <= gap_ms;
  const std::uint32_t passive_limit =
      static_cast<std::uint32_t>(config.wellbeing.nudge_after_passive_minutes) * 60'000u;
  if (in_session && viewer->passive_ms >= passive_limit) {
    notice.nudge = "You've been watching for " + std::to_string(viewer->passive_ms / 60'000) +
                   " minutes — want to make a clip of your own?";
  }
  return notice;
}

}  // namespace dreamfeed::ranking
