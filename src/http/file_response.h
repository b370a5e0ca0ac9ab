// What to answer for a file, given the request's conditional and Range headers and the
// file's size and modification time: 200, 206 with one range, 304 or 416. Pure, so the
// rules are tested without sockets; connection code only sends what this decides.
#pragma once

#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>

#include "http/handler.h"

namespace dreamfeed::http {

struct FileFacts {
  std::uint64_t size = 0;
  std::time_t modified = 0;         // seconds, for Last-Modified
  std::int64_t modified_nanos = 0;  // for the ETag, so quick rewrites change it
};

struct FilePlan {
  Status status = Status::ok;  // ok, partial_content, not_modified or range_not_satisfiable
  std::uint64_t offset = 0;    // the bytes to send (ok, partial_content)
  std::uint64_t length = 0;
  std::string content_range;  // "bytes a-b/size" (206) or "bytes */size" (416)
};

// A strong validator from size and modification time: "<size hex>-<mtime ns hex>".
std::string file_etag(const FileFacts& facts);

FilePlan plan_file_response(const Request& request, const FileFacts& facts, std::string_view etag);

}  // namespace dreamfeed::http
