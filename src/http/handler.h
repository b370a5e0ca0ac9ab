// What a route handler receives and returns. Handlers are plain synchronous functions
// that translate HTTP into service calls; the server (server.h) owns sockets, limits,
// keep-alive, Range requests for files and the Server-Sent Events loop.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>

namespace dreamfeed::http {

namespace beast_http = boost::beast::http;
using Request = beast_http::request<beast_http::string_body>;
using Status = beast_http::status;
using Verb = beast_http::verb;

struct Header {
  std::string name;
  std::string value;
};

// A complete response held in memory (JSON, small text).
struct BodyReply {
  Status status = Status::ok;
  std::string content_type = "application/json";
  std::string body;
  std::vector<Header> headers;
};

// A file the server sends itself, answering Range (206/416), If-None-Match,
// If-Modified-Since and HEAD. ETag and Last-Modified come from the file's size and
// modification time.
struct FileReply {
  std::filesystem::path path;
  std::string content_type;
  std::string cache_control = "public, max-age=31536000, immutable";
  std::vector<Header> headers;
};

// Redirect (e.g. to a presigned object-store URL).
struct RedirectReply {
  std::string location;
  Status status = Status::found;
};

// One Server-Sent Event.
struct ServerSentEvent {
  std::string event;  // empty: the default "message" event
  std::string data;   // one line of JSON; the server splits on '\n' if present
  std::string id;
};

struct EventStreamStep {
  std::vector<ServerSentEvent> events;
  bool done = false;  // close the stream after sending `events`
};

// A text/event-stream response. The server calls `poll` right away and then every
// `poll_interval` on a timer (never blocking a thread in between), sends what it
// returns, and ends the stream when it says done, when the client goes away, or at
// shutdown. Polling keeps servers stateless: any server can stream any job.
struct EventStreamReply {
  std::chrono::milliseconds poll_interval{500};
  std::function<EventStreamStep()> poll;
};

using Response = std::variant<BodyReply, FileReply, RedirectReply, EventStreamReply>;

// One request as a handler sees it.
class RequestContext {
 public:
  RequestContext(const Request& request, std::string_view path, std::string_view query,
                 std::vector<std::pair<std::string, std::string>> path_params,
                 std::string remote_address)
      : request_(request),
        path_(path),
        query_(query),
        path_params_(std::move(path_params)),
        remote_address_(std::move(remote_address)) {}

  const Request& request() const { return request_; }
  Verb method() const { return request_.method(); }
  std::string_view path() const { return path_; }        // decoded, without the query
  std::string_view raw_query() const { return query_; }  // after '?', undecoded
  const std::string& body() const { return request_.body(); }
  const std::string& remote_address() const { return remote_address_; }

  // "{id}" in the route pattern → path_param("id"); empty when absent.
  std::string_view path_param(std::string_view name) const {
    for (const auto& [k, v] : path_params_)
      if (k == name) return v;
    return {};
  }
  // Decoded query parameter (the first of that name); nullopt when absent, or when the
  // query string is not valid. The query is decoded once, at the first call.
  std::optional<std::string> query_param(std::string_view name) const;
  // Header value; empty when absent.
  std::string_view header(std::string_view name) const {
    auto it = request_.find(name);
    return it == request_.end() ? std::string_view{} : std::string_view(it->value());
  }
  // A cookie's value; nullopt when absent.
  std::optional<std::string> cookie(std::string_view name) const;

 private:
  const Request& request_;
  std::string_view path_;
  std::string_view query_;
  std::vector<std::pair<std::string, std::string>> path_params_;
  std::string remote_address_;
  // The decoded query, in order; made by the first query_param call.
  mutable std::optional<std::vector<std::pair<std::string, std::string>>> query_params_;
};

using Handler = std::function<Response(RequestContext&)>;

}  // namespace dreamfeed::http
