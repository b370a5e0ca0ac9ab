// One client connection: reads requests one after another with Beast's parser, runs the
// handler on this thread and sends its Response. Each server thread keeps its live
// connections in a WorkerContext so that one timer per thread can enforce deadlines and
// shutdown can close the idle ones, without a timer per read or any locking.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/intrusive/list.hpp>

#include "http/handler.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_files.h"

namespace dreamfeed::http {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

// Read-only after start(); shared by all threads.
struct ServerConfig {
  const Router& router;
  ServerOptions options;
  std::optional<StaticFiles> static_files;
};

struct WorkerContext;
using ConnectionHook =
    boost::intrusive::list_base_hook<boost::intrusive::link_mode<boost::intrusive::auto_unlink>>;

class Connection : public ConnectionHook {
 public:
  Connection(tcp::socket socket, WorkerContext& worker);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Serves requests until the client leaves, an error, a timeout or shutdown.
  asio::awaitable<void> run();

  // For the thread's watchdog and shutdown.
  Clock::time_point deadline() const { return deadline_; }
  bool idle() const;  // between requests, or streaming events: safe to close at shutdown
  void close();       // aborts pending operations; run() then returns

 private:
  enum class Phase { awaiting_request, reading_request, responding, streaming, closing };

  asio::awaitable<boost::system::error_code> read_request();
  asio::awaitable<void> answer_read_error(boost::system::error_code ec);
  asio::awaitable<bool> respond(const Request& request);  // false: close afterwards
  Response route(const Request& request);
  asio::awaitable<bool> send(Response& response, const Request& request, bool keep_alive);
  asio::awaitable<bool> send_body(const BodyReply& reply, bool head_only, bool keep_alive,
                                  unsigned version);
  asio::awaitable<bool> send_redirect(const RedirectReply& reply, const Request& request,
                                      bool keep_alive);
  asio::awaitable<bool> send_file(const FileReply& reply, const Request& request, bool keep_alive);
  asio::awaitable<bool> stream_events(EventStreamReply& reply, const Request& request);
  asio::awaitable<bool> write_head_and(std::string_view body);
  asio::awaitable<bool> write_all(std::string_view first, std::string_view second = {},
                                  int flags = 0);
  asio::awaitable<void> close_after_error();  // lingering close so the client reads the reply

  void begin_request() {
    phase_ = Phase::reading_request;
    deadline_ = Clock::now() + config_.options.request_timeout;
  }
  void extend_deadline() { deadline_ = Clock::now() + config_.options.request_timeout; }

  tcp::socket socket_;
  WorkerContext& worker_;
  const ServerConfig& config_;
  boost::beast::flat_buffer buffer_;
  std::optional<beast_http::request_parser<beast_http::string_body>> parser_;
  std::string head_;          // the response head being written; reused
  std::string decoded_path_;  // storage for percent-decoded paths; reused
  std::string remote_address_;
  Clock::time_point deadline_;
  Phase phase_ = Phase::awaiting_request;
};

using ConnectionList =
    boost::intrusive::list<Connection, boost::intrusive::constant_time_size<false>>;

// Per server thread; only that thread touches it.
struct WorkerContext {
  const ServerConfig& config;
  ConnectionList connections;
  bool draining = false;                   // shutdown started: finish, then close
  asio::steady_timer* watchdog = nullptr;  // woken when the last connection ends while draining
};

// Entry point the acceptor spawns for each accepted socket.
asio::awaitable<void> serve_connection(tcp::socket socket, WorkerContext& worker);

}  // namespace dreamfeed::http
