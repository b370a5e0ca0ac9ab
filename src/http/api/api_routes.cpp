// add_api_routes: the whole API, area by area.
#include "http/api/api_routes.h"

namespace dreamfeed::http {

void add_api_routes(Router& router, ApiContext& api) {
  api.public_pages = std::make_shared<PublicPageCache>(api.clock, api.public_page_ttl);
  add_system_routes(router, api);
  add_auth_routes(router, api);
  add_video_routes(router, api);
  add_job_routes(router, api);
  add_feed_routes(router, api);
  add_media_routes(router, api);
  add_user_routes(router, api);
  add_social_routes(router, api);
  add_ranking_routes(router, api);
}

}  // namespace dreamfeed::http
