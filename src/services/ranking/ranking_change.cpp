// RankingChange as JSON: {"viewer": …, "batch": [event…]} | {"signal": event} |
// {"steering": text or null} | {"daily_limit": minutes, "utc_offset"?: minutes} | {"creation":
// true}.
#include "services/ranking/ranking_change.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace dreamfeed::ranking {
namespace {

namespace json = boost::json;

json::object event_json(const IncomingEvent& e) {
  return {{"id", e.id},
          {"type", e.type},
          {"video_id", e.video_id},
          {"creator_id", e.creator_id},
          {"at", e.at_ms},
          {"watched_ms", e.watched_ms},
          {"duration_ms", e.duration_ms},
          {"completed", e.completed},
          {"loops", e.loops}};
}

std::optional<IncomingEvent> event_of(const json::value& value) {
  const json::object* o = value.if_object();
  if (!o) return std::nullopt;
  IncomingEvent e;
  for (auto [key, target] :
       {std::pair{"id", &e.id}, std::pair{"type", &e.type}, std::pair{"video_id", &e.video_id},
        std::pair{"creator_id", &e.creator_id}}) {
    const json::value* v = o->if_contains(key);
    if (!v || !v->is_string()) return std::nullopt;
    *target = std::string(v->as_string());
  }
  for (auto [key, target] : {std::pair{"at", &e.at_ms}, std::pair{"watched_ms", &e.watched_ms},
                             std::pair{"duration_ms", &e.duration_ms}}) {
    const json::value* v = o->if_contains(key);
    if (!v || !v->is_int64()) return std::nullopt;
    *target = v->as_int64();
  }
  const json::value* completed = o->if_contains("completed");
  const json::value* loops = o->if_contains("loops");
  if (!completed || !completed->is_bool() || !loops || !loops->is_int64()) return std::nullopt;
  e.completed = completed->as_bool();
  e.loops = static_cast<int>(loops->as_int64());
  return e;
}

}  // namespace

std::string encode_change(const RankingChange& change) {
  json::object out{{"viewer", change.viewer_id}};
  std::visit(
      [&](const auto& what) {
        using T = std::decay_t<decltype(what)>;
        if constexpr (std::is_same_v<T, EventBatchChange>) {
          json::array events;
          for (const auto& e : what.events) events.push_back(event_json(e));
          out["batch"] = std::move(events);
        } else if constexpr (std::is_same_v<T, SignalChange>) {
          out["signal"] = event_json(what.event);
        } else if constexpr (std::is_same_v<T, SteeringChange>) {
          out["steering"] = what.text ? json::value(*what.text) : json::value(nullptr);
        } else if constexpr (std::is_same_v<T, DailyLimitChange>) {
          out["daily_limit"] = what.minutes;
          if (what.utc_offset_minutes) out["utc_offset"] = *what.utc_offset_minutes;
        } else {
          out["creation"] = true;
        }
      },
      change.what);
  return json::serialize(out);
}

std::optional<RankingChange> decode_change(std::string_view payload) {
  boost::system::error_code ec;
  const json::value root = json::parse(payload, ec);
  const json::object* o = ec ? nullptr : root.if_object();
  if (!o) return std::nullopt;
  const json::value* viewer = o->if_contains("viewer");
  if (!viewer || !viewer->is_string()) return std::nullopt;
  RankingChange change{std::string(viewer->as_string()), CreationChange{}};
  if (const json::value* batch = o->if_contains("batch")) {
    if (!batch->is_array()) return std::nullopt;
    EventBatchChange events;
    for (const json::value& item : batch->as_array()) {
      auto e = event_of(item);
      if (!e) return std::nullopt;
      events.events.push_back(std::move(*e));
    }
    change.what = std::move(events);
  } else if (const json::value* signal = o->if_contains("signal")) {
    auto e = event_of(*signal);
    if (!e) return std::nullopt;
    change.what = SignalChange{std::move(*e)};
  } else if (const json::value* steering = o->if_contains("steering")) {
    if (steering->is_null()) {
      change.what = SteeringChange{std::nullopt};
    } else if (steering->is_string()) {
      change.what = SteeringChange{std::string(steering->as_string())};
    } else {
      return std::nullopt;
    }
  } else if (const json::value* limit = o->if_contains("daily_limit")) {
    if (!limit->is_number()) return std::nullopt;
    DailyLimitChange daily{static_cast<std::uint32_t>(limit->to_number<std::int64_t>())};
    if (const json::value* offset = o->if_contains("utc_offset")) {
      if (!offset->is_int64()) return std::nullopt;
      daily.utc_offset_minutes = static_cast<int>(offset->as_int64());
    }
    change.what = daily;
  } else if (!o->contains("creation")) {
    return std::nullopt;
  }
  return change;
}

}  // namespace dreamfeed::ranking
