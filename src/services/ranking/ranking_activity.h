// RankingActivity: the ranking's ear on the studio and social services. Publications and
// removals change the catalogue; likes, comments, remixes and follows become ranking
// events with ids that make each count once; ordering a clip ends the "make something"
// nudge.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "interfaces/activity_listener.h"
#include "interfaces/store.h"
#include "model/video.h"
#include "services/ranking/ranking_service.h"

namespace dreamfeed::ranking {

// What the ranking knows of a published video: its prompt plus the words the generator
// understood (subjects, actions, colours, setting, time, weather, moods) as its text.
ClipInfo clip_info_of(const Video& video);

// The understood words of a scene JSON (as stored on a video), space-separated; empty
// when there is none or it does not parse.
std::string scene_words(std::string_view scene_json);

// Start-up: reads every published video from the store into the ranking's catalogue
// (RankingService::reconcile_catalogue). Returns how many there were.
Result<std::size_t> load_catalogue(RankingService& ranking, VideoStore& videos);

class RankingActivity final : public ActivityListener {
 public:
  explicit RankingActivity(RankingService& ranking) : ranking_(ranking) {}

  void video_published(const Video& video) override;
  void video_removed(std::string_view video_id) override;
  void engaged(std::string_view user_id, const Engagement& engagement) override;
  void creation_ordered(std::string_view user_id) override;

 private:
  RankingService& ranking_;
};

}  // namespace dreamfeed::ranking
