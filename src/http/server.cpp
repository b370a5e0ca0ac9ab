// HttpServer: per-thread io_context + SO_REUSEPORT acceptor, a per-thread watchdog
// timer for connection deadlines, and shutdown by posting a drain to every thread.
#include "http/server.h"

#include <pthread.h>
#include <sys/socket.h>

#include <csignal>

#include <algorithm>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "http/connection.h"

namespace dreamfeed::http {
namespace {

using boost::system::error_code;
using ReusePort = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

[[noreturn]] void throw_system_error(const error_code& ec, const std::string& what) {
  throw std::system_error(std::error_code(ec.value(), std::system_category()), what);
}

}  // namespace

class HttpServer::Impl {
 public:
  Impl(ServerOptions options, const Router& router)
      : config_{router, std::move(options), std::nullopt} {}

  struct Worker {
    explicit Worker(const ServerConfig& config) : context{config, {}, false, nullptr} {
      context.watchdog = &watchdog;
    }
    WorkerContext context;  // declared first: connections unlink from it while io dies
    asio::io_context io{1};
    tcp::acceptor acceptor{io};
    asio::steady_timer watchdog{io};
    Clock::time_point grace_end = Clock::time_point::max();
    std::thread thread;
  };

  void start();
  void shutdown();

  ServerConfig config_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::uint16_t port_ = 0;
  bool started_ = false;
  bool stopped_ = false;
  std::mutex lifecycle_;  // start() and shutdown() may come from different threads

 private:
  static asio::awaitable<void> accept_loop(Worker& worker);
  static asio::awaitable<void> watchdog_loop(Worker& worker, Clock::duration tick);
  static void begin_drain(Worker& worker, Clock::time_point grace_end);
  static void run(Worker& worker);
  asio::ip::address resolve_host() const;
};

asio::ip::address HttpServer::Impl::resolve_host() const {
  error_code ec;
  auto address = asio::ip::make_address(config_.options.host, ec);
  if (!ec) return address;
  asio::io_context io;
  tcp::resolver resolver(io);
  auto results = resolver.resolve(config_.options.host, "", ec);
  if (ec || results.empty()) throw_system_error(ec, "cannot resolve " + config_.options.host);
  return results.begin()->endpoint().address();
}

void HttpServer::Impl::start() {
  std::lock_guard lock(lifecycle_);
  if (started_) throw std::logic_error("HttpServer::start called twice");
  const ServerOptions& options = config_.options;
  if (options.web_root) config_.static_files.emplace(*options.web_root);
  const auto address = resolve_host();
  const std::string where = options.host + ":" + std::to_string(options.port);

  // With SO_REUSEPORT a second server on the same port would silently share it; bind
  // once without it so that an address in use is reported as such.
  if (options.port != 0) {
    asio::io_context io;
    tcp::acceptor probe(io);
    error_code ec;
    probe.open(address.is_v6() ? tcp::v6() : tcp::v4(), ec);
    if (!ec) probe.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) probe.bind(tcp::endpoint(address, options.port), ec);
    if (ec) throw_system_error(ec, "cannot bind " + where);
  }

  const int threads = options.threads > 0
                          ? options.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::uint16_t port = options.port;
  for (int i = 0; i < threads; ++i) {
    auto worker = std::make_unique<Worker>(config_);
    error_code ec;
    tcp::endpoint endpoint(address, port);
    worker->acceptor.open(endpoint.protocol(), ec);
    if (!ec) worker->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) worker->acceptor.set_option(ReusePort(true), ec);
    if (!ec) worker->acceptor.bind(endpoint, ec);
    if (!ec) worker->acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) throw_system_error(ec, "cannot listen on " + where);
    if (i == 0) port = worker->acceptor.local_endpoint().port();
    workers_.push_back(std::move(worker));
  }
  port_ = port;

  const auto shortest = std::min(options.request_timeout, options.idle_timeout);
  const Clock::duration tick = std::clamp<Clock::duration>(
      shortest / 4, std::chrono::milliseconds(50), std::chrono::seconds(1));
  for (auto& worker : workers_) {
    asio::co_spawn(worker->io, accept_loop(*worker), asio::detached);
    asio::co_spawn(worker->io, watchdog_loop(*worker, tick), asio::detached);
    worker->thread = std::thread([w = worker.get()] { run(*w); });
  }
  started_ = true;
}

void HttpServer::Impl::run(Worker& worker) {
  // sendfile(2) to a socket the client has closed raises SIGPIPE, which would end the
  // process; blocked in this thread it stays pending and sendfile reports EPIPE.
  sigset_t pipe;
  sigemptyset(&pipe);
  sigaddset(&pipe, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
  for (;;) {
    try {
      worker.io.run();
      return;
    } catch (const std::exception& e) {
      spdlog::error("HTTP server thread: {}", e.what());
    }
  }
}

asio::awaitable<void> HttpServer::Impl::accept_loop(Worker& worker) {
  for (;;) {
    auto [ec, socket] = co_await worker.acceptor.async_accept(use_tuple);
    if (ec) {
      if (ec == asio::error::operation_aborted || !worker.acceptor.is_open()) co_return;
      // Out of descriptors and the like: pause instead of spinning on the error.
      spdlog::warn("accept failed: {}", ec.message());
      asio::steady_timer pause(worker.io, std::chrono::milliseconds(50));
      co_await pause.async_wait(use_tuple);
      continue;
    }
    error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    asio::co_spawn(worker.io, serve_connection(std::move(socket), worker.context), asio::detached);
  }
}

asio::awaitable<void> HttpServer::Impl::watchdog_loop(Worker& worker, Clock::duration tick) {
  for (;;) {
    worker.watchdog.expires_after(tick);
    co_await worker.watchdog.async_wait(use_tuple);
    WorkerContext& context = worker.context;
    if (context.draining && context.connections.empty()) co_return;
    const auto now = Clock::now();
    const bool grace_over = context.draining && now >= worker.grace_end;
    for (Connection& connection : context.connections) {
      if (grace_over || connection.deadline() <= now || (context.draining && connection.idle()))
        connection.close();
    }
  }
}

void HttpServer::Impl::begin_drain(Worker& worker, Clock::time_point grace_end) {
  worker.context.draining = true;
  worker.grace_end = grace_end;
  error_code ignored;
  worker.acceptor.close(ignored);
  for (Connection& connection : worker.context.connections)
    if (connection.idle()) connection.close();
  if (worker.context.connections.empty()) worker.watchdog.cancel();
}

void HttpServer::Impl::shutdown() {
  std::lock_guard lock(lifecycle_);
  if (!started_ || stopped_) return;
  stopped_ = true;
  const auto grace_end = Clock::now() + config_.options.shutdown_grace;
  for (auto& worker : workers_)
    asio::post(worker->io, [w = worker.get(), grace_end] { begin_drain(*w, grace_end); });
  for (auto& worker : workers_)
    if (worker->thread.joinable()) worker->thread.join();
}

HttpServer::HttpServer(ServerOptions options, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(options), router)) {}

HttpServer::~HttpServer() { shutdown(); }

void HttpServer::start() { impl_->start(); }

std::uint16_t HttpServer::port() const { return impl_->port_; }

void HttpServer::shutdown() { impl_->shutdown(); }

}  // namespace dreamfeed::http
