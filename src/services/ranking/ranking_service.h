// RankingService: the one object the HTTP routes and the server's timers use. It owns the
// RankingState and the FeedRanker behind a reader/writer lock — pages share it, event
// batches and settings take it alone — and computes the shared lists under the shared
// lock so a refresh (30 ms at a million clips) never stops pages. With an event log, each
// change from outside is made durable before it is applied, so a crash loses nothing:
// restore() loads the snapshot and replays the log after it.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "interfaces/clock.h"
#include "interfaces/ranking_event_log.h"
#include "interfaces/ranking_snapshot_store.h"
#include "services/ranking/feed_ranker.h"
#include "services/ranking/prepared_feeds.h"
#include "services/ranking/ranking_change.h"
#include "services/ranking/ranking_state.h"

namespace dreamfeed::ranking {

// A viewer's own daily watch limit, by the day on their clock.
struct WatchLimitView {
  std::uint32_t daily_limit_minutes = 0;  // 0: none
  std::uint32_t watched_today_minutes = 0;
  int utc_offset_minutes = 0;  // the viewer's clock (east positive)
};

inline constexpr std::int64_t kMaxDailyLimitMinutes = 24 * 60;

struct SteeringView {
  std::string text;
  std::string understood;  // "more animals, space; less cars"
  std::vector<std::string> ignored_words;
};

class RankingService {
 public:
  // Without a `log`, changes since the last snapshot are lost on a crash (tests, tools).
  RankingService(RankingConfig config, const Clock& clock, RankingEventLog* log = nullptr);

  // Every change below is refused with `unavailable` when the event log cannot be
  // written (nothing is applied then; the caller may retry).

  // POST /api/v1/events.
  Result<ApplyReport> record_events(std::string_view viewer_id,
                                    std::span<const IncomingEvent> events);
  // Comments, remixes and follows, from their own routes.
  Result<bool> record_signal(std::string_view viewer_id, const IncomingEvent& event);
  Status note_creation(std::string_view viewer_id);

  // Publishing, unpublishing and deleting.
  void publish(const ClipInfo& clip);
  void remove(std::string_view clip_id);
  // At start-up, after restore: makes the catalogue exactly `published` (the store's
  // published clips), since the snapshot may be older than the database.
  void reconcile_catalogue(std::span<const ClipInfo> published);

  // PUT/GET/DELETE /api/v1/me/steering.
  Result<SteeringView> set_steering(std::string_view viewer_id, std::string_view text);
  std::optional<SteeringView> steering(std::string_view viewer_id) const;
  Status clear_steering(std::string_view viewer_id);
  // GET/PUT /api/v1/me/wellbeing. `minutes` from 0 (no limit) to kMaxDailyLimitMinutes,
  // else invalid_argument on field daily_limit_minutes.
  // `utc_offset_minutes`: the viewer's clock (east positive), when their app sent it.
  Result<WatchLimitView> set_daily_limit(std::string_view viewer_id, std::int64_t minutes,
                                         std::optional<std::int64_t> utc_offset_minutes = {});
  WatchLimitView watch_limit(std::string_view viewer_id) const;

  // GET /api/v1/feed. A signed-in viewer's pages come from their prepared places while
  // those are good (prepared_feeds.h).
  FeedPage page(std::string_view viewer_id, int limit, const ServedClips& served = {}) const;
  // How many pages were served from prepared places and how many ran the pipeline.
  PreparedFeeds::Stats prepared_stats() const { return prepared_.stats(); }

  // Timers: recompute the shared lists when they are older than `max_age_ms`.
  void refresh_if_older_than(std::int64_t max_age_ms);
  // When the shared lists were last computed (-1: never); for monitoring and tests.
  std::int64_t lists_computed_at_ms() const;
  // Saves a snapshot, then lets the event log forget what the snapshot holds. Writes
  // nothing when the state has not changed since the last save or restore: at a million
  // clips a snapshot is hundreds of MB, and an idle server should not rewrite it.
  Status save(RankingSnapshotStore& store) const;
  // At start-up, before any other call: the latest snapshot.
  Status restore(RankingSnapshotStore& store);
  // Then, once the catalogue is reconciled (the changes may name clips published after
  // the snapshot): the logged changes made after the snapshot. Returns how many.
  Result<std::size_t> replay_log();

 private:
  // What applying a change gave: the field of its kind is set.
  struct Outcome {
    ApplyReport report;            // event batch
    Result<bool> applied = false;  // signal
    Status status;                 // steering, limit
  };
  // Appends `change` to the log (when there is one), then applies it; one writer at a
  // time, so the log's order is the order of application.
  Result<Outcome> log_and_apply(const RankingChange& change);
  // Call with mutex_ held exclusively.
  Outcome apply_change(const RankingChange& change);
  SteeringView view_of(const Steering& steering) const;

  const Clock& clock_;
  RankingEventLog* log_;
  std::mutex writer_mutex_;  // held from a change's log append to its application
  mutable std::shared_mutex mutex_;
  RankingState state_;
  FeedRanker ranker_;
  mutable PreparedFeeds prepared_;  // a cache: pages change it under the shared lock
  std::int64_t lists_at_ms_ = -1;
  std::uint64_t changes_ = 0;      // changes applied to state_ (under mutex_), for save()
  mutable std::mutex save_mutex_;  // one save at a time
  mutable std::optional<std::uint64_t> saved_changes_;  // changes_ at the last save or restore
  std::vector<std::uint32_t> published_since_refresh_;
  std::mutex refresh_mutex_;  // one refresh at a time
};

}  // namespace dreamfeed::ranking
