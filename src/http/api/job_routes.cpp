// Jobs over HTTP: status, a Server-Sent Events stream of progress, cancellation, and the
// caller's unfinished jobs.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "http/api/api_routes.h"
#include "http/api/caller.h"
#include "http/api/json_views.h"

namespace dreamfeed::http {
namespace {

// The stream sends a "job" event whenever what a person sees changes (status,
// progress, queue position) and ends after the job's final state.
EventStreamReply job_event_stream(ApiContext& api, User owner, std::string job_id) {
  struct Seen {
    std::string last_payload;
  };
  auto seen = std::make_shared<Seen>();
  EventStreamReply stream;
  stream.poll_interval = api.event_poll_interval;
  stream.poll = [&api, owner = std::move(owner), job_id = std::move(job_id), seen]() {
    EventStreamStep step;
    auto view = api.studio.job(owner, job_id);
    if (!view) {
      step.events.push_back(
          {"error",
           boost::json::serialize(boost::json::object{{"code", to_string(view.error().code)},
                                                      {"message", view.error().message}}),
           ""});
      step.done = view.error().code == ErrorCode::not_found;
      return step;
    }
    std::string payload = boost::json::serialize(job_json(view->job, view->queue_position));
    if (payload != seen->last_payload) {
      step.events.push_back({"job", payload, std::to_string(view->job.progress)});
      seen->last_payload = std::move(payload);
    }
    step.done = is_terminal(view->job.status);
    return step;
  };
  return stream;
}

}  // namespace

void add_job_routes(Router& router, ApiContext& api) {
  router.add(Verb::get, "/api/v1/jobs/{id}", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    auto view = api.studio.job(caller->user, request.path_param("id"));
    if (!view) return reply_for(view.error());
    BodyReply reply = json_reply(job_json(view->job, view->queue_position));
    reply.headers.push_back({"Cache-Control", "no-store"});
    return reply;
  });

  router.add(Verb::get, "/api/v1/jobs/{id}/events", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    // Check ownership before the stream starts, so a stranger gets a plain 404.
    auto view = api.studio.job(caller->user, request.path_param("id"));
    if (!view) return reply_for(view.error());
    return job_event_stream(api, caller->user, view->job.id);
  });

  router.add(Verb::get, "/api/v1/me/jobs", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    auto views = api.studio.active_jobs(caller->user);
    if (!views) return reply_for(views.error());
    boost::json::array items;
    for (const JobView& view : *views) items.push_back(job_json(view.job, view.queue_position));
    BodyReply reply = json_reply(boost::json::object{{"items", std::move(items)}});
    reply.headers.push_back({"Cache-Control", "no-store"});
    return reply;
  });

  router.add(Verb::post, "/api/v1/jobs/{id}/cancel", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    auto view = api.studio.cancel_job(caller->user, request.path_param("id"));
    if (!view) return reply_for(view.error());
    return json_reply(job_json(view->job, view->queue_position));
  });
}

}  // namespace dreamfeed::http
