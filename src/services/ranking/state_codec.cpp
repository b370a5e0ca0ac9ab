// Field-by-field encoding (never raw structs: padding and layout would leak into the
// file). A hand-written format because the state is a few flat arrays and must load a
// million clips in seconds; a general serialiser (Boost.Serialization) would add a
// dependency for no gain here. Version 1.
#include "services/ranking/state_codec.h"

#include <bit>
#include <cstring>
#include <type_traits>

#include "services/ranking/served_clips.h"

namespace dreamfeed::ranking {
namespace {

constexpr char kMagic[4] = {'D', 'F', 'R', 'K'};
// 2: the event log position follows the version.
// 3: each viewer's utc_offset_minutes follows passive_ms (version 2 snapshots read as UTC).
constexpr std::uint32_t kVersion = 3;
static_assert(std::endian::native == std::endian::little, "snapshots are little-endian");

class Writer {
 public:
  template <class T>
  void put(T value) {
    static_assert(std::is_arithmetic_v<T>);
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out_.append(bytes, sizeof(T));
  }
  void put_string(std::string_view s) {
    put(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void put_raw(const void* data, std::size_t n) { out_.append(static_cast<const char*>(data), n); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <class T>
  bool get(T& value) {
    static_assert(std::is_arithmetic_v<T>);
    if (in_.size() < sizeof(T)) return false;
    std::memcpy(&value, in_.data(), sizeof(T));
    in_.remove_prefix(sizeof(T));
    return true;
  }
  bool get_string(std::string& s) {
    std::uint32_t n = 0;
    if (!get(n) || in_.size() < n) return false;
    s.assign(in_.substr(0, n));
    in_.remove_prefix(n);
    return true;
  }
  bool get_raw(void* data, std::size_t n) {
    if (in_.size() < n) return false;
    std::memcpy(data, in_.data(), n);
    in_.remove_prefix(n);
    return true;
  }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

Error corrupt(std::string what) {
  return make_error(ErrorCode::internal, "ranking snapshot is damaged: " + std::move(what));
}

}  // namespace

std::string StateCodec::encode(const RankingState& s) {
  Writer w;
  w.put_raw(kMagic, 4);
  w.put(kVersion);
  w.put(s.log_position_);
  w.put(static_cast<std::uint32_t>(s.user_ids_.size()));
  for (std::size_t u = 0; u < s.user_ids_.size(); ++u) {
    w.put_string(s.user_ids_[u]);
    const CreatorStats& c = s.creators_[u];
    w.put(c.followers);
    w.put(c.impressions);
    w.put(c.completions);
    w.put(c.likes);
  }
  w.put(static_cast<std::uint32_t>(s.clips_.size()));
  for (std::size_t i = 0; i < s.clips_.size(); ++i) {
    const ClipStats& c = s.clips_[i];
    w.put_string(s.clip_ids_[i]);
    for (auto v : {c.impressions, c.completions, c.likes, c.shares, c.remixes, c.skips, c.comments,
                   c.not_interested, c.creator, c.remix_of, c.duration_ms}) {
      w.put(v);
    }
    w.put(c.watch_ms);
    w.put(c.topics);
    w.put(c.published_at_ms);
    w.put(c.trend_at_ms);
    w.put(c.trend);
    w.put(static_cast<std::uint8_t>(c.removed));
    w.put_raw(s.embeddings_[i].data(), kEmbeddingDims);
  }
  std::uint32_t viewers = 0;
  for (const auto& v : s.viewers_) viewers += v ? 1 : 0;
  w.put(viewers);
  for (std::size_t u = 0; u < s.viewers_.size(); ++u) {
    const ViewerState* v = s.viewers_[u].get();
    if (!v) continue;
    w.put(static_cast<std::uint32_t>(u));
    for (float a : v->affinity) w.put(a);
    for (auto n : v->finished_by_topic) w.put(n);
    w.put(static_cast<std::uint32_t>(v->seen.size()));
    v->seen.for_each([&](std::uint32_t clip, std::uint16_t day) {
      w.put(clip);
      w.put(day);
    });
    for (const auto* list : {&v->hidden_creators, &v->followed_creators}) {
      w.put(static_cast<std::uint32_t>(list->size()));
      for (auto x : *list) w.put(x);
    }
    w.put(v->not_interested);
    w.put_string(v->steering.text);
    w.put(v->steering.more);
    w.put(v->steering.less);
    for (auto c : v->recent_positive) w.put(c);
    w.put(v->recent_positive_next);
    w.put(v->watch_day);
    w.put(v->watched_today_ms);
    w.put(v->daily_limit_ms);
    w.put(v->session_started_ms);
    w.put(v->last_event_ms);
    w.put(v->passive_ms);
    w.put(v->utc_offset_minutes);
  }
  const auto keys = s.dedupe_.keys_oldest_first();
  w.put(static_cast<std::uint64_t>(keys.size()));
  for (auto k : keys) w.put(k);
  return w.take();
}

Status StateCodec::decode(std::string_view bytes, RankingState& s) {
  if (s.clip_count() != 0 || s.user_count() != 0) {
    return make_error(ErrorCode::internal, "decode needs an empty ranking state");
  }
  Reader r(bytes);
  char magic[4];
  std::uint32_t version = 0;
  if (!r.get_raw(magic, 4) || std::memcmp(magic, kMagic, 4) != 0) return corrupt("not a snapshot");
  if (!r.get(version) || version < 2 || version > kVersion) return corrupt("unknown version");
  if (!r.get(s.log_position_)) return corrupt("log position");
  std::uint32_t users = 0;
  if (!r.get(users)) return corrupt("users");
  for (std::uint32_t u = 0; u < users; ++u) {
    std::string id;
    if (!r.get_string(id)) return corrupt("user id");
    const auto index = s.user_index_or_add(id);
    CreatorStats& c = s.creators_[index];
    if (!r.get(c.followers) || !r.get(c.impressions) || !r.get(c.completions) || !r.get(c.likes)) {
      return corrupt("creator");
    }
  }
  std::uint32_t clips = 0;
  if (!r.get(clips)) return corrupt("clips");
  s.clips_.reserve(clips);
  for (std::uint32_t i = 0; i < clips; ++i) {
    ClipStats c;
    std::string id;
    std::uint8_t removed = 0;
    Embedding e{};
    bool ok = r.get_string(id);
    for (auto* v : {&c.impressions, &c.completions, &c.likes, &c.shares, &c.remixes, &c.skips,
                    &c.comments, &c.not_interested, &c.creator, &c.remix_of, &c.duration_ms}) {
      ok = ok && r.get(*v);
    }
    ok = ok && r.get(c.watch_ms) && r.get(c.topics) && r.get(c.published_at_ms) &&
         r.get(c.trend_at_ms) && r.get(c.trend) && r.get(removed) &&
         r.get_raw(e.data(), kEmbeddingDims);
    if (!ok || c.creator >= users || (c.remix_of != kNone && c.remix_of >= i)) {
      return corrupt("clip");
    }
    c.removed = removed != 0;
    s.clips_.push_back(c);
    s.clip_by_id_.emplace(id, i);
    s.clip_id_hashes_.push_back(ServedClips::hash_of(id));
    s.clip_ids_.push_back(std::move(id));
    s.embeddings_.push_back(e);
    s.index_.add(i, e);
    s.creators_[c.creator].clips++;
    s.clips_by_creator_[c.creator].push_back(i);
    if (c.remix_of != kNone) s.remixes_[c.remix_of].push_back(i);
  }
  std::uint32_t viewers = 0;
  if (!r.get(viewers)) return corrupt("viewers");
  for (std::uint32_t n = 0; n < viewers; ++n) {
    std::uint32_t u = 0;
    if (!r.get(u) || u >= users) return corrupt("viewer index");
    ViewerState& v = s.viewer_or_add(u);
    bool ok = true;
    for (float& a : v.affinity) ok = ok && r.get(a);
    for (auto& f : v.finished_by_topic) ok = ok && r.get(f);
    std::uint32_t seen = 0;
    ok = ok && r.get(seen);
    for (std::uint32_t k = 0; ok && k < seen; ++k) {
      std::uint32_t clip = 0;
      std::uint16_t day = 0;
      ok = r.get(clip) && r.get(day) && clip < clips;
      // keep_days large: entries are re-aged against the clock when the set next grows.
      if (ok) v.seen.insert(clip, day, 1 << 15);
    }
    for (auto* list : {&v.hidden_creators, &v.followed_creators}) {
      std::uint32_t size = 0;
      ok = ok && r.get(size) && size <= users;
      for (std::uint32_t k = 0; ok && k < size; ++k) {
        std::uint32_t x = 0;
        ok = r.get(x);
        list->push_back(x);
      }
    }
    ok = ok && r.get(v.not_interested) && r.get_string(v.steering.text) && r.get(v.steering.more) &&
         r.get(v.steering.less);
    for (auto& c : v.recent_positive) ok = ok && r.get(c) && (c == kNone || c < clips);
    ok = ok && r.get(v.recent_positive_next) && v.recent_positive_next < v.recent_positive.size();
    ok = ok && r.get(v.watch_day) && r.get(v.watched_today_ms) && r.get(v.daily_limit_ms) &&
         r.get(v.session_started_ms) && r.get(v.last_event_ms) && r.get(v.passive_ms);
    if (version >= 3) {
      ok = ok && r.get(v.utc_offset_minutes) && v.utc_offset_minutes >= kMinUtcOffsetMinutes &&
           v.utc_offset_minutes <= kMaxUtcOffsetMinutes;
    }
    if (!ok) return corrupt("viewer");
    // Read the words again with today's vocabulary (and get back the ignored words); if
    // they no longer name any topic, the stored masks stand.
    if (!v.steering.text.empty()) {
      if (auto parsed = parse_steering(v.steering.text, s.config().vocabulary)) {
        v.steering = std::move(parsed).value();
      }
    }
  }
  std::uint64_t keys = 0;
  if (!r.get(keys)) return corrupt("dedupe window");
  for (std::uint64_t k = 0; k < keys; ++k) {
    std::uint64_t key = 0;
    if (!r.get(key)) return corrupt("dedupe key");
    s.dedupe_.insert(key);
  }
  if (!r.done()) return corrupt("trailing bytes");
  return {};
}

Status save_snapshot(const RankingState& state, RankingSnapshotStore& store) {
  return store.save(StateCodec::encode(state));
}

Status restore_snapshot(RankingSnapshotStore& store, RankingState& state) {
  auto bytes = store.load();
  if (!bytes) return bytes.error();
  if (!*bytes) return {};
  return StateCodec::decode(**bytes, state);
}

}  // namespace dreamfeed::ranking
