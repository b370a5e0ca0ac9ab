// A real HttpServer on an ephemeral loopback port for the http tests, plus a raw socket
// exchange for requests no well-behaved client would send.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include <sys/socket.h>
#include <sys/time.h>

#include <array>
#include <cerrno>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include "http/router.h"
#include "http/server.h"
#include "support/http_client.h"

namespace dreamfeed::http::testing {

class TestServer {
 public:
  explicit TestServer(Router router, ServerOptions options = {})
      : router_(std::make_unique<Router>(std::move(router))) {
    options.host = "127.0.0.1";
    options.port = 0;
    if (options.threads == 0) options.threads = 2;
    server_ = std::make_unique<HttpServer>(std::move(options), *router_);
    server_->start();
  }
  std::uint16_t port() const { return server_->port(); }
  HttpServer& server() { return *server_; }
  dreamfeed::testing::HttpClient client() const { return {"127.0.0.1", port()}; }

 private:
  std::unique_ptr<Router> router_;
  std::unique_ptr<HttpServer> server_;
};

// Sends `bytes` on a fresh connection and returns everything the server sends until it
// closes the connection (or `timeout` passes).
inline std::string raw_exchange(std::uint16_t port, std::string_view bytes,
                                std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
  namespace asio = boost::asio;
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  socket.connect({asio::ip::make_address("127.0.0.1"), port});
  asio::write(socket, asio::buffer(bytes));
  // Plain recv(2) with SO_RCVTIMEO: Asio's synchronous reads wait in poll() without a
  // limit and would ignore the socket timeout.
  timeval tv{0, 100'000};
  ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::string received;
  std::array<char, 4096> chunk;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    ssize_t n = ::recv(socket.native_handle(), chunk.data(), chunk.size(), 0);
    if (n > 0) {
      received.append(chunk.data(), static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) continue;
    break;  // closed or reset
  }
  return received;
}

inline BodyReply text_reply(std::string body) {
  BodyReply reply;
  reply.content_type = "text/plain";
  reply.body = std::move(body);
  return reply;
}

}  // namespace dreamfeed::http::testing
