// Splits a request target ("/a%20b/c?x=1") into its decoded path and raw query, and
// rejects targets that must never reach a handler or the file system: invalid percent
// encoding, NUL bytes, "." or ".." segments (also when percent-encoded).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dreamfeed::http {

struct RequestTarget {
  std::string_view path;   // decoded; points into the target or into `storage`
  std::string_view query;  // after '?', undecoded; points into the target
};

// `storage` holds the decoded path when decoding changes it; reuse it across requests.
std::optional<RequestTarget> parse_request_target(std::string_view target, std::string& storage);

}  // namespace dreamfeed::http
