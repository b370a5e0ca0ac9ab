// GET /api/v1/feed: the For You feed — the ranking's pages, each clip with why it is
// there (?order=newest: newest first instead). Visitors without a session get the
// ranking's page for nobody in particular (popular and exploring clips) and share pages
// from a PublicPageCache (see there); it is the busiest read of the app. Their pages
// carry no liked_by_me, and counters up to the cache's ttl old.
// GET /api/v1/feed/following: the same for the creators the caller follows.
#include <array>
#include <boost/json/array.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/serialize.hpp>
#include <memory>

#include "http/api/api_routes.h"
#include "http/api/caller.h"
#include "http/api/json_views.h"
#include "http/api/paging.h"
#include "http/api/video_json_memo.h"

namespace dreamfeed::http {

namespace {

// {"items": [video + liked_by_me + reason…], "next_cursor", "limit_reached", "message",
// "nudge"}: each clip's text from the memo, the rest written here.
std::string for_you_body(const ForYouPage& page, VideoJsonMemo& memo) {
  std::string body = R"({"items":[)";
  for (const ForYouItem& item : page.items) {
    if (body.back() != '[') body += ',';
    body += *memo.open_object(item.video);
    body +=
        item.liked_by_me ? R"(,"liked_by_me":true,"reason":)" : R"(,"liked_by_me":false,"reason":)";
    body += boost::json::serialize(boost::json::string(item.reason));
    body += '}';
  }
  const boost::json::object rest{
      {"next_cursor",
       page.next_cursor ? boost::json::value(*page.next_cursor) : boost::json::value(nullptr)},
      {"limit_reached", page.limit_reached},
      {"message",
       page.message.empty() ? boost::json::value(nullptr) : boost::json::value(page.message)},
      {"nudge", page.nudge ? boost::json::value(*page.nudge) : boost::json::value(nullptr)}};
  body += "],";
  body += std::string_view(boost::json::serialize(rest)).substr(1);  // past its '{'
  return body;
}

// A feed page's JSON is built in one arena and then written out: a page is hundreds of
// keys and strings, each otherwise its own heap allocation (bench/feed_at_scale.sh
// measures the feed routes against /healthz).
// `build` makes the page's object in the storage it is given.
template <class Build>
BodyReply page_reply(Build build) {
  std::array<unsigned char, 32 * 1024> first_block;  // most pages fit; more comes from the heap
  boost::json::monotonic_resource arena(first_block.data(), first_block.size());
  return json_reply(build(boost::json::storage_ptr(&arena)));
}

}  // namespace

void add_feed_routes(Router& router, ApiContext& api) {
  // As many clips as the clip cache keeps records of: the texts follow the records.
  auto memo = std::make_shared<VideoJsonMemo>(ClipCacheConfig{}.max_clips);
  router.add(Verb::get, "/api/v1/feed", [&api, memo](RequestContext& request) -> Response {
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
    const User* viewer = *caller ? &(*caller)->user : nullptr;
    auto limit = page_limit(request);
    if (!limit) return reply_for(limit.error());
    BodyReply reply;
    if (request.query_param("order") == "newest") {
      auto page = api.feed.page(page_cursor(request), *limit);
      if (!page) return reply_for(page.error());
      if (auto ok = api.social.mark_liked(viewer, page->items); !ok) return reply_for(ok.error());
      reply = page_reply([&](const auto& storage) { return video_page_json(*page, storage); });
    } else {
      auto page = api.for_you.page(viewer ? std::string_view(viewer->id) : std::string_view(),
                                   page_cursor(request), *limit);
      if (!page) return reply_for(page.error());
      reply.body = for_you_body(*page, *memo);
    }
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
