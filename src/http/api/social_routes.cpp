// Likes, comments and remix lists over HTTP.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "http/api/api_routes.h"
#include "http/api/caller.h"
#include "http/api/json_body.h"
#include "http/api/json_views.h"
#include "http/api/paging.h"

namespace dreamfeed::http {
namespace {

BodyReply like_reply(const Result<LikeState>& state) {
  if (!state) return reply_for(state.error());
  return json_reply(boost::json::object{{"liked", state->liked}, {"likes", state->likes}});
}

}  // namespace

void add_social_routes(Router& router, ApiContext& api) {
  router.add(Verb::put, "/api/v1/videos/{id}/like", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    return like_reply(api.social.like(caller->user, request.path_param("id")));
  });

  router.add(Verb::delete_, "/api/v1/videos/{id}/like",
             [&api](RequestContext& request) -> Response {
               auto caller = require_caller(request, api.accounts);
               if (!caller) return reply_for(caller.error());
               return like_reply(api.social.unlike(caller->user, request.path_param("id")));
             });

  router.add(
      Verb::get, "/api/v1/videos/{id}/comments", [&api](RequestContext& request) -> Response {
        auto caller = optional_caller(request, api.accounts);
        if (!caller) return reply_for(caller.error());
        auto limit = page_limit(request);
        if (!limit) return reply_for(limit.error());
        auto page = api.social.comments(*caller ? &(*caller)->user : nullptr,
                                        request.path_param("id"), page_cursor(request), *limit);
        if (!page) return reply_for(page.error());
        boost::json::array items;
        for (const Comment& comment : page->items) items.push_back(comment_json(comment));
        return json_reply(page_json(std::move(items), page->next_cursor));
      });

  router.add(Verb::post, "/api/v1/videos/{id}/comments",
             [&api](RequestContext& request) -> Response {
               auto caller = require_caller(request, api.accounts);
               if (!caller) return reply_for(caller.error());
               auto text = required_string_in_body(request.body(), "text");
               if (!text) return reply_for(text.error());
               auto comment = api.social.add_comment(caller->user, request.path_param("id"), *text);
               if (!comment) return reply_for(comment.error());
               return json_reply(comment_json(*comment), Status::created);
             });

  router.add(Verb::delete_, "/api/v1/comments/{id}", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    if (auto ok = api.social.delete_comment(caller->user, request.path_param("id")); !ok) {
      return reply_for(ok.error());
    }
    return BodyReply{Status::no_content, "application/json", "", {}};
  });

  router.add(Verb::get, "/api/v1/videos/{id}/remixes", [&api](RequestContext& request) -> Response {
    auto caller = optional_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    auto limit = page_limit(request);
    if (!limit) return reply_for(limit.error());
    auto page = api.social.remixes(*caller ? &(*caller)->user : nullptr, request.path_param("id"),
                                   page_cursor(request), *limit);
    if (!page) return reply_for(page.error());
    return json_reply(video_page_json(*page));
  });
}

}  // namespace dreamfeed::http
