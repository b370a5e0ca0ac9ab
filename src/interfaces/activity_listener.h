// ActivityListener: what the studio and social services report as it happens — clips
// published or removed, and people engaging with clips and creators — to whoever learns
// from it (the For You ranking). Called after the store write succeeded; a listener
// never fails the request that caused the call.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/video.h"

namespace dreamfeed {

// One engagement made through its own route (not the app's event batches).
struct Engagement {
  enum class Kind { like, unlike, comment, remix, follow, unfollow };
  Kind kind = Kind::like;
  // Unique per engagement, so a listener can count each once: "comment:<comment id>".
  std::string id;
  std::string video_id;    // like, unlike, comment, remix (the clip remixed)
  std::string creator_id;  // follow, unfollow
  std::int64_t at_ms = 0;
};

class ActivityListener {
 public:
  virtual ~ActivityListener() = default;
  virtual void video_published(const Video& video) = 0;
  // Deleted or unpublished: it must not be recommended any more.
  virtual void video_removed(std::string_view video_id) = 0;
  virtual void engaged(std::string_view user_id, const Engagement& engagement) = 0;
  // The user ordered a clip of their own (ends "make something" nudges).
  virtual void creation_ordered(std::string_view user_id) = 0;
};

// For tools and tests that have nobody listening.
class NoActivityListener final : public ActivityListener {
 public:
  void video_published(const Video&) override {}
  void video_removed(std::string_view) override {}
  void engaged(std::string_view, const Engagement&) override {}
  void creation_ordered(std::string_view) override {}
};

// A shared NoActivityListener, the default of the services that take a listener.
inline ActivityListener& no_activity_listener() {
  static NoActivityListener nobody;
  return nobody;
}

}  // namespace dreamfeed
