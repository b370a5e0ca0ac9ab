// VideoJsonMemo: a published clip's JSON in the For You feed, written once per record
// instead of once per page. A feed page is ten clips of about 700 bytes of JSON each,
// with two formatted timestamps, and building them was a fifth of the page's cost (see
// bench/feed_at_scale.sh). The records come from CachedClipStore, which never changes a
// record but replaces it when the clip changes, so text kept with a weak pointer to its
// record is current exactly while that record is the one the cache hands out.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "common/expiring_cache.h"
#include "model/video.h"

namespace dreamfeed::http {

class VideoJsonMemo {
 public:
  // Keeps the text of at most `max_clips` clips.
  explicit VideoJsonMemo(std::size_t max_clips) : texts_(max_clips) {}

  // video_json(*record, false) as text without liked_by_me and without its closing
  // brace: the caller appends the fields that differ per viewer and closes the object.
  std::shared_ptr<const std::string> open_object(const std::shared_ptr<const Video>& record);

 private:
  struct Text {
    std::weak_ptr<const Video> record;  // what the text was written from
    std::shared_ptr<const std::string> text;
  };
  // Nothing expires by time and nothing is forgotten: a text is stale when its record is.
  ExpiringCache<Text> texts_;
};

}  // namespace dreamfeed::http
