// JSON request bodies with Boost.JSON.
#include "http/api/json_body.h"

#include <boost/json/parser.hpp>

namespace dreamfeed::http {

Result<boost::json::object> parse_json_object(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return boost::json::object{};
  boost::json::parser parser;
  boost::system::error_code ec;
  // write() wants one complete JSON text; what it consumed locates the error.
  std::size_t consumed = parser.write(body.data(), body.size(), ec);
  if (ec) {
    return make_error(ErrorCode::invalid_argument,
                      "malformed JSON at byte " + std::to_string(consumed) + ": " + ec.message());
  }
  boost::json::value value = parser.release();
  if (!value.is_object()) {
    return make_error(ErrorCode::invalid_argument, "the request body must be a JSON object");
  }
  return std::move(value.as_object());
}

Result<std::optional<std::string>> optional_string(const boost::json::object& object,
                                                   std::string_view field) {
  auto it = object.find(field);
  if (it == object.end() || it->value().is_null()) return std::optional<std::string>{};
  if (!it->value().is_string()) {
    return make_error(ErrorCode::invalid_argument, std::string(field) + " must be a string",
                      std::string(field));
  }
  return std::optional<std::string>(std::string(it->value().as_string()));
}

Result<std::string> required_string(const boost::json::object& object, std::string_view field) {
  auto value = optional_string(object, field);
  if (!value) return value.error();
  if (!value->has_value()) {
    return make_error(ErrorCode::invalid_argument, std::string(field) + " is required",
                      std::string(field));
  }
  return std::move(**value);
}

Result<std::optional<bool>> optional_bool(const boost::json::object& object,
                                          std::string_view field) {
  auto it = object.find(field);
  if (it == object.end() || it->value().is_null()) return std::optional<bool>{};
  if (!it->value().is_bool()) {
    return make_error(ErrorCode::invalid_argument, std::string(field) + " must be true or false",
                      std::string(field));
  }
  return std::optional<bool>(it->value().as_bool());
}

Result<std::optional<std::int64_t>> optional_integer(const boost::json::object& object,
                                                     std::string_view field, std::int64_t min,
                                                     std::int64_t max) {
  auto it = object.find(field);
  if (it == object.end() || it->value().is_null()) return std::optional<std::int64_t>{};
  const auto& value = it->value();
  std::optional<std::int64_t> number;
  if (value.is_int64()) number = value.as_int64();
  if (value.is_uint64() && value.as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    number = static_cast<std::int64_t>(value.as_uint64());
  }
  if (value.is_double() &&
      value.as_double() == static_cast<double>(static_cast<std::int64_t>(value.as_double()))) {
    number = static_cast<std::int64_t>(value.as_double());
  }
  if (!number || *number < min || *number > max) {
    return make_error(ErrorCode::invalid_argument,
                      std::string(field) + " must be an integer from " + std::to_string(min) +
                          " to " + std::to_string(max),
                      std::string(field));
  }
  return number;
}

}  // namespace dreamfeed::http
