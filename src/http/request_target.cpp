// Request target validation with Boost.URL's origin-form parser. Most paths carry no
// percent escapes, so decoding (and its allocation) happens only when there is one.
#include "http/request_target.h"

#include <boost/url/parse.hpp>

namespace dreamfeed::http {
namespace {

bool has_dot_segment(std::string_view path) {
  std::size_t start = 0;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    auto segment = path.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (segment == ".." || segment == ".") return true;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return false;
}

}  // namespace

std::optional<RequestTarget> parse_request_target(std::string_view target, std::string& storage) {
  auto url = boost::urls::parse_origin_form(target);
  if (!url) return std::nullopt;
  RequestTarget result;
  auto encoded_path = url->encoded_path();
  if (encoded_path.find('%') == std::string_view::npos) {
    result.path = std::string_view(encoded_path.data(), encoded_path.size());
  } else {
    storage = encoded_path.decode();
    result.path = storage;
  }
  if (result.path.empty() || result.path.front() != '/') return std::nullopt;
  if (result.path.find('\0') != std::string_view::npos) return std::nullopt;
  if (has_dot_segment(result.path)) return std::nullopt;
  if (url->has_query()) {
    auto query = url->encoded_query();
    result.query = std::string_view(query.data(), query.size());
  }
  return result;
}

}  // namespace dreamfeed::http
