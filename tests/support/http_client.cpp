// The test HTTP client (see http_client.h).
#include "support/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>

namespace dreamfeed::testing {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::chrono::seconds kTimeout{30};

tcp::socket connect(asio::io_context& io, const std::string& host, std::uint16_t port) {
  tcp::socket socket(io);
  socket.connect(tcp::endpoint(asio::ip::make_address(host), port));
  socket.set_option(tcp::no_delay(true));
  return socket;
}

// Runs one asynchronous operation to completion or until `timeout`, then closes the
// socket. Asio's synchronous reads cannot time out (they wait in poll() without a
// limit, whatever SO_RCVTIMEO says), hence asynchronous operations and run_for.
template <class Start>
beast::error_code run_with_timeout(asio::io_context& io, tcp::socket& socket,
                                   std::chrono::steady_clock::duration timeout, Start start) {
  beast::error_code result;
  bool done = false;
  io.restart();
  start([&](beast::error_code ec, std::size_t) {
    result = ec;
    done = true;
  });
  io.run_for(timeout);
  if (!done) {
    beast::error_code ignored;
    socket.close(ignored);
    io.restart();
    io.run();
    result = asio::error::timed_out;
  }
  return result;
}

}  // namespace

std::string ClientResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (beast::iequals(key, name)) return value;
  return {};
}

boost::json::value ClientResponse::json() const { return boost::json::parse(body); }

struct HttpClient::Connection {
  asio::io_context io;
  tcp::socket socket{io};
  beast::flat_buffer buffer;
};

HttpClient::HttpClient(std::string host, std::uint16_t port)
    : host_(std::move(host)), port_(port) {}

HttpClient::~HttpClient() = default;

ClientResponse HttpClient::request(http::verb method, std::string target, std::string body,
                                   HeaderList headers) {
  http::request<http::string_body> req(method, target, 11);
  req.set(http::field::host, host_ + ":" + std::to_string(port_));
  for (const auto& [name, value] : headers) req.insert(name, value);
  if (!body.empty() || method == http::verb::post || method == http::verb::put ||
      method == http::verb::patch) {
    req.body() = std::move(body);
    req.prepare_payload();
  }

  // A reused connection may have been closed by the server since the last request;
  // then (and only then) connect again and repeat once.
  for (int attempt = 0; attempt < 2; ++attempt) {
    reused_ = connection_ != nullptr;
    if (!connection_) {
      connection_ = std::make_unique<Connection>();
      connection_->socket = connect(connection_->io, host_, port_);
    }
    auto& c = *connection_;
    beast::error_code ec = run_with_timeout(
        c.io, c.socket, kTimeout, [&](auto done) { http::async_write(c.socket, req, done); });
    http::response_parser<http::string_body> parser;
    parser.body_limit(boost::none);
    parser.skip(method == http::verb::head);
    if (!ec) {
      ec = run_with_timeout(c.io, c.socket, kTimeout,
                            [&](auto done) { http::async_read(c.socket, c.buffer, parser, done); });
    }
    bool stale = reused_ && (ec == http::error::end_of_stream || ec == asio::error::eof ||
                             ec == asio::error::connection_reset || ec == asio::error::broken_pipe);
    if (ec) {
      connection_.reset();
      if (stale && attempt == 0) continue;
      throw boost::system::system_error(ec, "HTTP request to " + target);
    }
    auto& res = parser.get();
    ClientResponse out;
    out.status = static_cast<int>(res.result_int());
    out.body = std::move(res.body());
    for (const auto& field : res)
      out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    if (!res.keep_alive()) connection_.reset();
    return out;
  }
  throw std::logic_error("unreachable");
}

ClientResponse HttpClient::get(std::string target, HeaderList headers) {
  return request(http::verb::get, std::move(target), {}, std::move(headers));
}

ClientResponse HttpClient::post(std::string target, std::string body, HeaderList headers) {
  return request(http::verb::post, std::move(target), std::move(body), std::move(headers));
}

ClientResponse HttpClient::del(std::string target, HeaderList headers) {
  return request(http::verb::delete_, std::move(target), {}, std::move(headers));
}

std::vector<std::string> HttpClient::read_event_stream(std::string target, std::size_t max_events,
                                                       std::chrono::seconds timeout,
                                                       HeaderList headers) {
  asio::io_context io;
  tcp::socket socket = connect(io, host_, port_);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  http::request<http::string_body> req(http::verb::get, target, 11);
  req.set(http::field::host, host_ + ":" + std::to_string(port_));
  req.set(http::field::accept, "text/event-stream");
  for (const auto& [name, value] : headers) req.insert(name, value);
  auto ec = run_with_timeout(io, socket, kTimeout,
                             [&](auto done) { http::async_write(socket, req, done); });
  if (ec) throw boost::system::system_error(ec, "HTTP request to " + target);

  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(boost::none);
  std::vector<std::string> events;
  std::size_t parsed = 0;  // how much of the body has been split into events
  std::string data;
  bool has_data = false;
  while (events.size() < max_events && std::chrono::steady_clock::now() < deadline) {
    ec = run_with_timeout(io, socket, deadline - std::chrono::steady_clock::now(),
                          [&](auto done) { http::async_read_some(socket, buffer, parser, done); });
    const std::string& body = parser.get().body();
    for (std::size_t newline;
         events.size() < max_events && (newline = body.find('\n', parsed)) != std::string::npos;) {
      std::string_view line(body.data() + parsed, newline - parsed);
      parsed = newline + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty()) {  // end of one event
        if (has_data) events.push_back(data);
        data.clear();
        has_data = false;
      } else if (line.starts_with("data:")) {
        line.remove_prefix(5);
        if (line.starts_with(" ")) line.remove_prefix(1);
        if (has_data) data += '\n';
        data += line;
        has_data = true;
      }
    }
    if (ec || parser.is_done()) break;
  }
  beast::error_code ignored;
  socket.shutdown(tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
  return events;
}

}  // namespace dreamfeed::testing
