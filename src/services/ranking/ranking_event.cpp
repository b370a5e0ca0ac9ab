// Names of event types as they appear in the API.
#include "services/ranking/ranking_event.h"

#include <array>
#include <utility>

namespace dreamfeed::ranking {
namespace {

constexpr std::array<std::pair<EventType, std::string_view>, 12> kNames{{
    {EventType::impression, "impression"},
    {EventType::watch, "watch"},
    {EventType::like, "like"},
    {EventType::unlike, "unlike"},
    {EventType::share, "share"},
    {EventType::skip, "skip"},
    {EventType::not_interested, "not_interested"},
    {EventType::hide_creator, "hide_creator"},
    {EventType::comment, "comment"},
    {EventType::remix, "remix"},
    {EventType::follow, "follow"},
    {EventType::unfollow, "unfollow"},
}};

}  // namespace

std::string_view to_string(EventType type) {
  for (auto [t, name] : kNames) {
    if (t == type) return name;
  }
  return "unknown";
}

std::optional<EventType> parse_event_type(std::string_view name) {
  for (auto [t, n] : kNames) {
    if (n == name) return t;
  }
  return std::nullopt;
}

bool is_client_event(EventType type) { return type <= EventType::hide_creator; }

}  // namespace dreamfeed::ranking
