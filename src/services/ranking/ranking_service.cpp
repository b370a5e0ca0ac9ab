// RankingService: locking around RankingState and FeedRanker; no ranking logic of its own.
#include "services/ranking/ranking_service.h"

#include "services/ranking/state_codec.h"

namespace dreamfeed::ranking {

RankingService::RankingService(RankingConfig config, const Clock& clock)
    : clock_(clock), state_(std::move(config)), ranker_(state_) {}

ApplyReport RankingService::record_events(std::string_view viewer_id,
                                          std::span<const IncomingEvent> events) {
  std::unique_lock lock(mutex_);
  return state_.apply_batch(viewer_id, events, clock_.now_ms());
}

Result<bool> RankingService::record_signal(std::string_view viewer_id, const IncomingEvent& event) {
  std::unique_lock lock(mutex_);
  return state_.apply(viewer_id, event, clock_.now_ms());
}

void RankingService::note_creation(std::string_view viewer_id) {
  std::unique_lock lock(mutex_);
  state_.note_creation(viewer_id);
}

void RankingService::publish(const ClipInfo& clip) {
  std::unique_lock lock(mutex_);
  const std::uint32_t index = state_.upsert_clip(clip);
  ranker_.add_published(index);
  published_since_refresh_.push_back(index);
}

void RankingService::remove(std::string_view clip_id) {
  std::unique_lock lock(mutex_);
  state_.remove_clip(clip_id);
}

void RankingService::reconcile_catalogue(std::span<const ClipInfo> published) {
  std::unique_lock lock(mutex_);
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
  std::unique_lock lock(mutex_);
  if (auto status = state_.set_steering(viewer_id, text); !status) return status.error();
  return view_of(*state_.steering(viewer_id));
}

std::optional<SteeringView> RankingService::steering(std::string_view viewer_id) const {
  std::shared_lock lock(mutex_);
  const Steering* s = state_.steering(viewer_id);
  if (!s) return std::nullopt;
  return view_of(*s);
}

void RankingService::clear_steering(std::string_view viewer_id) {
  std::unique_lock lock(mutex_);
  state_.clear_steering(viewer_id);
}

Result<WatchLimitView> RankingService::set_daily_limit(std::string_view viewer_id,
                                                       std::int64_t minutes) {
  if (minutes < 0 || minutes > kMaxDailyLimitMinutes) {
    return make_error(
        ErrorCode::invalid_argument,
        "daily_limit_minutes must be from 0 (no limit) to " + std::to_string(kMaxDailyLimitMinutes),
        "daily_limit_minutes");
  }
  {
    std::unique_lock lock(mutex_);
    state_.set_daily_limit(viewer_id, static_cast<std::uint32_t>(minutes));
  }
  return watch_limit(viewer_id);
}

WatchLimitView RankingService::watch_limit(std::string_view viewer_id) const {
  std::shared_lock lock(mutex_);
  WatchLimitView view;
  const ViewerState* viewer = state_.viewer(viewer_id);
  if (!viewer) return view;
  view.daily_limit_minutes = viewer->daily_limit_ms / 60'000;
  if (viewer->watch_day == RankingState::day_of(clock_.now_ms())) {
    view.watched_today_minutes = viewer->watched_today_ms / 60'000;
  }
  return view;
}

FeedPage RankingService::page(std::string_view viewer_id, int limit,
                              std::span<const std::string> exclude) const {
  std::shared_lock lock(mutex_);
  return ranker_.page(viewer_id, clock_.now_ms(), limit, exclude);
}

void RankingService::refresh_if_older_than(std::int64_t max_age_ms) {
  std::lock_guard one_at_a_time(refresh_mutex_);
  const std::int64_t now = clock_.now_ms();
  {
    std::shared_lock lock(mutex_);
    if (lists_at_ms_ >= 0 && now - lists_at_ms_ < max_age_ms) return;
  }
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
  std::string bytes;
  {
    std::shared_lock lock(mutex_);
    bytes = StateCodec::encode(state_);
  }
  return store.save(bytes);
}

Status RankingService::restore(RankingSnapshotStore& store) {
  std::unique_lock lock(mutex_);
  return restore_snapshot(store, state_);
}

}  // namespace dreamfeed::ranking
