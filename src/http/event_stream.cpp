// EventStreamReply: polls on a timer and sends what poll() returns, while watching the
// socket so that a client that leaves stops the polling at once (not at the next write).
// The stream is delimited by closing the connection, which EventSource expects anyway.
#include "http/event_stream.h"

#include <algorithm>
#include <array>

#include <spdlog/spdlog.h>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "http/connection.h"
#include "http/response_head.h"

namespace dreamfeed::http {
namespace {

using boost::system::error_code;

void append_single_line(std::string& out, std::string_view field, std::string_view value) {
  out += field;
  out += ": ";
  for (char c : value) out += (c == '\n' || c == '\r') ? ' ' : c;
  out += '\n';
}

}  // namespace

void append_server_sent_event(std::string& out, const ServerSentEvent& event) {
  if (!event.event.empty()) append_single_line(out, "event", event.event);
  if (!event.id.empty()) append_single_line(out, "id", event.id);
  std::string_view data = event.data;
  for (;;) {
    auto newline = data.find('\n');
    auto line = data.substr(0, newline);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out += "data: ";
    out += line;
    out += '\n';
    if (newline == std::string_view::npos) break;
    data.remove_prefix(newline + 1);
  }
  out += '\n';
}

asio::awaitable<bool> Connection::stream_events(EventStreamReply& reply, const Request& request) {
  begin_response_head(head_, Status::ok, false, request.version());
  append_header(head_, "Content-Type", "text/event-stream");
  append_header(head_, "Cache-Control", "no-cache");
  append_header(head_, "X-Accel-Buffering", "no");  // tells nginx in front not to buffer
  end_response_head(head_);
  if (!co_await write_head_and({}) || request.method() == Verb::head || !reply.poll)
    co_return false;

  phase_ = Phase::streaming;
  asio::steady_timer timer(socket_.get_executor());
  const auto interval = std::max(reply.poll_interval, std::chrono::milliseconds(1));
  std::string out;
  std::array<char, 512> scratch;
  while (!worker_.draining && socket_.is_open()) {
    EventStreamStep step;
    try {
      step = reply.poll();
    } catch (const std::exception& e) {
      spdlog::error("event stream poll for {} threw: {}", request.target(), e.what());
      break;
    }
    if (!step.events.empty()) {
      out.clear();
      for (const auto& event : step.events) append_server_sent_event(out, event);
      extend_deadline();
      if (!co_await write_all(out)) break;
    }
    if (step.done) break;

    deadline_ = Clock::time_point::max();
    timer.expires_after(interval);
    bool client_gone = false;
    for (;;) {
      auto [order, timer_ec, wait_ec] =
          co_await asio::experimental::make_parallel_group(
              timer.async_wait(asio::deferred),
              socket_.async_wait(tcp::socket::wait_read, asio::deferred))
              .async_wait(asio::experimental::wait_for_one(), asio::use_awaitable);
      if (order[0] == 0) break;  // time to poll again
      if (wait_ec) {
        client_gone = true;
        break;
      }
      // Readable: end of stream or stray bytes, which are discarded.
      error_code ec;
      socket_.receive(asio::buffer(scratch), 0, ec);
      if (ec && ec != asio::error::would_block) {
        client_gone = true;
        break;
      }
      if (timer.expiry() <= Clock::now()) break;
    }
    if (client_gone) break;
  }
  co_return false;  // the stream ends with the connection
}

}  // namespace dreamfeed::http
