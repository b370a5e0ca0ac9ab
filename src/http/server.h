// HttpServer: the process's HTTP/1.1 listener. One io_context and one SO_REUSEPORT
// acceptor per thread, so the kernel spreads connections and a request never crosses
// threads (no strands or locks on the request path). Handlers run on the connection's
// thread; see handler.h for what they return and connection.h for how it is sent.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "http/router.h"

namespace dreamfeed::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 = ephemeral
  int threads = 0;            // 0: hardware threads
  std::size_t body_limit_bytes = 1 << 20;
  std::size_t header_limit_bytes = 16 << 10;
  std::chrono::seconds request_timeout{30};       // to read one request once it has started
  std::chrono::seconds idle_timeout{60};          // between keep-alive requests
  std::chrono::seconds shutdown_grace{20};        // for in-flight requests at shutdown
  std::optional<std::filesystem::path> web_root;  // static files and the SPA's index.html
};

class HttpServer {
 public:
  // `router` must outlive the server.
  HttpServer(ServerOptions options, const Router& router);
  ~HttpServer();  // shuts down if still running
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds, listens and starts the threads. Throws std::system_error when the address
  // cannot be bound, std::invalid_argument for bad options (e.g. a missing web_root).
  void start();
  // The bound port (the ephemeral one when options.port was 0); valid after start().
  std::uint16_t port() const;
  // Stops accepting; in-flight requests finish (up to shutdown_grace); idle keep-alive
  // connections and event streams are closed. Returns when all threads have ended.
  // Idempotent; must not be called from a handler (it joins the server's threads).
  void shutdown();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dreamfeed::http
