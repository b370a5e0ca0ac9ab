// Range and conditional-request rules of RFC 9110 §13-14, for a single byte range.
// Beast has no Range support, so this is written by hand; multiple ranges are answered
// with the whole file, which the RFC allows and browsers' media players never ask for.
#include "http/file_response.h"

#include <charconv>
#include <cstdio>
#include <optional>

#include <boost/beast/core/string.hpp>

#include "http/header_text.h"
#include "http/http_date.h"

namespace dreamfeed::http {
namespace {

std::optional<std::uint64_t> parse_u64(std::string_view text) {
  std::uint64_t value = 0;
  if (text.empty()) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string_view opaque_tag(std::string_view tag) {
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  return tag;
}

// If-None-Match uses the weak comparison (RFC 9110 §13.1.2).
bool none_match_hits(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    auto comma = header.find(',');
    auto tag = trim_whitespace(header.substr(0, comma));
    if (tag == "*" || (!tag.empty() && opaque_tag(tag) == opaque_tag(etag))) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

// If-Range: a strong ETag match or an exact Last-Modified date keeps the Range.
bool if_range_holds(std::string_view header, std::string_view etag, std::time_t modified) {
  header = trim_whitespace(header);
  if (header.starts_with("W/")) return false;
  if (header.starts_with("\"")) return header == etag;
  auto date = parse_http_date(header);
  return date && *date == modified;
}

std::string content_range(std::uint64_t first, std::uint64_t last, std::uint64_t size) {
  char text[80];
  std::snprintf(text, sizeof text, "bytes %llu-%llu/%llu", static_cast<unsigned long long>(first),
                static_cast<unsigned long long>(last), static_cast<unsigned long long>(size));
  return text;
}

}  // namespace

std::string file_etag(const FileFacts& facts) {
  char text[64];
  std::snprintf(text, sizeof text, "\"%llx-%llx\"", static_cast<unsigned long long>(facts.size),
                static_cast<unsigned long long>(facts.modified_nanos));
  return text;
}

FilePlan plan_file_response(const Request& request, const FileFacts& facts, std::string_view etag) {
  FilePlan full{Status::ok, 0, facts.size, {}};
  bool get_or_head = request.method() == Verb::get || request.method() == Verb::head;
  if (!get_or_head) return full;

  auto if_none_match = request.find(beast_http::field::if_none_match);
  if (if_none_match != request.end()) {
    if (none_match_hits(if_none_match->value(), etag)) return FilePlan{Status::not_modified};
  } else if (auto since = request.find(beast_http::field::if_modified_since);
             since != request.end()) {
    auto date = parse_http_date(trim_whitespace(since->value()));
    if (date && facts.modified <= *date) return FilePlan{Status::not_modified};
  }

  auto range_field = request.find(beast_http::field::range);
  if (range_field == request.end()) return full;
  auto if_range = request.find(beast_http::field::if_range);
  if (if_range != request.end() && !if_range_holds(if_range->value(), etag, facts.modified))
    return full;

  std::string_view spec = trim_whitespace(range_field->value());
  if (spec.size() < 6 || !boost::beast::iequals(spec.substr(0, 6), "bytes=")) return full;
  spec = trim_whitespace(spec.substr(6));
  if (spec.find(',') != std::string_view::npos) return full;  // several ranges: whole file
  auto dash = spec.find('-');
  if (dash == std::string_view::npos) return full;
  auto first_text = trim_whitespace(spec.substr(0, dash));
  auto last_text = trim_whitespace(spec.substr(dash + 1));

  FilePlan unsatisfiable{Status::range_not_satisfiable, 0, 0,
                         "bytes */" + std::to_string(facts.size)};
  std::uint64_t first = 0;
  std::uint64_t last = 0;
  if (first_text.empty()) {  // "-n": the last n bytes
    auto suffix = parse_u64(last_text);
    if (!suffix) return full;
    if (*suffix == 0 || facts.size == 0) return unsatisfiable;
    first = *suffix >= facts.size ? 0 : facts.size - *suffix;
    last = facts.size - 1;
  } else {
    auto start = parse_u64(first_text);
    if (!start) return full;
    std::optional<std::uint64_t> end;
    if (!last_text.empty()) {
      end = parse_u64(last_text);
      if (!end || *end < *start) return full;  // syntactically invalid: ignore the Range
    }
    if (*start >= facts.size) return unsatisfiable;
    first = *start;
    last = end && *end < facts.size ? *end : facts.size - 1;
  }
  return FilePlan{Status::partial_content, first, last - first + 1,
                  content_range(first, last, facts.size)};
}

}  // namespace dreamfeed::http
