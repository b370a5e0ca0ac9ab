// The request loop of one connection: Beast's parser for reading (fed from a reused
// flat_buffer so that deadlines can switch from idle to request timeout on the first
// byte), routing, and sending BodyReply/RedirectReply. Files and event streams are sent
// by send_file.cpp and event_stream.cpp.

#include "http/connection.h"

#include <algorithm>
#include <array>

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/read_size.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>

#include "http/error_reply.h"
#include "http/request_target.h"
#include "http/response_head.h"

namespace dreamfeed::http {
namespace {

namespace beast = boost::beast;
using boost::system::error_code;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

bool expects_continue(const Request& request) {
  auto it = request.find(beast_http::field::expect);
  return it != request.end() && beast::iequals(it->value(), "100-continue");
}

bool is_parse_error(const error_code& ec) {
  return ec.category() == beast_http::make_error_code(beast_http::error::bad_method).category();
}

}  // namespace

Connection::Connection(tcp::socket socket, WorkerContext& worker)
    : socket_(std::move(socket)),
      worker_(worker),
      config_(worker.config),
      deadline_(Clock::now() + worker.config.options.idle_timeout) {
  worker_.connections.push_back(*this);
  error_code ec;
  auto endpoint = socket_.remote_endpoint(ec);
  if (!ec) remote_address_ = endpoint.address().to_string();
  // Writes are tried directly first (write_all); reads still go through the reactor.
  socket_.non_blocking(true, ec);
  head_.reserve(512);
}

Connection::~Connection() {
  unlink();
  if (worker_.draining && worker_.connections.empty() && worker_.watchdog)
    worker_.watchdog->cancel();
}

bool Connection::idle() const {
  return (phase_ == Phase::awaiting_request && buffer_.size() == 0) || phase_ == Phase::streaming;
}

void Connection::close() {
  error_code ignored;
  socket_.close(ignored);
}

asio::awaitable<void> Connection::run() {
  bool keep_alive = true;
  while (keep_alive && !worker_.draining && socket_.is_open()) {
    phase_ = Phase::awaiting_request;
    deadline_ = Clock::now() + config_.options.idle_timeout;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(config_.options.header_limit_bytes));
    parser_->body_limit(config_.options.body_limit_bytes);
    error_code ec = co_await read_request();
    if (ec) {
      co_await answer_read_error(ec);
      co_return;
    }
    phase_ = Phase::responding;
    extend_deadline();
    keep_alive = co_await respond(parser_->get());
  }
  phase_ = Phase::closing;
  error_code ignored;
  socket_.shutdown(tcp::socket::shutdown_send, ignored);
  socket_.close(ignored);
}

// Beast's http::async_read does this same loop; it is repeated here to learn when the
// first byte of a request arrives (the idle timeout gives way to the request timeout)
// and to answer "Expect: 100-continue" between header and body.
asio::awaitable<error_code> Connection::read_request() {
  auto& parser = *parser_;
  error_code ec;
  bool continue_sent = false;
  if (buffer_.size() > 0) begin_request();  // pipelined
  for (;;) {
    while (buffer_.size() > 0) {
      std::size_t used = parser.put(buffer_.data(), ec);
      buffer_.consume(used);
      if (ec == beast_http::error::need_more) {
        ec = {};
        break;
      }
      if (ec) co_return ec;
      if (parser.is_done()) co_return ec;
      if (used == 0) break;
    }
    if (parser.is_header_done() && !continue_sent && expects_continue(parser.get())) {
      continue_sent = true;
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      auto [write_ec, written] =
          co_await asio::async_write(socket_, asio::buffer(kContinue), use_tuple);
      if (write_ec) co_return write_ec;
    }
    std::size_t size = beast::read_size(buffer_, 65536);
    auto [read_ec, received] = co_await socket_.async_read_some(buffer_.prepare(size), use_tuple);
    buffer_.commit(received);
    if (received > 0 && phase_ == Phase::awaiting_request) begin_request();
    if (read_ec == asio::error::eof) {
      if (!parser.got_some()) co_return beast_http::error::end_of_stream;
      parser.put_eof(ec);
      if (ec) co_return ec;
      if (parser.is_done()) co_return ec;
      co_return beast_http::error::partial_message;
    }
    if (read_ec) co_return read_ec;
  }
}

asio::awaitable<void> Connection::answer_read_error(error_code ec) {
  if (ec == beast_http::error::end_of_stream || ec == beast_http::error::partial_message ||
      !is_parse_error(ec)) {
    close();
    co_return;
  }
  BodyReply reply;
  if (ec == beast_http::error::body_limit) {
    reply = error_reply(Status::payload_too_large, "payload_too_large",
                        "the request body exceeds the limit of " +
                            std::to_string(config_.options.body_limit_bytes) + " bytes");
  } else if (ec == beast_http::error::header_limit) {
    reply = error_reply(Status::request_header_fields_too_large, "payload_too_large",
                        "the request header exceeds the limit of " +
                            std::to_string(config_.options.header_limit_bytes) + " bytes");
  } else {
    reply = error_reply(Status::bad_request, "invalid_argument",
                        "malformed HTTP request: " + ec.message());
  }
  phase_ = Phase::responding;
  extend_deadline();
  (void)co_await send_body(reply, false, false, 11);
  co_await close_after_error();
  close();
}

