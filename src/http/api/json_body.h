// Reading JSON request bodies. Every failure is an Error naming the problem and the
// field, so the client sees e.g. 400 {"error": {"field": "seconds", "message":
// "seconds must be one of 4, 8, 12"}}.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace dreamfeed::http {

// The body as a JSON object; an empty body is an empty object.
Result<boost::json::object> parse_json_object(std::string_view body);

// Fields: absent (or null) → nullopt; present with the wrong type → invalid_argument.
Result<std::optional<std::string>> optional_string(const boost::json::object& object,
                                                   std::string_view field);
Result<std::string> required_string(const boost::json::object& object, std::string_view field);
Result<std::optional<bool>> optional_bool(const boost::json::object& object,
                                          std::string_view field);
Result<std::optional<std::int64_t>> optional_integer(const boost::json::object& object,
                                                     std::string_view field, std::int64_t min,
                                                     std::int64_t max);

}  // namespace dreamfeed::http
