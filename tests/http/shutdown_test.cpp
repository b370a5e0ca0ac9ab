// Graceful shutdown: an in-flight request finishes, idle connections close, new
// connections are refused.
#include <future>
#include <thread>

#include <gtest/gtest.h>

#include "test_server.h"

namespace dreamfeed::http {
namespace {

using testing::TestServer;
using testing::text_reply;

TEST(Shutdown, InFlightRequestCompletesAndNewConnectionsAreRefused) {
  std::promise<void> started;
  auto started_future = started.get_future();
  Router router;
  router.add(Verb::get, "/slow", [&started](RequestContext&) -> Response {
    started.set_value();
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    return text_reply("finished");
  });
  router.add(Verb::get, "/healthz", [](RequestContext&) -> Response { return text_reply("ok"); });
  TestServer server(std::move(router));
  const auto port = server.port();

  // An idle keep-alive connection, which shutdown must not wait for.
  auto idle_client = server.client();
  ASSERT_EQ(idle_client.get("/healthz").status, 200);

  auto slow = std::async(std::launch::async, [&] { return server.client().get("/slow"); });
  ASSERT_EQ(started_future.wait_for(std::chrono::seconds(5)), std::future_status::ready);
  auto begin = std::chrono::steady_clock::now();
  server.server().shutdown();
  auto took = std::chrono::steady_clock::now() - begin;

  auto response = slow.get();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "finished");
  EXPECT_LT(took, std::chrono::seconds(3));

  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  boost::system::error_code ec;
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), port}, ec);
  EXPECT_EQ(ec, boost::asio::error::connection_refused);
  EXPECT_THROW(idle_client.get("/healthz"), boost::system::system_error);
}

TEST(Shutdown, IsIdempotentAndWorksWithoutTraffic) {
  Router router;
  TestServer server(std::move(router));
  server.server().shutdown();
  server.server().shutdown();
}

TEST(Shutdown, BindFailureIsASystemError) {
  Router router;
  TestServer first(Router{});
  ServerOptions options;
  options.port = first.port();
  HttpServer second(options, router);
  EXPECT_THROW(second.start(), std::system_error);
}

}  // namespace
}  // namespace dreamfeed::http
