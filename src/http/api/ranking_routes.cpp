// What viewers tell the For You ranking: their events (POST /events), their steering in
// plain words (/me/steering) and their daily watch limit (/me/wellbeing).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <limits>
#include <variant>

#include "http/api/api_routes.h"
#include "http/api/caller.h"
#include "http/api/json_body.h"
#include "http/api/json_views.h"

namespace dreamfeed::http {
namespace {

namespace json = boost::json;
using ranking::IncomingEvent;

constexpr std::size_t kMaxEventsPerBatch = 200;
// Wide bounds: whether a time is negative or too far ahead is the ranking's to judge,
// with its own reason; this only keeps the numbers representable.
constexpr std::int64_t kTimeBound = std::int64_t{1} << 53;

// One item of a batch as an event, or the reason it cannot be one.
std::variant<IncomingEvent, std::string> read_event(const json::value& item) {
  if (!item.is_object()) return std::string("an event must be a JSON object");
  const json::object& fields = item.as_object();
  IncomingEvent event;
  for (auto [field, target] :
       {std::pair{"id", &event.id}, std::pair{"type", &event.type},
        std::pair{"video_id", &event.video_id}, std::pair{"creator_id", &event.creator_id}}) {
    auto text = optional_string(fields, field);
    if (!text) return text.error().message;
    *target = text->value_or("");
  }
  for (auto [field, target] :
       {std::pair{"at", &event.at_ms}, std::pair{"watched_ms", &event.watched_ms},
        std::pair{"duration_ms", &event.duration_ms}}) {
    auto number = optional_integer(fields, field, -kTimeBound, kTimeBound);
    if (!number) return number.error().message;
    *target = number->value_or(0);
  }
  if (!fields.contains("at")) return std::string("at is required (milliseconds since the epoch)");
  auto loops = optional_integer(fields, "loops", std::numeric_limits<int>::min(),
                                std::numeric_limits<int>::max());
  if (!loops) return loops.error().message;
  event.loops = static_cast<int>(loops->value_or(0));
  auto completed = optional_bool(fields, "completed");
  if (!completed) return completed.error().message;
  event.completed = completed->value_or(false);
  return event;
}

json::object rejection_json(std::size_t index, std::string_view id, std::string_view reason) {
  return json::object{{"index", index}, {"id", id}, {"reason", reason}};
}

Response record_events(ApiContext& api, RequestContext& request) {
  auto caller = require_caller(request, api.accounts);
  if (!caller) return reply_for(caller.error());
  auto body = parse_json_object(request.body());
  if (!body) return reply_for(body.error());
  const json::value* items = body->if_contains("events");
  if (items == nullptr || !items->is_array()) {
    return reply_for(make_error(ErrorCode::invalid_argument, "events must be an array", "events"));
  }
  if (items->as_array().size() > kMaxEventsPerBatch) {
    return reply_for(make_error(ErrorCode::invalid_argument,
                                "at most " + std::to_string(kMaxEventsPerBatch) +
                                    " events per batch; got " +
                                    std::to_string(items->as_array().size()),
                                "events"));
  }

  std::vector<IncomingEvent> events;
  std::vector<std::size_t> batch_index;  // events[i] was item batch_index[i]
  json::array rejected;
  const json::array& list = items->as_array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto event = read_event(list[i]);
    if (auto* reason = std::get_if<std::string>(&event)) {
      const json::value* id = list[i].is_object() ? list[i].as_object().if_contains("id") : nullptr;
      rejected.push_back(rejection_json(
          i, id && id->is_string() ? std::string_view(id->as_string()) : "", *reason));
      continue;
    }
    events.push_back(std::move(std::get<IncomingEvent>(event)));
    batch_index.push_back(i);
  }
  auto recorded = api.ranking.record_events(caller->user.id, events);
  if (!recorded) return reply_for(recorded.error());
  const ranking::ApplyReport& report = *recorded;
  for (const ranking::RejectedEvent& r : report.rejected) {
    rejected.push_back(rejection_json(batch_index[r.index], r.id, r.reason));
  }
  std::sort(rejected.begin(), rejected.end(), [](const json::value& a, const json::value& b) {
    return a.as_object().at("index").as_uint64() < b.as_object().at("index").as_uint64();
  });
  return json_reply(json::object{{"accepted", report.accepted},
                                 {"duplicates", report.duplicates},
                                 {"rejected", std::move(rejected)}});
}

json::object steering_json(const ranking::SteeringView& view) {
  json::array ignored;
  for (const std::string& word : view.ignored_words) ignored.push_back(json::string(word));
  return json::object{
      {"text", view.text}, {"understood", view.understood}, {"ignored_words", std::move(ignored)}};
}

json::object watch_limit_json(const ranking::WatchLimitView& view) {
  return json::object{{"daily_limit_minutes", view.daily_limit_minutes},
                      {"watched_today_minutes", view.watched_today_minutes},
                      {"utc_offset_minutes", view.utc_offset_minutes}};
}

}  // namespace

void add_ranking_routes(Router& router, ApiContext& api) {
  router.add(Verb::post, "/api/v1/events",
             [&api](RequestContext& request) { return record_events(api, request); });

  router.add(Verb::get, "/api/v1/me/steering", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    auto steering = api.ranking.steering(caller->user.id);
    if (!steering) {
      return reply_for(make_error(ErrorCode::not_found, "you have not steered your feed"));
    }
    return json_reply(steering_json(*steering));
  });

  router.add(Verb::put, "/api/v1/me/steering", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    auto text = required_string_in_body(request.body(), "text");
    if (!text) return reply_for(text.error());
    auto steering = api.ranking.set_steering(caller->user.id, *text);
    if (!steering) return reply_for(steering.error());
    return json_reply(steering_json(*steering));
  });

  router.add(Verb::delete_, "/api/v1/me/steering", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    if (auto cleared = api.ranking.clear_steering(caller->user.id); !cleared) {
      return reply_for(cleared.error());
    }
    return BodyReply{Status::no_content, "application/json", "", {}};
  });

  router.add(Verb::get, "/api/v1/me/wellbeing", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    return json_reply(watch_limit_json(api.ranking.watch_limit(caller->user.id)));
  });

  router.add(Verb::put, "/api/v1/me/wellbeing", [&api](RequestContext& request) -> Response {
    auto caller = require_caller(request, api.accounts);
    if (!caller) return reply_for(caller.error());
    auto body = parse_json_object(request.body());
    if (!body) return reply_for(body.error());
    auto minutes =
        optional_integer(*body, "daily_limit_minutes", 0, ranking::kMaxDailyLimitMinutes);
    if (!minutes) return reply_for(minutes.error());
    if (!*minutes) {
      return reply_for(make_error(ErrorCode::invalid_argument,
                                  "daily_limit_minutes is required (0 for no limit)",
                                  "daily_limit_minutes"));
    }
    auto offset = optional_integer(*body, "utc_offset_minutes", ranking::kMinUtcOffsetMinutes,
                                   ranking::kMaxUtcOffsetMinutes);
    if (!offset) return reply_for(offset.error());
    auto view = api.ranking.set_daily_limit(caller->user.id, **minutes, *offset);
    if (!view) return reply_for(view.error());
    return json_reply(watch_limit_json(*view));
  });
}

}  // namespace dreamfeed::http
