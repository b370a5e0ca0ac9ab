// Response heads by hand (see response_head.h for why).
#include "http/response_head.h"

#include <charconv>

#include <spdlog/spdlog.h>
#include <boost/beast/core/string.hpp>

#include "http/http_date.h"

namespace dreamfeed::http {
namespace {

bool valid_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (c <= ' ' || c == ':' || c == 0x7f) return false;
  return true;
}

bool valid_value(std::string_view value) {
  for (char c : value)
    if (c == '\r' || c == '\n' || c == '\0') return false;
  return true;
}

bool framing_field(std::string_view name) {
  return boost::beast::iequals(name, "content-length") ||
         boost::beast::iequals(name, "transfer-encoding") ||
         boost::beast::iequals(name, "connection");
}

}  // namespace

void begin_response_head(std::string& out, Status status, bool keep_alive, unsigned http_version) {
  out.clear();
  out += "HTTP/1.1 ";
  char code[8];
  out.append(code, std::to_chars(code, code + sizeof code, static_cast<unsigned>(status)).ptr);
  out += ' ';
  auto reason = beast_http::obsolete_reason(status);
  out.append(reason.data(), reason.size());
  out += "\r\nDate: ";
  out += current_http_date();
  out += "\r\nServer: dreamfeed\r\n";
  if (!keep_alive)
    out += "Connection: close\r\n";
  else if (http_version < 11)
    out += "Connection: keep-alive\r\n";
}

void append_header(std::string& out, std::string_view name, std::string_view value) {
  out += name;
  out += ": ";
  out += value;
  out += "\r\n";
}

void append_header(std::string& out, std::string_view name, std::uint64_t value) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out += name;
  out += ": ";
  out.append(digits, end);
  out += "\r\n";
}

void append_handler_headers(std::string& out, const std::vector<Header>& headers) {
  for (const Header& header : headers) {
    if (!valid_name(header.name) || !valid_value(header.value) || framing_field(header.name)) {
      spdlog::warn("dropping invalid response header '{}' set by a handler", header.name);
      continue;
    }
    append_header(out, header.name, header.value);
  }
}

void end_response_head(std::string& out) { out += "\r\n"; }

bool status_allows_body(Status status) {
  auto code = static_cast<unsigned>(status);
  return code >= 200 && code != 204 && code != 304;
}

}  // namespace dreamfeed::http
