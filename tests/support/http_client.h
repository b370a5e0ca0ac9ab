// A small synchronous HTTP/1.1 client over Beast for tests: one keep-alive connection
// reused across requests (reconnecting when the server closed it), and a reader for
// text/event-stream responses. Every read gives up after 30 s so a broken server
// fails a test instead of hanging it.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/beast/http/verb.hpp>
#include <boost/json/value.hpp>

namespace dreamfeed::testing {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct ClientResponse {
  int status = 0;
  std::string body;
  HeaderList headers;
  // Case-insensitive; "" if absent.
  std::string header(std::string_view name) const;
  // The body parsed as JSON; throws if it is not JSON.
  boost::json::value json() const;
};

class HttpClient {
 public:
  HttpClient(std::string host, std::uint16_t port);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Throws boost::system::system_error when the server cannot be reached or answers
  // with something that is not HTTP.
  ClientResponse request(boost::beast::http::verb method, std::string target, std::string body = {},
                         HeaderList headers = {});
  ClientResponse get(std::string target, HeaderList headers = {});
  ClientResponse post(std::string target, std::string body, HeaderList headers = {});
  ClientResponse del(std::string target, HeaderList headers = {});

  // Opens its own connection, and returns the raw "data:" payloads of events (lines of
  // one event joined with '\n') until the stream ends, max_events arrive or `timeout`
  // passes; then closes that connection.
  std::vector<std::string> read_event_stream(std::string target, std::size_t max_events,
                                             std::chrono::seconds timeout, HeaderList headers = {});

  // True when the last request() reused an open connection.
  bool last_request_reused_connection() const { return reused_; }

 private:
  struct Connection;
  std::string host_;
  std::uint16_t port_;
  std::unique_ptr<Connection> connection_;
  bool reused_ = false;
};

}  // namespace dreamfeed::testing
