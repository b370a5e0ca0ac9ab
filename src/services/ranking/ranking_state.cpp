// RankingState: validation of incoming events and their effect on clip, creator and
// viewer aggregates.
#include "services/ranking/ranking_state.h"

#include <algorithm>
#include <cmath>

#include "services/ranking/served_clips.h"

namespace dreamfeed::ranking {
namespace {

void insert_sorted(std::vector<std::uint32_t>& v, std::uint32_t x) {
  auto it = std::lower_bound(v.begin(), v.end(), x);
  if (it == v.end() || *it != x) v.insert(it, x);
}

bool erase_sorted(std::vector<std::uint32_t>& v, std::uint32_t x) {
  auto it = std::lower_bound(v.begin(), v.end(), x);
  if (it == v.end() || *it != x) return false;
  v.erase(it);
  return true;
}

Error rejection(std::string reason, std::string field) {
  return make_error(ErrorCode::invalid_argument, std::move(reason), std::move(field));
}

}  // namespace

bool ViewerState::follows(std::uint32_t creator) const {
  return std::binary_search(followed_creators.begin(), followed_creators.end(), creator);
}

bool ViewerState::hides(std::uint32_t creator) const {
  return std::binary_search(hidden_creators.begin(), hidden_creators.end(), creator);
}

RankingState::RankingState(RankingConfig config)
    : config_(std::move(config)), dedupe_(config_.dedupe_window) {}

std::optional<std::uint32_t> RankingState::clip_index(std::string_view id) const {
  auto it = clip_by_id_.find(id);
  if (it == clip_by_id_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::uint32_t> RankingState::user_index(std::string_view id) const {
  auto it = user_by_id_.find(id);
  if (it == user_by_id_.end()) return std::nullopt;
  return it->second;
}

std::uint32_t RankingState::user_index_or_add(std::string_view id) {
  if (auto it = user_by_id_.find(id); it != user_by_id_.end()) return it->second;
  const auto index = static_cast<std::uint32_t>(user_ids_.size());
  user_by_id_.emplace(std::string(id), index);
  user_ids_.emplace_back(id);
  creators_.emplace_back();
  clips_by_creator_.emplace_back();
  viewers_.emplace_back();
  return index;
}

const ViewerState* RankingState::viewer(std::string_view id) const {
  auto u = user_index(id);
  return u ? viewers_[*u].get() : nullptr;
}

ViewerState& RankingState::viewer_or_add(std::uint32_t user) {
  auto& v = viewers_[user];
  if (!v) v = std::make_unique<ViewerState>();
  return *v;
}

const std::vector<std::uint32_t>* RankingState::remixes_of(std::uint32_t clip) const {
  auto it = remixes_.find(clip);
  return it == remixes_.end() ? nullptr : &it->second;
}

std::uint32_t RankingState::upsert_clip(const ClipInfo& info) {
  if (auto existing = clip_index(info.id)) {
    auto& c = clips_[*existing];
    c.removed = false;
    c.published_at_ms = info.published_at_ms;
    return *existing;
  }
  const auto index = static_cast<std::uint32_t>(clips_.size());
  const std::uint32_t creator = user_index_or_add(info.creator_id);
  ClipStats c;
  c.creator = creator;
  c.topics = config_.vocabulary.topics_of_text(info.text);
  c.published_at_ms = info.published_at_ms;
  c.trend_at_ms = info.published_at_ms;
  c.duration_ms = static_cast<std::uint32_t>(std::max<std::int64_t>(0, info.duration_ms));
  if (info.remix_of) {
    if (auto source = clip_index(*info.remix_of)) {
      c.remix_of = *source;
      remixes_[*source].push_back(index);
    }
  }
  clips_.push_back(c);
  clip_by_id_.emplace(info.id, index);
  clip_ids_.push_back(info.id);
  clip_id_hashes_.push_back(ServedClips::hash_of(info.id));
  embeddings_.push_back(embed_text(info.text));
  index_.add(index, embeddings_.back());
  creators_[creator].clips++;
  clips_by_creator_[creator].push_back(index);
  return index;
}

void RankingState::remove_clip(std::string_view clip_id) {
  if (auto c = clip_index(clip_id)) clips_[*c].removed = true;
}

ApplyReport RankingState::apply_batch(std::string_view viewer_id,
                                      std::span<const IncomingEvent> events, std::int64_t now_ms) {
  ApplyReport report;
  const std::uint32_t viewer = user_index_or_add(viewer_id);
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    const auto type = parse_event_type(e.type);
    if (type && !is_client_event(*type)) {
      report.rejected.push_back({i, e.id, "\"" + e.type + "\" is counted by its own route"});
      continue;
    }
    Result<bool> applied =
        type ? apply_checked(viewer, DedupeWindow::key(viewer_id, e.id), *type, e, now_ms)
             : Result<bool>(rejection("unknown type \"" + e.type + "\"", "type"));
    if (!applied) {
      report.rejected.push_back({i, e.id, applied.error().message});
    } else if (*applied) {
      report.accepted++;
    } else {
      report.duplicates++;
    }
  }
  return report;
}

Result<bool> RankingState::apply(std::string_view viewer_id, const IncomingEvent& event,
                                 std::int64_t now_ms) {
  const auto type = parse_event_type(event.type);
  if (!type) return rejection("unknown type \"" + event.type + "\"", "type");
  const std::uint32_t viewer = user_index_or_add(viewer_id);
  return apply_checked(viewer, DedupeWindow::key(viewer_id, event.id), *type, event, now_ms);
}

Result<bool> RankingState::apply_checked(std::uint32_t viewer, std::uint64_t dedupe_key,
                                         EventType type, const IncomingEvent& e,
                                         std::int64_t now_ms) {
  if (e.id.empty()) return rejection("missing id", "id");
  if (e.at_ms < 0) return rejection("negative time", "at");
  if (e.at_ms > now_ms + config_.max_future_ms) return rejection("timestamp in the future", "at");
  if (e.watched_ms < 0 || e.duration_ms < 0) return rejection("negative time", "watched_ms");
  if (e.loops < 0) return rejection("negative loops", "loops");
  std::uint32_t clip = kNone;
  std::uint32_t target_user = kNone;
  if (type == EventType::follow || type == EventType::unfollow ||
      (type == EventType::hide_creator && e.video_id.empty())) {
    auto u = user_index(e.creator_id);
    if (!u) return rejection("unknown creator \"" + e.creator_id + "\"", "creator_id");
    target_user = *u;
  } else {
    auto c = clip_index(e.video_id);
    if (!c) return rejection("unknown clip \"" + e.video_id + "\"", "video_id");
    clip = *c;
    target_user = clips_[clip].creator;
  }
  if (!dedupe_.insert(dedupe_key)) return false;
  apply_event(viewer, type, e, clip, target_user);
  return true;
}

void RankingState::bump_trend(std::uint32_t clip, std::int64_t at_ms, float amount) {
  auto& c = clips_[clip];
  if (at_ms > c.trend_at_ms) {
    const double hours = static_cast<double>(at_ms - c.trend_at_ms) / 3'600'000.0;
    c.trend = static_cast<float>(c.trend * std::exp2(-hours / config_.trending_half_life_hours));
    c.trend_at_ms = at_ms;
  }
  c.trend += amount;  // late events count at the later reference time; close enough
}

double RankingState::trend_at(std::uint32_t clip, std::int64_t now_ms) const {
  const auto& c = clips_[clip];
  const double hours =
      static_cast<double>(std::max<std::int64_t>(0, now_ms - c.trend_at_ms)) / 3'600'000.0;
  return c.trend * std::exp2(-hours / config_.trending_half_life_hours);
}

void RankingState::learn_topics(ViewerState& v, TopicMask topics, float signal) {
  for (int t = 0; topics; ++t, topics >>= 1) {
    if (topics & 1) v.affinity[t] = std::clamp(v.affinity[t] * 0.98f + signal, -20.0f, 20.0f);
  }
}

void RankingState::note_positive(ViewerState& v, std::uint32_t clip) {
  for (auto c : v.recent_positive) {
    if (c == clip) return;
  }
  v.recent_positive[v.recent_positive_next] = clip;
  v.recent_positive_next = (v.recent_positive_next + 1) % v.recent_positive.size();
  ++v.positives;
}

void RankingState::add_watch_time(ViewerState& v, std::int64_t at_ms, std::int64_t watched_ms) {
  const std::int32_t day = viewer_day_of(v, at_ms);
  if (day != v.watch_day) {
    if (day < v.watch_day) return;  // a late event from a past day: not today's time
    v.watch_day = day;
    v.watched_today_ms = 0;
  }
  const auto add = static_cast<std::uint32_t>(std::min<std::int64_t>(watched_ms, 3'600'000));
  v.watched_today_ms += add;
  v.passive_ms += add;
}

void RankingState::apply_event(std::uint32_t viewer, EventType type, const IncomingEvent& e,
                               std::uint32_t clip, std::uint32_t target_user) {
  ViewerState& v = viewer_or_add(viewer);
  const std::int64_t gap_ms = std::int64_t{config_.wellbeing.session_gap_minutes} * 60'000;
  if (e.at_ms - v.last_event_ms > gap_ms) {
    v.session_started_ms = e.at_ms;
    v.passive_ms = 0;
  }
  v.last_event_ms = std::max(v.last_event_ms, e.at_ms);

  ClipStats* c = clip == kNone ? nullptr : &clips_[clip];
  CreatorStats* creator = target_user == kNone ? nullptr : &creators_[target_user];
  const auto day = day_of(e.at_ms);
  switch (type) {
    case EventType::impression:
      c->impressions++;
      creator->impressions++;
      v.seen.insert(clip, day, config_.seen_days);
      break;
    case EventType::watch: {
      c->watch_ms += static_cast<std::uint64_t>(e.watched_ms);
      v.seen.insert(clip, day, config_.seen_days);
      add_watch_time(v, e.at_ms, e.watched_ms);
      if (e.completed) {
        c->completions++;
        creator->completions++;
        for (int t = 0; t < kMaxTopics; ++t) {
          if ((c->topics >> t & 1) && v.finished_by_topic[t] < 0xFFFF) v.finished_by_topic[t]++;
        }
        learn_topics(v, c->topics, 1.0f + 0.3f * static_cast<float>(std::min(e.loops, 3)));
        note_positive(v, clip);
        bump_trend(clip, e.at_ms, 1.0f);
      } else if (e.duration_ms > 0) {
        const double fraction = std::min(1.0, static_cast<double>(e.watched_ms) / e.duration_ms);
        learn_topics(v, c->topics, static_cast<float>(fraction - 0.5));
      }
      break;
    }
    case EventType::like:
      c->likes++;
      creator->likes++;
      learn_topics(v, c->topics, 1.5f);
      note_positive(v, clip);
      bump_trend(clip, e.at_ms, 2.0f);
      break;
    case EventType::unlike:
      if (c->likes > 0) c->likes--;
      if (creator->likes > 0) creator->likes--;
      learn_topics(v, c->topics, -1.5f);
      break;
    case EventType::share:
      c->shares++;
      learn_topics(v, c->topics, 2.0f);
      note_positive(v, clip);
      bump_trend(clip, e.at_ms, 3.0f);
      break;
    case EventType::skip:
      c->skips++;
      v.seen.insert(clip, day, config_.seen_days);
      learn_topics(v, c->topics, -0.7f);
      break;
    case EventType::not_interested:
      c->not_interested++;
      v.not_interested |= c->topics;
      v.seen.insert(clip, day, config_.seen_days);
      learn_topics(v, c->topics, -3.0f);
      v.taste_version++;
      break;
    case EventType::hide_creator:
      insert_sorted(v.hidden_creators, target_user);
      v.taste_version++;
      break;
    case EventType::comment:
      c->comments++;
      learn_topics(v, c->topics, 1.0f);
      note_positive(v, clip);
      bump_trend(clip, e.at_ms, 2.0f);
      break;
    case EventType::remix:
      c->remixes++;
      learn_topics(v, c->topics, 2.0f);
      note_positive(v, clip);
      bump_trend(clip, e.at_ms, 3.0f);
      v.passive_ms = 0;  // they made something: the session is no longer passive
      break;
    case EventType::follow:
      if (!v.follows(target_user)) creator->followers++;
      insert_sorted(v.followed_creators, target_user);
      v.taste_version++;
      break;
    case EventType::unfollow:
      if (erase_sorted(v.followed_creators, target_user) && creator->followers > 0) {
        creator->followers--;
      }
      v.taste_version++;
      break;
  }
}

Status RankingState::set_steering(std::string_view viewer_id, std::string_view text) {
  auto parsed = parse_steering(text, config_.vocabulary);
  if (!parsed) return parsed.error();
  ViewerState& viewer = viewer_or_add(user_index_or_add(viewer_id));
  viewer.steering = std::move(parsed).value();
  viewer.taste_version++;
  return {};
}

void RankingState::clear_steering(std::string_view viewer_id) {
  if (auto u = user_index(viewer_id); u && viewers_[*u]) {
    viewers_[*u]->steering = Steering{};
    viewers_[*u]->taste_version++;
  }
}

const Steering* RankingState::steering(std::string_view viewer_id) const {
  const ViewerState* v = viewer(viewer_id);
  return v && !v->steering.empty() ? &v->steering : nullptr;
}

void RankingState::set_daily_limit(std::string_view viewer_id, std::uint32_t minutes,
                                   std::optional<int> utc_offset_minutes) {
  ViewerState& v = viewer_or_add(user_index_or_add(viewer_id));
  v.daily_limit_ms = minutes * 60'000;
  if (utc_offset_minutes && *utc_offset_minutes != v.utc_offset_minutes) {
    // Today's watching stays today's: the day it counts moves to the new clock.
    const bool watched_today = v.watch_day == viewer_day_of(v, v.last_event_ms);
    v.utc_offset_minutes = static_cast<std::int16_t>(*utc_offset_minutes);
    if (watched_today) v.watch_day = viewer_day_of(v, v.last_event_ms);
  }
}

void RankingState::note_creation(std::string_view viewer_id) {
  if (auto u = user_index(viewer_id); u && viewers_[*u]) viewers_[*u]->passive_ms = 0;
}

std::size_t RankingState::approximate_bytes() const {
  std::size_t total = clips_.capacity() * sizeof(ClipStats) +
                      embeddings_.capacity() * sizeof(Embedding) + index_.bytes() +
                      creators_.capacity() * sizeof(CreatorStats) +
                      clip_id_hashes_.capacity() * sizeof(std::uint32_t);
  for (const auto& id : clip_ids_) total += sizeof(id) + (id.size() > 15 ? id.capacity() : 0);
  for (const auto& id : user_ids_) total += sizeof(id) + (id.size() > 15 ? id.capacity() : 0);
  total += (clip_by_id_.size() + user_by_id_.size()) * 64;  // nodes, keys, buckets
  for (const auto& v : viewers_) {
    if (!v) continue;
    total += sizeof(ViewerState) + v->seen.bytes() + v->hidden_creators.capacity() * 4 +
             v->followed_creators.capacity() * 4;
  }
  for (const auto& list : clips_by_creator_) total += sizeof(list) + list.capacity() * 4;
  total += dedupe_.size() * 40;
  return total;
}

}  // namespace dreamfeed::ranking
