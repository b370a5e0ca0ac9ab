// RankingService: locking around RankingState and FeedRanker; no ranking logic of its own.
#include "services/ranking/ranking_service.h"

#include "services/ranking/state_codec.h"
#include "services/ranking/steering.h"

namespace dreamfeed::ranking {

RankingService::RankingService(RankingConfig config, const Clock& clock, RankingEventLog* log)
    : clock_(clock),
      log_(log),
      state_(std::move(config)),
      ranker_(state_),
      prepared_(state_.config().prepared) {}

RankingService::Outcome RankingService::apply_change(const RankingChange& change) {
  const std::int64_t now = clock_.now_ms();
  ++changes_;
  Outcome outcome;
  std::visit(
      [&](const auto& what) {
        using T = std::decay_t<decltype(what)>;
        if constexpr (std::is_same_v<T, EventBatchChange>) {
          outcome.report = state_.apply_batch(change.viewer_id, what.events, now);
        } else if constexpr (std::is_same_v<T, SignalChange>) {
          outcome.applied = state_.apply(change.viewer_id, what.event, now);
        } else if constexpr (std::is_same_v<T, SteeringChange>) {
          if (what.text) {
            outcome.status = state_.set_steering(change.viewer_id, *what.text);
          } else {
            state_.clear_steering(change.viewer_id);
          }
        } else if constexpr (std::is_same_v<T, DailyLimitChange>) {
          state_.set_daily_limit(change.viewer_id, what.minutes, what.utc_offset_minutes);
        } else {
          state_.note_creation(change.viewer_id);
        }
      },
      change.what);
  return outcome;
}

Result<RankingService::Outcome> RankingService::log_and_apply(const RankingChange& change) {
  std::lock_guard writer(writer_mutex_);
  std::uint64_t position = 0;
  if (log_) {
    auto appended = log_->append(encode_change(change));
    if (!appended) {
      return make_error(ErrorCode::unavailable,
                        "the ranking cannot record this now: " + appended.error().message);
    }
    position = *appended;
  }
  std::unique_lock lock(mutex_);
  Outcome outcome = apply_change(change);
  if (position) state_.set_log_position(position);
  return outcome;
}

Result<ApplyReport> RankingService::record_events(std::string_view viewer_id,
                                                  std::span<const IncomingEvent> events) {
  auto outcome = log_and_apply(
      RankingChange{std::string(viewer_id), EventBatchChange{{events.begin(), events.end()}}});
  if (!outcome) return outcome.error();
  return std::move(outcome->report);
}

Result<bool> RankingService::record_signal(std::string_view viewer_id, const IncomingEvent& event) {
  auto outcome = log_and_apply(RankingChange{std::string(viewer_id), SignalChange{event}});
  if (!outcome) return outcome.error();
  return outcome->applied;
}

Status RankingService::note_creation(std::string_view viewer_id) {
  auto outcome = log_and_apply(RankingChange{std::string(viewer_id), CreationChange{}});
  if (!outcome) return outcome.error();
  return {};
}

void RankingService::publish(const ClipInfo& clip) {
  std::unique_lock lock(mutex_);
  ++changes_;
  const std::uint32_t index = state_.upsert_clip(clip);
  ranker_.add_published(index);
  published_since_refresh_.push_back(index);
}

void RankingService::remove(std::string_view clip_id) {
  std::unique_lock lock(mutex_);
  ++changes_;
  state_.remove_clip(clip_id);
}

void RankingService::reconcile_catalogue(std::span<const ClipInfo> published) {
  std::unique_lock lock(mutex_);
  ++changes_;
  std::vector<bool> in_store(state_.clip_count(), false);
  for (const ClipInfo& clip : published) {
    const std::uint32_t index = state_.upsert_clip(clip);
    if (index >= in_store.size()) in_store.resize(index + 1, false);
    in_store[index] = true;
  }
  for (std::uint32_t clip = 0; clip < in_store.size(); ++clip) {
    if (!in_store[clip] && !state_.clip(clip).removed) state_.remove_clip(state_.clip_id(clip));
  }
  lists_at_ms_ = -1;  // the next refresh_if_older_than recomputes the lists
}

SteeringView RankingService::view_of(const Steering& steering) const {
  return SteeringView{steering.text, describe_steering(steering, state_.config().vocabulary),
                      steering.ignored_words};
}

Result<SteeringView> RankingService::set_steering(std::string_view viewer_id,
                                                  std::string_view text) {
  // Checked before it is logged, so the log holds only steering that applies.
  if (auto parsed = parse_steering(text, state_.config().vocabulary); !parsed) {
    return parsed.error();
  }
  auto outcome =
      log_and_apply(RankingChange{std::string(viewer_id), SteeringChange{std::string(text)}});
  if (!outcome) return outcome.error();
  if (!outcome->status) return outcome->status.error();
  std::shared_lock lock(mutex_);
  return view_of(*state_.steering(viewer_id));
}

std::optional<SteeringView> RankingService::steering(std::string_view viewer_id) const {
  std::shared_lock lock(mutex_);
  const Steering* s = state_.steering(viewer_id);
  if (!s) return std::nullopt;
  return view_of(*s);
}

Status RankingService::clear_steering(std::string_view viewer_id) {
  auto outcome = log_and_apply(RankingChange{std::string(viewer_id), SteeringChange{}});
  if (!outcome) return outcome.error();
  return {};
}

Result<WatchLimitView> RankingService::set_daily_limit(
    std::string_view viewer_id, std::int64_t minutes,
    std::optional<std::int64_t> utc_offset_minutes) {
  if (minutes < 0 || minutes > kMaxDailyLimitMinutes) {
    return make_error(
        ErrorCode::invalid_argument,
        "daily_limit_minutes must be from 0 (no limit) to " + std::to_string(kMaxDailyLimitMinutes),
        "daily_limit_minutes");
  }
  if (utc_offset_minutes &&
      (*utc_offset_minutes < kMinUtcOffsetMinutes || *utc_offset_minutes > kMaxUtcOffsetMinutes)) {
    return make_error(ErrorCode::invalid_argument,
                      "utc_offset_minutes must be from " + std::to_string(kMinUtcOffsetMinutes) +
                          " to " + std::to_string(kMaxUtcOffsetMinutes),
                      "utc_offset_minutes");
  }
  DailyLimitChange change{static_cast<std::uint32_t>(minutes)};
  if (utc_offset_minutes) change.utc_offset_minutes = static_cast<int>(*utc_offset_minutes);
  auto outcome = log_and_apply(RankingChange{std::string(viewer_id), change});
  if (!outcome) return outcome.error();
  return watch_limit(viewer_id);
}

WatchLimitView RankingService::watch_limit(std::string_view viewer_id) const {
  std::shared_lock lock(mutex_);
  WatchLimitView view;
  const ViewerState* viewer = state_.viewer(viewer_id);
  if (!viewer) return view;
  view.daily_limit_minutes = viewer->daily_limit_ms / 60'000;
  view.utc_offset_minutes = viewer->utc_offset_minutes;
  if (viewer->watch_day == RankingState::viewer_day_of(*viewer, clock_.now_ms())) {
    view.watched_today_minutes = viewer->watched_today_ms / 60'000;
  }
  return view;
}

FeedPage RankingService::page(std::string_view viewer_id, int limit,
                              const ServedClips& served) const {
  std::shared_lock lock(mutex_);
  return prepared_.page(ranker_, viewer_id, clock_.now_ms(), limit, served);
}

void RankingService::refresh_if_older_than(std::int64_t max_age_ms) {
  std::lock_guard one_at_a_time(refresh_mutex_);
  const std::int64_t now = clock_.now_ms();
  {
    std::shared_lock lock(mutex_);
    if (lists_at_ms_ >= 0 && now - lists_at_ms_ < max_age_ms) return;
  }
  prepared_.forget_expired(now);
  {
    std::unique_lock lock(mutex_);
    published_since_refresh_.clear();
  }
  GlobalLists lists;
  {
    std::shared_lock lock(mutex_);
    lists = compute_global_lists(state_, now);
  }
  std::unique_lock lock(mutex_);
  ranker_.set_lists(std::move(lists));
  // Clips published while the lists were computed are not in them yet.
  for (std::uint32_t clip : published_since_refresh_) ranker_.add_published(clip);
  lists_at_ms_ = now;
}

std::int64_t RankingService::lists_computed_at_ms() const {
  std::shared_lock lock(mutex_);
  return lists_at_ms_;
}

Status RankingService::save(RankingSnapshotStore& store) const {
  std::lock_guard one_save(save_mutex_);
  std::string bytes;
  std::uint64_t position = 0;
  std::uint64_t changes = 0;
  {
    std::shared_lock lock(mutex_);
    if (saved_changes_ == changes_) return {};
    bytes = StateCodec::encode(state_);
    position = state_.log_position();
    changes = changes_;
  }
  if (auto saved = store.save(bytes); !saved) return saved;
  saved_changes_ = changes;
  if (log_ && position > 0) return log_->forget_through(position);
  return {};
}

Status RankingService::restore(RankingSnapshotStore& store) {
  std::unique_lock lock(mutex_);
  auto restored = restore_snapshot(store, state_);
  if (restored) {
    std::lock_guard one_save(save_mutex_);
    saved_changes_ = changes_;
  }
  return restored;
}

Result<std::size_t> RankingService::replay_log() {
  std::lock_guard writer(writer_mutex_);
  std::unique_lock lock(mutex_);
  std::size_t replayed = 0;
  while (log_) {
    auto changes = log_->read_after(state_.log_position(), 1000);
    if (!changes) return changes.error();
    if (changes->empty()) break;
    for (const LoggedChange& logged : *changes) {
      auto change = decode_change(logged.payload);
      if (!change) {
        return make_error(
            ErrorCode::internal,
            "the ranking's event log holds a damaged change at " + std::to_string(logged.position));
      }
      (void)apply_change(*change);  // its outcome was reported when it was first made
      state_.set_log_position(logged.position);
      ++replayed;
    }
  }
  return replayed;
}

}  // namespace dreamfeed::ranking