asio::awaitable<void> Connection::close_after_error() {
  // Closing with unread request bytes makes the kernel send RST, which can destroy the
  // error reply before the client reads it; so stop sending and drain for a moment.
  phase_ = Phase::closing;
  error_code ignored;
  socket_.shutdown(tcp::socket::shutdown_send, ignored);
  deadline_ = Clock::now() + std::chrono::seconds(2);
  std::array<char, 16384> discard;
  for (int reads = 0; reads < 4096 && socket_.is_open(); ++reads) {
    auto [ec, n] = co_await socket_.async_read_some(asio::buffer(discard), use_tuple);
    if (ec) break;
  }
}

asio::awaitable<bool> Connection::respond(const Request& request) {
  Response response = route(request);
  bool keep_alive = request.keep_alive() && !worker_.draining;
  co_return co_await send(response, request, keep_alive);
}

Response Connection::route(const Request& request) {
  auto target = parse_request_target(request.target(), decoded_path_);
  if (!target)
    return error_reply(Status::bad_request, "invalid_argument", "the request path is not valid");

  auto match = config_.router.match(request.method(), target->path);
  if (match.handler) {
    try {
      RequestContext context(request, target->path, target->query, std::move(match.params),
                             remote_address_);
      return (*match.handler)(context);
    } catch (const std::exception& e) {
      spdlog::error("handler for {} {} threw: {}", request.method_string(), target->path, e.what());
    } catch (...) {
      spdlog::error("handler for {} {} threw a non-exception", request.method_string(),
                    target->path);
    }
    return error_reply(Status::internal_server_error, "internal", "internal error");
  }
  if (match.path_exists) {
    auto reply = error_reply(Status::method_not_allowed, "method_not_allowed",
                             "this path accepts " + match.allowed_methods);
    reply.headers.push_back({"Allow", match.allowed_methods});
    return reply;
  }
  bool api = target->path == "/api" || target->path.starts_with("/api/");
  bool get_or_head = request.method() == Verb::get || request.method() == Verb::head;
  if (!api && get_or_head && config_.static_files) {
    if (auto file = config_.static_files->resolve(target->path)) return std::move(*file);
  }
  return error_reply(Status::not_found, "not_found",
                     api ? "no API route matches this path" : "no such page");
}

asio::awaitable<bool> Connection::send(Response& response, const Request& request,
                                       bool keep_alive) {
  bool head_only = request.method() == Verb::head;
  if (auto* body = std::get_if<BodyReply>(&response))
    co_return co_await send_body(*body, head_only, keep_alive, request.version());
  if (auto* file = std::get_if<FileReply>(&response))
    co_return co_await send_file(*file, request, keep_alive);
  if (auto* redirect = std::get_if<RedirectReply>(&response))
    co_return co_await send_redirect(*redirect, request, keep_alive);
  co_return co_await stream_events(std::get<EventStreamReply>(response), request);
}

asio::awaitable<bool> Connection::send_body(const BodyReply& reply, bool head_only, bool keep_alive,
                                            unsigned version) {
  begin_response_head(head_, reply.status, keep_alive, version);
  bool has_body = status_allows_body(reply.status);
  if (has_body) {
    if (!reply.content_type.empty()) append_header(head_, "Content-Type", reply.content_type);
    append_header(head_, "Content-Length", static_cast<std::uint64_t>(reply.body.size()));
  }
  append_handler_headers(head_, reply.headers);
  end_response_head(head_);
  bool written = co_await write_head_and(has_body && !head_only ? std::string_view(reply.body)
                                                                : std::string_view{});
  co_return written&& keep_alive;
}

asio::awaitable<bool> Connection::send_redirect(const RedirectReply& reply, const Request& request,
                                                bool keep_alive) {
  BodyReply body{reply.status, {}, {}, {{"Location", reply.location}}};
  if (reply.location.find_first_of("\r\n") != std::string::npos) {
    spdlog::error("redirect location with a line break from {}", request.target());
    body = error_reply(Status::internal_server_error, "internal", "internal error");
  }
  co_return co_await send_body(body, request.method() == Verb::head, keep_alive, request.version());
}

asio::awaitable<bool> Connection::write_head_and(std::string_view body) {
  co_return co_await write_all(head_, body);
}

// Most responses fit in the socket's send buffer, so a direct non-blocking send
// finishes them without a round trip through the event loop; only the rest waits for
// the socket to become writable.
asio::awaitable<bool> Connection::write_all(std::string_view first, std::string_view second,
                                            int flags) {
  const std::size_t total = first.size() + second.size();
  std::size_t written = 0;
  while (written < total) {
    std::array<asio::const_buffer, 2> rest{asio::buffer(first.data(), first.size()),
                                           asio::buffer(second.data(), second.size())};
    std::size_t skip = written;
    for (auto& buffer : rest) {
      std::size_t n = std::min(skip, buffer.size());
      buffer += n;
      skip -= n;
    }
    error_code ec;
    written += socket_.send(rest, flags, ec);
    if (written == total) break;
    if (ec && ec != asio::error::would_block) co_return false;
    if (ec) {
      extend_deadline();
      auto [wait_ec] = co_await socket_.async_wait(tcp::socket::wait_write, use_tuple);
      if (wait_ec) co_return false;
    }
  }
  co_return true;
}

asio::awaitable<void> serve_connection(tcp::socket socket, WorkerContext& worker) {
  Connection connection(std::move(socket), worker);
  try {
    co_await connection.run();
  } catch (const std::exception& e) {
    spdlog::error("connection ended by an exception: {}", e.what());
  }
}

}  // namespace dreamfeed::http
