// How users, videos and jobs look in API responses. One function per shape so every
// route shows the same thing the same way.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>

#include "common/result.h"
#include "http/handler.h"
#include "model/job.h"
#include "model/user.h"
#include "model/video.h"

namespace dreamfeed::http {

// RFC 3339 UTC with milliseconds: "2026-11-25T06:01:02.345Z".
std::string format_timestamp(std::int64_t ms_since_epoch);

boost::json::object user_json(const User& user);
// `with_scene`: include the generator's scene graph (the video page shows it; the
// feed leaves it out to stay small).
boost::json::object video_json(const Video& video, bool with_scene);
boost::json::object job_json(const Job& job, int queue_position);

BodyReply json_reply(const boost::json::value& value, Status status = Status::ok);
// An Error as its JSON reply; the shorthand every handler ends with on failure.
BodyReply reply_for(const Error& error);

}  // namespace dreamfeed::http
