// How users, videos and jobs look in API responses. One function per shape so every
// route shows the same thing the same way. The shapes a feed page is made of take the
// storage to build in (default: the heap), so that a busy route can build a whole
// page in one arena (boost::json::monotonic_resource) instead of an allocation per
// key and string.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "common/result.h"
#include "http/handler.h"
#include "model/job.h"
#include "model/social.h"
#include "model/user.h"
#include "model/video.h"

namespace dreamfeed::http {

// RFC 3339 UTC with milliseconds: "2026-11-25T06:01:02.345Z".
std::string format_timestamp(std::int64_t ms_since_epoch);

// "/media/avatars/<id>.jpg?v=<version>" (the version busts caches on each upload), or
// null when the user has no avatar.
boost::json::value avatar_url(const std::string& user_id, int avatar_version,
                              const boost::json::storage_ptr& storage = {});
// The public profile; `followed_by_me` is false for logged-out viewers.
boost::json::object profile_json(const User& user, bool followed_by_me);
// The caller's own profile, with is_admin (sign-up, log-in, /me).
boost::json::object user_json(const User& user);
// Who made something, as shown beside it: {id, handle, display_name, avatar_url}.
boost::json::object person_json(const User& user, const boost::json::storage_ptr& storage = {});
boost::json::object comment_json(const Comment& comment);
// {"items": [...], "next_cursor": string or null}: every paged list.
boost::json::object page_json(boost::json::array items,
                              const std::optional<std::string>& next_cursor,
                              const boost::json::storage_ptr& storage = {});
// `with_scene`: include the generator's scene graph (the video page shows it; the
// feed leaves it out to stay small).
boost::json::object video_json(const Video& video, bool with_scene,
                               const boost::json::storage_ptr& storage = {});
boost::json::object job_json(const Job& job, int queue_position);

BodyReply json_reply(const boost::json::value& value, Status status = Status::ok);
// An Error as its JSON reply; the shorthand every handler ends with on failure.
BodyReply reply_for(const Error& error);

}  // namespace dreamfeed::http
