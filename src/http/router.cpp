// Router: matches a decoded path against "/literal/{param}" patterns. A linear scan over
// the routes is enough for an API of a few dozen routes and allocates nothing unless the
// match has parameters, which keeps the hot path (e.g. /healthz) cheap.
#include "http/router.h"

#include <algorithm>
#include <stdexcept>

namespace dreamfeed::http {
namespace {

bool is_param(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

// Calls `visit(segment)` for each segment after the leading '/'; stops when it returns false.
template <class Visit>
bool for_each_segment(std::string_view path, Visit&& visit) {
  if (path.empty() || path.front() != '/') return false;
  path.remove_prefix(1);
  for (;;) {
    auto slash = path.find('/');
    if (!visit(path.substr(0, slash))) return false;
    if (slash == std::string_view::npos) return true;
    path.remove_prefix(slash + 1);
  }
}

bool segments_match(const std::vector<std::string>& pattern, std::string_view path) {
  std::size_t i = 0;
  bool ok = for_each_segment(path, [&](std::string_view segment) {
    if (i >= pattern.size()) return false;
    const std::string& expected = pattern[i++];
    if (is_param(expected)) return !segment.empty();
    return segment == expected;
  });
  return ok && i == pattern.size();
}

// True when `a` is more specific than `b`: at the first position where one has a literal
// and the other a parameter, the literal wins ("/videos/feed" before "/videos/{id}").
bool more_specific(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    bool pa = is_param(a[i]);
    bool pb = is_param(b[i]);
    if (pa != pb) return !pa;
  }
  return false;
}

void append_method(std::string& list, Verb method) {
  auto name = beast_http::to_string(method);
  // Allow lists are short; a substring search on ", NAME" boundaries is enough.
  std::size_t pos = 0;
  while ((pos = list.find(name, pos)) != std::string::npos) {
    bool starts = pos == 0 || list[pos - 1] == ' ';
    bool ends = pos + name.size() == list.size() || list[pos + name.size()] == ',';
    if (starts && ends) return;
    pos += name.size();
  }
  if (!list.empty()) list += ", ";
  list.append(name.data(), name.size());
}

}  // namespace

void Router::add(Verb method, std::string pattern, Handler handler) {
  Route route{method, std::move(pattern), {}, std::move(handler)};
  bool ok = for_each_segment(route.pattern, [&](std::string_view segment) {
    route.segments.emplace_back(segment);
    return true;
  });
  if (!ok) throw std::invalid_argument("route pattern must start with '/': " + route.pattern);
  routes_.push_back(std::move(route));
}

Router::Match Router::match(Verb method, std::string_view path) const {
  Match result;
  const Route* best = nullptr;
  const Route* best_get = nullptr;  // HEAD falls back to GET
  for (const Route& route : routes_) {
    if (route.method != method && !(method == Verb::head && route.method == Verb::get)) {
      // Only needed for 405; checked below if nothing matches.
      continue;
    }
    if (!segments_match(route.segments, path)) continue;
    const Route*& slot = route.method == method ? best : best_get;
    if (!slot || more_specific(route.segments, slot->segments)) slot = &route;
  }
  if (!best) best = best_get;

  if (!best) {
    for (const Route& route : routes_) {
      if (!segments_match(route.segments, path)) continue;
      result.path_exists = true;
      append_method(result.allowed_methods, route.method);
      if (route.method == Verb::get) append_method(result.allowed_methods, Verb::head);
    }
    return result;
  }

  result.handler = &best->handler;
  std::size_t i = 0;
  (void)for_each_segment(path, [&](std::string_view segment) {
    const std::string& expected = best->segments[i++];
    if (is_param(expected))
      result.params.emplace_back(expected.substr(1, expected.size() - 2), std::string(segment));
    return true;
  });
  return result;
}

std::vector<RouteInfo> Router::routes() const {
  std::vector<RouteInfo> out;
  out.reserve(routes_.size());
  for (const Route& route : routes_) out.push_back(RouteInfo{route.method, route.pattern});
  return out;
}

}  // namespace dreamfeed::http
