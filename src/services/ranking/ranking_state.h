// RankingState: everything the For You feed knows, in memory, updated one event at a time
// (no recount per request). Sized for 1,000,000 clips, 100,000 viewers and 10,000,000
// past events in well under 2 GB: clips and users are dense uint32 indexes into flat
// arrays, topics a 64-bit mask, embeddings 32 bytes, each viewer's seen clips a small
// open-addressing table.
// Not thread-safe: RankingService (ranking_service.h) guards it with a reader/writer lock,
// readers for pages and a writer for event batches.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "services/ranking/dedupe_window.h"
#include "services/ranking/ranking_config.h"
#include "services/ranking/ranking_event.h"
#include "services/ranking/seen_set.h"
#include "services/ranking/similarity_index.h"
#include "services/ranking/steering.h"

namespace dreamfeed::ranking {

inline constexpr std::uint32_t kNone = 0xFFFFFFFFu;

// Lets the id maps be searched with a string_view without building a std::string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using IdMap = std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>>;

// What the ranking needs to know of a published clip (from the store's Video).
struct ClipInfo {
  std::string id;
  std::string creator_id;
  std::string text;  // the prompt plus the words of its scene graph
  std::int64_t published_at_ms = 0;
  std::int64_t duration_ms = 0;
  std::optional<std::string> remix_of;
};

struct ClipStats {
  std::uint32_t impressions = 0;
  std::uint32_t completions = 0;
  std::uint32_t likes = 0;
  std::uint32_t shares = 0;
  std::uint32_t remixes = 0;
  std::uint32_t skips = 0;
  std::uint32_t comments = 0;
  std::uint32_t not_interested = 0;
  std::uint64_t watch_ms = 0;
  std::uint32_t creator = kNone;   // user index
  std::uint32_t remix_of = kNone;  // clip index
  TopicMask topics = 0;
  std::int64_t published_at_ms = 0;
  std::int64_t trend_at_ms = 0;  // when `trend` was last decayed
  float trend = 0;               // engagement with exponential time decay
  std::uint32_t duration_ms = 0;
  bool removed = false;
};

struct CreatorStats {
  std::uint32_t clips = 0;
  std::uint32_t followers = 0;
  std::uint64_t impressions = 0;
  std::uint64_t completions = 0;
  std::uint64_t likes = 0;
};

// Clocks run from UTC−12:00 to UTC+14:00.
inline constexpr int kMinUtcOffsetMinutes = -12 * 60;
inline constexpr int kMaxUtcOffsetMinutes = 14 * 60;

struct ViewerState {
  std::array<float, kMaxTopics> affinity{};                   // learned taste per topic
  std::array<std::uint16_t, kMaxTopics> finished_by_topic{};  // for "because you finished 3…"
  SeenSet seen;
  std::vector<std::uint32_t> hidden_creators;    // sorted user indexes
  std::vector<std::uint32_t> followed_creators;  // sorted user indexes
  TopicMask not_interested = 0;
  Steering steering;
  std::array<std::uint32_t, 8> recent_positive{kNone, kNone, kNone, kNone,
                                               kNone, kNone, kNone, kNone};  // finished/liked
  std::uint8_t recent_positive_next = 0;
  std::int32_t watch_day = 0;  // the viewer's own day watched_today_ms counts
  // The viewer's clock against UTC, from their app (east positive): the daily watch limit
  // starts again at their midnight, not at UTC's.
  std::int16_t utc_offset_minutes = 0;
  std::uint32_t watched_today_ms = 0;
  std::uint32_t daily_limit_ms = 0;  // 0: none
  std::int64_t session_started_ms = 0;
  std::int64_t last_event_ms = 0;
  std::uint32_t passive_ms = 0;  // watched since the session started or the last creation
  // Bumped when the viewer says what they want (steering, not interested, hide, follow,
  // unfollow): pages prepared before (prepared_feeds.h) are then made again. In memory only.
  std::uint32_t taste_version = 0;
  // Clips finished or liked, counted (in memory only): a viewer who has found new clips to
  // like since their pages were prepared gets pages with clips like those.
  std::uint32_t positives = 0;

  bool follows(std::uint32_t creator) const;
  bool hides(std::uint32_t creator) const;
};

class RankingState {
 public:
  explicit RankingState(RankingConfig config);

  const RankingConfig& config() const { return config_; }

  // Adds a published clip (or updates its text); returns its index.
  std::uint32_t upsert_clip(const ClipInfo& clip);
  // Unpublished or deleted: never shown again, its statistics kept.
  void remove_clip(std::string_view clip_id);

