// RankingActivity: studio and social activity turned into ranking calls.
#include "services/ranking/ranking_activity.h"

#include <spdlog/spdlog.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace dreamfeed::ranking {
namespace {

namespace json = boost::json;

void append_string(std::string& out, const json::value* value) {
  if (value == nullptr || !value->is_string() || value->as_string().empty()) return;
  if (!out.empty()) out += ' ';
  out.append(value->as_string().data(), value->as_string().size());
}

std::string_view type_name(Engagement::Kind kind) {
  switch (kind) {
    case Engagement::Kind::like:
      return "like";
    case Engagement::Kind::unlike:
      return "unlike";
    case Engagement::Kind::comment:
      return "comment";
    case Engagement::Kind::remix:
      return "remix";
    case Engagement::Kind::follow:
      return "follow";
    case Engagement::Kind::unfollow:
      return "unfollow";
  }
  return "unknown";
}

}  // namespace

std::string scene_words(std::string_view scene_json) {
  std::string words;
  if (scene_json.empty()) return words;
  boost::system::error_code ec;
  const json::value scene = json::parse(scene_json, ec);
  if (ec || !scene.is_object()) return words;
  // Stored scenes wrap the parser's graph in "understood"; accept a bare graph too.
  const json::value* understood = scene.as_object().if_contains("understood");
  const json::object& graph =
      understood && understood->is_object() ? understood->as_object() : scene.as_object();
  if (const json::value* subjects = graph.if_contains("subjects");
      subjects && subjects->is_array()) {
    for (const json::value& subject : subjects->as_array()) {
      if (!subject.is_object()) continue;
      for (const char* key : {"kind", "word", "colour", "action"}) {
        append_string(words, subject.as_object().if_contains(key));
      }
    }
  }
  for (const char* key : {"setting", "time_of_day", "weather", "camera"}) {
    append_string(words, graph.if_contains(key));
  }
  if (const json::value* moods = graph.if_contains("moods"); moods && moods->is_array()) {
    for (const json::value& mood : moods->as_array()) append_string(words, &mood);
  }
  return words;
}

ClipInfo clip_info_of(const Video& video) {
  ClipInfo clip;
  clip.id = video.id;
  clip.creator_id = video.creator_id;
  clip.text = video.prompt;
  if (std::string words = scene_words(video.scene_json); !words.empty()) {
    clip.text += ' ';
    clip.text += words;
  }
  clip.published_at_ms = video.published_at_ms.value_or(video.created_at_ms);
  clip.duration_ms = std::int64_t{video.seconds} * 1000;
  clip.remix_of = video.remix_of;
  return clip;
}

Result<std::size_t> load_catalogue(RankingService& ranking, VideoStore& videos) {
  constexpr int kBatch = 1000;
  std::vector<ClipInfo> clips;
  std::optional<FeedPosition> after;
  while (true) {
    auto batch = videos.list_published(after, kBatch);
    if (!batch) return batch.error();
    for (const Video& video : *batch) clips.push_back(clip_info_of(video));
    if (static_cast<int>(batch->size()) < kBatch) break;
    after = FeedPosition{batch->back().published_at_ms.value_or(0), batch->back().id};
  }
  ranking.reconcile_catalogue(clips);
  return clips.size();
}

void RankingActivity::video_published(const Video& video) { ranking_.publish(clip_info_of(video)); }

void RankingActivity::video_removed(std::string_view video_id) { ranking_.remove(video_id); }

void RankingActivity::engaged(std::string_view user_id, const Engagement& engagement) {
  IncomingEvent event;
  event.id = engagement.id;
  event.type = std::string(type_name(engagement.kind));
  event.video_id = engagement.video_id;
  event.creator_id = engagement.creator_id;
  event.at_ms = engagement.at_ms;
  // A refusal here means the ranking does not know the clip or creator yet (a draft's
  // remix, a creator with no published clip): nothing to learn, and never the caller's
  // problem.
  if (auto applied = ranking_.record_signal(user_id, event); !applied) {
    const bool lost = applied.error().code == ErrorCode::unavailable;
    spdlog::log(lost ? spdlog::level::warn : spdlog::level::debug, "ranking ignored {} {}: {}",
                event.type, event.id, applied.error().message);
  }
}

void RankingActivity::creation_ordered(std::string_view user_id) {
  if (auto noted = ranking_.note_creation(user_id); !noted) {
    spdlog::warn("ranking did not note a creation: {}", noted.error().message);
  }
}

}  // namespace dreamfeed::ranking
