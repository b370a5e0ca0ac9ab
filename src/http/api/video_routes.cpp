// Videos over HTTP: order one (202 with its job), read, publish, delete, list drafts.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "http/api/api_routes.h"
#include "http/api/caller.h"
#include "http/api/json_body.h"
#include "http/api/json_views.h"

namespace dreamfeed::http {
namespace {

Result<VideoOrder> read_order(const RequestContext& request) {
  auto body = parse_json_object(request.body());
  if (!body) return body.error();
  VideoOrder order;
  auto prompt = required_string(*body, "prompt");
  if (!prompt) return prompt.error();
  order.prompt = std::move(*prompt);

  auto seconds_field = body->find("seconds");
  if (seconds_field != body->end() && !seconds_field->value().is_null()) {
    const auto& value = seconds_field->value();
    if (!value.is_int64() || !is_allowed_seconds(static_cast<int>(value.as_int64())) ||
        value.as_int64() != static_cast<int>(value.as_int64())) {
      return make_error(ErrorCode::invalid_argument, "seconds must be one of 4, 8, 12", "seconds");
    }
    order.seconds = static_cast<int>(value.as_int64());
  }
  auto aspect = optional_string(*body, "aspect");
  if (!aspect) return aspect.error();
  if (*aspect) {
    auto parsed = parse_aspect(**aspect);
    if (!parsed) {
      return make_error(ErrorCode::invalid_argument,
                        "aspect must be one of portrait, landscape, square", "aspect");
    }
    order.aspect = *parsed;
  }
  auto resolution = optional_string(*body, "resolution");
  if (!resolution) return resolution.error();
  if (*resolution) {
    auto parsed = parse_resolution(**resolution);
    if (!parsed) {
      return make_error(ErrorCode::invalid_argument, "resolution must be one of 480p, 720p, 1080p",
                        "resolution");
    }
    order.resolution = *parsed;
  }
  auto seed = optional_integer(*body, "seed", 0, static_cast<std::int64_t>(kMaxSeed));
  if (!seed) return seed.error();
  if (*seed) order.seed = static_cast<std::uint64_t>(**seed);
  auto remix_of = optional_string(*body, "remix_of");
  if (!remix_of) return remix_of.error();
  order.remix_of = std::move(*remix_of);
  return order;
}

}  // namespace

void add_video_routes(Router& router, ApiContext& api) {
  router.add(Verb::post, "/api/v1/videos", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    auto order = read_order(request);
    if (!order) return reply_for(order.error());
    auto job = api.studio.order_video(caller->user, std::move(*order));
    if (!job) return reply_for(job.error());
    BodyReply reply = json_reply(
        boost::json::object{{"job", job_json(job->job, job->queue_position)}}, Status::accepted);
    reply.headers.push_back({"Location", "/api/v1/jobs/" + job->job.id});
    return reply;
  });

  router.add(Verb::get, "/api/v1/videos/{id}", [&api](RequestContext& request) -> Response {
    auto caller = optional_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    const User* viewer = *caller ? &(*caller)->user : nullptr;
    auto video = api.studio.video(viewer, request.path_param("id"));
    if (!video) return reply_for(video.error());
    std::vector<Video> one{std::move(*video)};
    if (auto ok = api.social.mark_liked(viewer, one); !ok) return reply_for(ok.error());
    return json_reply(video_json(one.front(), true));
  });

  router.add(Verb::post, "/api/v1/videos/{id}/publish",
             [&api](RequestContext& request) -> Response {
               auto caller = require_caller(request, api.accounts);
               if (!caller) return reply_for(caller.error());
               auto video = api.studio.publish(caller->user, request.path_param("id"));
               if (!video) return reply_for(video.error());
               api.public_pages->clear();
               return json_reply(video_json(*video, true));
             });

  router.add(Verb::delete_, "/api/v1/videos/{id}", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    if (auto ok = api.studio.delete_video(caller->user, request.path_param("id")); !ok) {
      return reply_for(ok.error());
    }
    api.public_pages->clear();
    return BodyReply{Status::no_content, "application/json", "", {}};
  });

  router.add(Verb::get, "/api/v1/me/drafts", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    auto drafts = api.studio.drafts(caller->user);
    if (!drafts) return reply_for(drafts.error());
    boost::json::array items;
    for (const Video& video : *drafts) items.push_back(video_json(video, false));
    return json_reply(boost::json::object{{"items", std::move(items)}});
  });
}

}  // namespace dreamfeed::http
