// GET /healthz and GET /api/v1/openapi.json.
#include "http/api/api_routes.h"

namespace dreamfeed::http {

void add_system_routes(Router& router, ApiContext&) {
  router.add(Verb::get, "/healthz", [](RequestContext&) -> Response {
    return BodyReply{Status::ok, "application/json", R"({"status":"ok"})", {}};
  });
  router.add(Verb::get, "/api/v1/openapi.json", [](RequestContext&) -> Response {
    return BodyReply{Status::ok,
                     "application/json",
                     std::string(kOpenApiDocument),
                     {{"Cache-Control", "no-cache"}}};
  });
}

}  // namespace dreamfeed::http
