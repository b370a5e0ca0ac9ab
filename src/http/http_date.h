// HTTP dates (RFC 9110 IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT"): formatting for
// Date and Last-Modified, parsing for If-Modified-Since and If-Range.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace dreamfeed::http {

std::string format_http_date(std::time_t time);
std::optional<std::time_t> parse_http_date(std::string_view text);

// The current time as an HTTP date, formatted at most once per second per thread.
std::string_view current_http_date();

}  // namespace dreamfeed::http
