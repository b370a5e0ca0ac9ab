// Names of error codes, as they appear in API error bodies ("code": "not_found").
#include "common/result.h"

namespace dreamfeed {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_argument:
      return "invalid_argument";
    case ErrorCode::unauthenticated:
      return "unauthenticated";
    case ErrorCode::forbidden:
      return "forbidden";
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::conflict:
      return "conflict";
    case ErrorCode::payload_too_large:
      return "payload_too_large";
    case ErrorCode::unsupported_media_type:
      return "unsupported_media_type";
    case ErrorCode::quota_exhausted:
      return "quota_exhausted";
    case ErrorCode::cancelled:
      return "cancelled";
    case ErrorCode::lease_lost:
      return "lease_lost";
    case ErrorCode::unavailable:
      return "unavailable";
    case ErrorCode::internal:
      return "internal";
  }
  return "internal";
}

}  // namespace dreamfeed
