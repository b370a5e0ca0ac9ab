// The social layer's records: comments on videos and the follow edges between people.
#pragma once

#include <cstdint>
#include <string>

#include "model/user.h"

namespace dreamfeed {

struct Comment {
  std::string id;  // "cmt_…", opaque
  std::string video_id;
  User author;  // filled by the store on read (join); only author.id is stored
  std::string text;
  std::int64_t created_at_ms = 0;
};

// One row of a followers or following list: the other person and when the edge was made
// (the list's order and cursor).
struct FollowEntry {
  User user;
  std::int64_t followed_at_ms = 0;
};

}  // namespace dreamfeed
