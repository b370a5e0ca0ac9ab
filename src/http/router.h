// Maps (method, path) to a handler. Patterns are literal segments and "{name}"
// segments that match one non-empty path segment: "/api/v1/videos/{id}/publish".
// The route list is public so the OpenAPI test can compare it with the document.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/handler.h"

namespace dreamfeed::http {

struct RouteInfo {
  Verb method;
  std::string pattern;
};

class Router {
 public:
  void add(Verb method, std::string pattern, Handler handler);

  struct Match {
    const Handler* handler = nullptr;  // null: no route
    bool path_exists = false;          // some route has this path with another method (405)
    std::vector<std::pair<std::string, std::string>> params;
    std::string allowed_methods;  // for the Allow header of a 405, e.g. "GET, POST"
  };
  Match match(Verb method, std::string_view path) const;

  std::vector<RouteInfo> routes() const;

 private:
  struct Route {
    Verb method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace dreamfeed::http
