// The API's error body and the one mapping from ErrorCode to HTTP status.
#include "http/error_reply.h"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace dreamfeed::http {

Status status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_argument:
      return Status::bad_request;
    case ErrorCode::unauthenticated:
      return Status::unauthorized;
    case ErrorCode::forbidden:
      return Status::forbidden;
    case ErrorCode::not_found:
      return Status::not_found;
    case ErrorCode::conflict:
      return Status::conflict;
    case ErrorCode::payload_too_large:
      return Status::payload_too_large;
    case ErrorCode::unsupported_media_type:
      return Status::unsupported_media_type;
    case ErrorCode::quota_exhausted:
      return Status::too_many_requests;
    case ErrorCode::cancelled:
      return Status::conflict;
    case ErrorCode::lease_lost:
      return Status::conflict;
    case ErrorCode::unavailable:
      return Status::service_unavailable;
    case ErrorCode::internal:
      return Status::internal_server_error;
  }
  return Status::internal_server_error;
}

BodyReply error_reply(const Error& error) {
  return error_reply(status_for(error.code), to_string(error.code), error.message, error.field);
}

BodyReply error_reply(Status status, std::string_view code, std::string_view message,
                      std::string_view field) {
  boost::json::object detail;
  detail["code"] = code;
  detail["message"] = message;
  if (!field.empty()) detail["field"] = field;
  boost::json::object root;
  root["error"] = std::move(detail);
  BodyReply reply;
  reply.status = status;
  reply.content_type = "application/json";
  reply.body = boost::json::serialize(root);
  return reply;
}

}  // namespace dreamfeed::http
