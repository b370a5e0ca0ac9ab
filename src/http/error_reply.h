// Turns an Error into the API's error response:
//   {"error": {"code": "...", "message": "...", "field": "..."}} with the right status.
#pragma once

#include "common/result.h"
#include "http/handler.h"

namespace dreamfeed::http {

Status status_for(ErrorCode code);
BodyReply error_reply(const Error& error);
BodyReply error_reply(Status status, std::string_view code, std::string_view message,
                      std::string_view field = {});

}  // namespace dreamfeed::http