  // A batch from one viewer's app: each event validated alone; valid ones applied once.
  ApplyReport apply_batch(std::string_view viewer_id, std::span<const IncomingEvent> events,
                          std::int64_t now_ms);
  // One event from the server itself (comment, remix, follow routes) or a replay; the same
  // validation, without the client-type restriction.
  Result<bool> apply(std::string_view viewer_id, const IncomingEvent& event, std::int64_t now_ms);

  Status set_steering(std::string_view viewer_id, std::string_view text);
  void clear_steering(std::string_view viewer_id);
  const Steering* steering(std::string_view viewer_id) const;
  // `utc_offset_minutes` (east positive), when given, moves the viewer's day to their clock.
  void set_daily_limit(std::string_view viewer_id, std::uint32_t minutes,
                       std::optional<int> utc_offset_minutes = std::nullopt);
  // The viewer made something (a new clip, not only a remix): the session stops being
  // passive, so the "create something" nudge goes away.
  void note_creation(std::string_view viewer_id);

  // Lookups.
  std::optional<std::uint32_t> clip_index(std::string_view id) const;
  std::optional<std::uint32_t> user_index(std::string_view id) const;
  std::uint32_t user_index_or_add(std::string_view id);
  const std::string& clip_id(std::uint32_t clip) const { return clip_ids_[clip]; }
  // ServedClips::hash_of(clip_id(clip)), kept so pages match served clips without hashing.
  std::uint32_t clip_id_hash(std::uint32_t clip) const { return clip_id_hashes_[clip]; }
  const std::string& user_id(std::uint32_t user) const { return user_ids_[user]; }
  std::size_t clip_count() const { return clips_.size(); }
  std::size_t user_count() const { return user_ids_.size(); }
  const ClipStats& clip(std::uint32_t c) const { return clips_[c]; }
  const CreatorStats& creator(std::uint32_t u) const { return creators_[u]; }
  const ViewerState* viewer(std::uint32_t u) const { return viewers_[u].get(); }
  const ViewerState* viewer(std::string_view id) const;
  const std::vector<ClipStats>& clips() const { return clips_; }
  const std::vector<Embedding>& embeddings() const { return embeddings_; }
  const SimilarityIndex& similarity_index() const { return index_; }
  const std::vector<std::uint32_t>& clips_of_creator(std::uint32_t u) const {
    return clips_by_creator_[u];
  }
  const std::vector<std::uint32_t>* remixes_of(std::uint32_t clip) const;
  const DedupeWindow& dedupe() const { return dedupe_; }

  // Trend decayed to `now_ms`, without changing the state.
  double trend_at(std::uint32_t clip, std::int64_t now_ms) const;
  static std::uint16_t day_of(std::int64_t ms) {
    return static_cast<std::uint16_t>(ms / 86'400'000);
  }
  // The day at `ms` on the viewer's clock: what the daily watch limit counts.
  static std::uint16_t viewer_day_of(const ViewerState& v, std::int64_t ms) {
    return day_of(ms + std::int64_t{v.utc_offset_minutes} * 60'000);
  }

  // Approximate bytes held, for the benchmark's report next to RSS.
  std::size_t approximate_bytes() const;

  // The last change of the ranking's event log applied to this state (0: none); kept in
  // snapshots so a restart replays only what follows it.
  std::uint64_t log_position() const { return log_position_; }
  void set_log_position(std::uint64_t position) { log_position_ = position; }

 private:
  friend class StateCodec;
  std::uint64_t log_position_ = 0;
  ViewerState& viewer_or_add(std::uint32_t user);
  Result<bool> apply_checked(std::uint32_t viewer, std::uint64_t dedupe_key, EventType type,
                             const IncomingEvent& event, std::int64_t now_ms);
  void apply_event(std::uint32_t viewer, EventType type, const IncomingEvent& e, std::uint32_t clip,
                   std::uint32_t target_user);
  void bump_trend(std::uint32_t clip, std::int64_t at_ms, float amount);
  void learn_topics(ViewerState& v, TopicMask topics, float signal);
  void note_positive(ViewerState& v, std::uint32_t clip);
  void add_watch_time(ViewerState& v, std::int64_t at_ms, std::int64_t watched_ms);

  RankingConfig config_;
  IdMap clip_by_id_;
  std::vector<std::string> clip_ids_;
  std::vector<std::uint32_t> clip_id_hashes_;
  std::vector<ClipStats> clips_;
  std::vector<Embedding> embeddings_;
  SimilarityIndex index_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> remixes_;  // source → remixes

  IdMap user_by_id_;
  std::vector<std::string> user_ids_;
  std::vector<CreatorStats> creators_;
  std::vector<std::vector<std::uint32_t>> clips_by_creator_;
  std::vector<std::unique_ptr<ViewerState>> viewers_;

  DedupeWindow dedupe_;
};

}  // namespace dreamfeed::ranking
