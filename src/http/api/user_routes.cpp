// People over HTTP: profiles, their published videos, followers and following, follow and
// unfollow, and the caller's own profile edits (name, bio, avatar).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "http/api/api_routes.h"
#include "http/api/caller.h"
#include "http/api/json_body.h"
#include "http/api/json_views.h"
#include "http/api/paging.h"

namespace dreamfeed::http {
namespace {

const User* viewer_of(const std::optional<Caller>& caller) {
  return caller ? &caller->user : nullptr;
}

Result<ProfileEdit> read_profile_edit(const RequestContext& request) {
  auto body = parse_json_object(request.body());
  if (!body) return body.error();
  std::string unknown;
  for (const auto& field : *body) {
    if (field.key() != "display_name" && field.key() != "bio") {
      unknown += (unknown.empty() ? "" : ", ") + std::string(field.key());
    }
  }
  if (!unknown.empty()) {
    return make_error(ErrorCode::invalid_argument,
                      "unknown fields: " + unknown + " (a profile has display_name and bio)",
                      unknown);
  }
  ProfileEdit edit;
  auto display_name = optional_string(*body, "display_name");
  if (!display_name) return display_name.error();
  edit.display_name = std::move(*display_name);
  auto bio = optional_string(*body, "bio");
  if (!bio) return bio.error();
  edit.bio = std::move(*bio);
  return edit;
}

using ListProfiles = Result<ProfilePage> (SocialService::*)(const User*, std::string_view,
                                                            std::string_view, int);

// GET /users/{handle}/followers and /following differ only in the list they read.
Handler profile_list(ApiContext& api, ListProfiles list) {
  return [&api, list](RequestContext& request) -> Response {
    auto caller = optional_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    auto limit = page_limit(request);
    if (!limit) return reply_for(limit.error());
    auto page = (api.social.*list)(viewer_of(*caller), request.path_param("handle"),
                                   page_cursor(request), *limit);
    if (!page) return reply_for(page.error());
    boost::json::array items;
    for (const ProfileView& view : page->items) {
      items.push_back(profile_json(view.user, view.followed_by_me));
    }
    return json_reply(page_json(std::move(items), page->next_cursor));
  };
}

BodyReply follow_reply(const Result<FollowState>& state) {
  if (!state) return reply_for(state.error());
  return json_reply(
      boost::json::object{{"following", state->following}, {"followers", state->followers}});
}

BodyReply own_profile_reply(const Result<User>& user) {
  if (!user) return reply_for(user.error());
  return json_reply(boost::json::object{{"user", profile_json(*user, false)}});
}

}  // namespace

void add_user_routes(Router& router, ApiContext& api) {
  router.add(Verb::get, "/api/v1/users/{handle}", [&api](RequestContext& request) -> Response {
    auto caller = optional_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    auto profile = api.social.profile(viewer_of(*caller), request.path_param("handle"));
    if (!profile) return reply_for(profile.error());
    return json_reply(profile_json(profile->user, profile->followed_by_me));
  });

  router.add(Verb::get, "/api/v1/users/{handle}/videos",
             [&api](RequestContext& request) -> Response {
               auto caller = optional_caller(request, api.accounts);
               if (!caller) return reply_for(caller.error());
               auto limit = page_limit(request);
               if (!limit) return reply_for(limit.error());
               auto page = api.social.creator_videos(
                   viewer_of(*caller), request.path_param("handle"), page_cursor(request), *limit);
               if (!page) return reply_for(page.error());
               return json_reply(video_page_json(*page));
             });

  router.add(Verb::get, "/api/v1/users/{handle}/followers",
             profile_list(api, &SocialService::followers));
  router.add(Verb::get, "/api/v1/users/{handle}/following",
             profile_list(api, &SocialService::following));

  router.add(Verb::put, "/api/v1/users/{handle}/follow",
             [&api](RequestContext& request) -> Response {
               auto caller = require_caller(request, api.accounts);
               if (!caller) return reply_for(caller.error());
               return follow_reply(api.social.follow(caller->user, request.path_param("handle")));
             });

  router.add(Verb::delete_, "/api/v1/users/{handle}/follow",
             [&api](RequestContext& request) -> Response {
               auto caller = require_caller(request, api.accounts);
               if (!caller) return reply_for(caller.error());
               return follow_reply(api.social.unfollow(caller->user, request.path_param("handle")));
             });

  router.add(Verb::patch, "/api/v1/me", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    auto edit = read_profile_edit(request);
    if (!edit) return reply_for(edit.error());
    return own_profile_reply(api.social.edit_profile(caller->user, std::move(*edit)));
  });

  router.add(Verb::put, "/api/v1/me/avatar", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    return own_profile_reply(
        api.social.set_avatar(caller->user, request.header("Content-Type"), request.body()));
  });
}

}  // namespace dreamfeed::http
