// RequestContext's decoding helpers. Query strings are decoded with Boost.URL (form
// style: '+' is a space). Cookies are parsed by hand: no library installed here parses
// the Cookie request header, and its grammar (RFC 6265 §5.4) is a short split on ';'.
#include "http/handler.h"

#include <boost/url/encoding_opts.hpp>
#include <boost/url/parse_query.hpp>

#include "http/header_text.h"

namespace dreamfeed::http {

std::optional<std::string> RequestContext::query_param(std::string_view name) const {
  if (!query_params_) {
    query_params_.emplace();
    // Boost.URL 1.81's parse_query calls strlen on the data it is given, so it needs a
    // NUL-terminated copy: the query is a view into the request target, which is not.
    const std::string query(query_);
    auto params = boost::urls::parse_query(query);
    if (!query.empty() && params) {
      boost::urls::encoding_opts form;
      form.space_as_plus = true;
      for (auto param : *params) {
        query_params_->emplace_back(param.key.decode(form),
                                    param.has_value ? param.value.decode(form) : std::string());
      }
    }
  }
  for (const auto& [key, value] : *query_params_) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::optional<std::string> RequestContext::cookie(std::string_view name) const {
  for (auto it = request_.find(beast_http::field::cookie); it != request_.end(); ++it) {
    if (it->name() != beast_http::field::cookie) break;
    std::string_view rest = it->value();
    while (!rest.empty()) {
      auto semicolon = rest.find(';');
      std::string_view pair = trim_whitespace(rest.substr(0, semicolon));
      rest = semicolon == std::string_view::npos ? std::string_view{} : rest.substr(semicolon + 1);
      auto equals = pair.find('=');
      if (equals == std::string_view::npos) continue;
      if (trim_whitespace(pair.substr(0, equals)) != name) continue;
      std::string_view value = trim_whitespace(pair.substr(equals + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
      return std::string(value);
    }
  }
  return std::nullopt;
}

}  // namespace dreamfeed::http
