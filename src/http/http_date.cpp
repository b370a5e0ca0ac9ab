// HTTP date formatting and parsing by hand: strftime/strptime depend on the process
// locale for day and month names, and the Date header is on every response, so it is
// cached per thread and rebuilt only when the second changes.
#include "http/http_date.h"

#include <array>
#include <cstdio>

namespace dreamfeed::http {
namespace {

constexpr std::array<std::string_view, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool parse_number(std::string_view text, int& out) {
  if (text.empty()) return false;
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

}  // namespace

std::string format_http_date(std::time_t time) {
  std::tm tm{};
  gmtime_r(&time, &tm);
  char text[32];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT",
                kDays[static_cast<std::size_t>(tm.tm_wday) % 7].data(), tm.tm_mday,
                kMonths[static_cast<std::size_t>(tm.tm_mon) % 12].data(), tm.tm_year + 1900,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return text;
}

std::optional<std::time_t> parse_http_date(std::string_view text) {
  // "Sun, 06 Nov 1994 08:49:37 GMT": fixed positions.
  if (text.size() != 29 || text.substr(3, 2) != ", " || text.substr(25) != " GMT" ||
      text[7] != ' ' || text[11] != ' ' || text[16] != ' ' || text[19] != ':' || text[22] != ':')
    return std::nullopt;
  std::tm tm{};
  int month = -1;
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (text.substr(8, 3) == kMonths[i]) month = static_cast<int>(i);
  if (month < 0) return std::nullopt;
  tm.tm_mon = month;
  if (!parse_number(text.substr(5, 2), tm.tm_mday) ||
      !parse_number(text.substr(12, 4), tm.tm_year) ||
      !parse_number(text.substr(17, 2), tm.tm_hour) ||
      !parse_number(text.substr(20, 2), tm.tm_min) || !parse_number(text.substr(23, 2), tm.tm_sec))
    return std::nullopt;
  tm.tm_year -= 1900;
  return timegm(&tm);
}

std::string_view current_http_date() {
  thread_local std::time_t cached_second = -1;
  thread_local std::string cached_text;
  std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    cached_second = now;
    cached_text = format_http_date(now);
  }
  return cached_text;
}

}  // namespace dreamfeed::http
