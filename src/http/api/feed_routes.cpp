// GET /api/v1/feed: pages of published videos. Visitors without a session share pages
// from a PublicPageCache (see there); it is the busiest read of the app.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <charconv>

#include "http/api/api_routes.h"
#include "http/api/caller.h"
#include "http/api/json_views.h"

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
    int limit = FeedService::kDefaultPageSize;
    if (auto text = request.query_param("limit")) {
      auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
      if (ec != std::errc() || end != text->data() + text->size()) {
        return reply_for(make_error(ErrorCode::invalid_argument,
                                    "limit must be an integer between 1 and 50", "limit"));
      }
    }
    auto page = api.feed.page(request.query_param("cursor").value_or(""), limit);
    if (!page) return reply_for(page.error());
    boost::json::array items;
    items.reserve(page->items.size());
    for (const Video& video : page->items) items.push_back(video_json(video, false));
    BodyReply reply = json_reply(boost::json::object{
        {"items", std::move(items)},
        {"next_cursor", page->next_cursor ? boost::json::value(*page->next_cursor)
                                          : boost::json::value(nullptr)}});
    if (shared_page) api.public_pages->store(cache_key, reply.body, generation);
    return reply;
  });
}

}  // namespace dreamfeed::http
