// The events the ranking learns from: what viewers' apps report through
// POST /api/v1/events, and the signals other routes add (comments, remixes, follows).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dreamfeed::ranking {

enum class EventType : std::uint8_t {
  // Sent by viewers' apps.
  impression,  // the clip was shown
  watch,       // watched_ms of duration_ms, completed, loops
  like,
  unlike,
  share,
  skip,            // left within 2 s
  not_interested,  // "not interested": the clip's topics are filtered for this viewer
  hide_creator,    // never show this creator again
  // Added by their own routes, never accepted from an app's batch.
  comment,
  remix,  // the viewer made a remix of video_id
  follow,
  unfollow,
};

std::string_view to_string(EventType type);
std::optional<EventType> parse_event_type(std::string_view name);
// True for the types an app may send in a batch.
bool is_client_event(EventType type);

// One event as received, before validation: `type` is still text so an unknown type can be
// refused with a reason rather than failing the whole batch.
struct IncomingEvent {
  std::string id;  // the client's event id; a batch sent twice counts once
  std::string type;
  std::string video_id;    // every type but follow/unfollow
  std::string creator_id;  // follow, unfollow (hide_creator may name the video instead)
  std::int64_t at_ms = 0;  // when it happened, by the client's clock
  std::int64_t watched_ms = 0;
  std::int64_t duration_ms = 0;
  bool completed = false;
  int loops = 0;
};

struct RejectedEvent {
  std::size_t index = 0;  // position in the batch
  std::string id;
  std::string reason;  // for people: "unknown type \"wave\""
};

struct ApplyReport {
  std::size_t accepted = 0;
  std::size_t duplicates = 0;  // already counted (same viewer and client id)
  std::vector<RejectedEvent> rejected;
};

}  // namespace dreamfeed::ranking
