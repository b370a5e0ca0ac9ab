// GET /api/v1/feed: pages of published videos. Visitors without a session share pages
// from a PublicPageCache (see there); it is the busiest read of the app. Their pages
// carry no liked_by_me, and counters up to the cache's ttl old.
// GET /api/v1/feed/following: the same for the creators the caller follows.
#include "http/api/api_routes.h"
#include "http/api/caller.h"
#include "http/api/json_views.h"
#include "http/api/paging.h"

namespace dreamfeed::http {

void add_feed_routes(Router& router, ApiContext& api) {
  router.add(Verb::get, "/api/v1/feed", [&api](RequestContext& request) -> Response {
    const bool shared_page = session_token(request).empty();
    const std::string cache_key(request.raw_query());
    if (shared_page) {
      if (auto body = api.public_pages->find(cache_key)) {
        BodyReply reply;
        reply.body = *body;
        return reply;
      }
    }

    const std::uint64_t generation = api.public_pages->generation();  // before the read
    auto caller = optional_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    auto limit = page_limit(request);
    if (!limit) return reply_for(limit.error());
    auto page = api.feed.page(page_cursor(request), *limit);
    if (!page) return reply_for(page.error());
    if (auto ok = api.social.mark_liked(*caller ? &(*caller)->user : nullptr, page->items); !ok) {
      return reply_for(ok.error());
    }
    BodyReply reply = json_reply(video_page_json(*page));
    if (shared_page) api.public_pages->store(cache_key, reply.body, generation);
    return reply;
  });

  router.add(Verb::get, "/api/v1/feed/following", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    auto limit = page_limit(request);
    if (!limit) return reply_for(limit.error());
    auto page = api.social.following_feed(caller->user, page_cursor(request), *limit);
    if (!page) return reply_for(page.error());
    return json_reply(video_page_json(*page));
  });
}

}  // namespace dreamfeed::http
