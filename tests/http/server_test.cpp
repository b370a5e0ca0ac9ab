// HttpServer end to end: routing, keep-alive, limits, malformed input, path safety,
// static files and handler failures, observed as a client would.
#include <fstream>
#include <thread>

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include "http/error_reply.h"
#include "support/temp_dir.h"
#include "test_server.h"

namespace dreamfeed::http {
namespace {

using dreamfeed::testing::HttpClient;
using testing::raw_exchange;
using testing::TestServer;
using testing::text_reply;
namespace fs = std::filesystem;
namespace bhttp = boost::beast::http;

Router api_router() {
  Router router;
  router.add(Verb::get, "/healthz", [](RequestContext&) -> Response { return text_reply("ok"); });
  router.add(Verb::get, "/api/v1/videos/{id}", [](RequestContext& c) -> Response {
    return text_reply("video " + std::string(c.path_param("id")));
  });
  router.add(Verb::delete_, "/api/v1/videos/{id}",
             [](RequestContext&) -> Response { return text_reply("deleted"); });
  router.add(Verb::post, "/api/v1/echo",
             [](RequestContext& c) -> Response { return text_reply(c.body()); });
  router.add(Verb::get, "/api/v1/query", [](RequestContext& c) -> Response {
    return text_reply(c.query_param("q").value_or("<none>") + "|" +
                      c.cookie("session").value_or("<none>") + "|" + std::string(c.path()));
  });
  router.add(Verb::get, "/api/v1/boom",
             [](RequestContext&) -> Response { throw std::runtime_error("handler bug"); });
  router.add(Verb::get, "/api/v1/error", [](RequestContext&) -> Response {
    return error_reply(make_error(ErrorCode::conflict, "handle taken", "handle"));
  });
  router.add(Verb::get, "/api/v1/redirect", [](RequestContext&) -> Response {
    return RedirectReply{"https://example.invalid/object?sig=1"};
  });
  router.add(Verb::get, "/api/v1/headers", [](RequestContext&) -> Response {
    BodyReply reply = text_reply("h");
    reply.headers.push_back({"X-Custom", "yes"});
    reply.headers.push_back({"X-Evil", "a\r\nSet-Cookie: x=1"});
    return reply;
  });
  return router;
}

void expect_json_error(const dreamfeed::testing::ClientResponse& response, int status,
                       std::string_view code) {
  EXPECT_EQ(response.status, status);
  EXPECT_EQ(response.header("Content-Type"), "application/json");
  auto json = boost::json::parse(response.body);
  EXPECT_EQ(json.at("error").at("code").as_string(), code) << response.body;
  EXPECT_TRUE(json.at("error").at("message").is_string());
}

TEST(Server, ServesHandlersWithDateAndServerHeaders) {
  TestServer server(api_router());
  auto client = server.client();
  auto response = client.get("/healthz");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "ok");
  EXPECT_EQ(response.header("content-type"), "text/plain");
  EXPECT_EQ(response.header("Content-Length"), "2");
  EXPECT_FALSE(response.header("Date").empty());
  EXPECT_EQ(response.header("Server"), "dreamfeed");
  EXPECT_EQ(client.get("/api/v1/videos/abc").body, "video abc");
}

TEST(Server, KeepAliveServesManyRequestsOnOneConnection) {
  TestServer server(api_router());
  auto client = server.client();
  ASSERT_EQ(client.get("/healthz").status, 200);
  for (int i = 0; i < 50; ++i) {
    auto response = client.get("/api/v1/videos/v" + std::to_string(i));
    ASSERT_EQ(response.body, "video v" + std::to_string(i));
    ASSERT_TRUE(client.last_request_reused_connection()) << i;
  }
}

TEST(Server, PipelinedRequestsAreAnsweredInOrder) {
  TestServer server(api_router());
  auto received =
      raw_exchange(server.port(),
                   "GET /api/v1/videos/one HTTP/1.1\r\nHost: x\r\n\r\n"
                   "GET /api/v1/videos/two HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  auto one = received.find("video one");
  auto two = received.find("video two");
  ASSERT_NE(one, std::string::npos) << received;
  ASSERT_NE(two, std::string::npos) << received;
  EXPECT_LT(one, two);
}

TEST(Server, ConnectionCloseIsHonoured) {
  TestServer server(api_router());
  auto received =
      raw_exchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(received.starts_with("HTTP/1.1 200 OK\r\n")) << received;
  EXPECT_NE(received.find("Connection: close\r\n"), std::string::npos);
  EXPECT_TRUE(received.ends_with("\r\n\r\nok"));  // and then the server closed
}

TEST(Server, EchoesRequestBodies) {
  TestServer server(api_router());
  auto client = server.client();
  std::string body(100'000, 'x');
  EXPECT_EQ(client.post("/api/v1/echo", body).body, body);
  auto chunked =
      raw_exchange(server.port(),
                   "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                   "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
  EXPECT_TRUE(chunked.ends_with("hello world")) << chunked;
}

TEST(Server, UnknownApiPathIsJson404) {
  TestServer server(api_router());
  auto client = server.client();
  auto response = client.get("/api/v1/nothing/here");
  expect_json_error(response, 404, "not_found");
  expect_json_error(client.get("/elsewhere"), 404, "not_found");
}

TEST(Server, WrongMethodIs405WithAllow) {
  TestServer server(api_router());
  auto client = server.client();
  auto response = client.request(bhttp::verb::put, "/api/v1/videos/v1", "{}");
  expect_json_error(response, 405, "method_not_allowed");
  EXPECT_EQ(response.header("Allow"), "GET, HEAD, DELETE");
}

TEST(Server, HandlerErrorsKeepTheirShape) {
  TestServer server(api_router());
  auto client = server.client();
  auto response = client.get("/api/v1/error");
  expect_json_error(response, 409, "conflict");
  EXPECT_EQ(response.json().at("error").at("field").as_string(), "handle");
}

TEST(Server, QueryAndCookiesReachTheHandlerDecoded) {
  TestServer server(api_router());
  auto client = server.client();
  auto response =
      client.get("/api/v1/query?q=red+fox%21&x=1", {{"Cookie", "theme=dark; session=s%3D1"}});
  EXPECT_EQ(response.body, "red fox!|s%3D1|/api/v1/query");
  EXPECT_EQ(client.get("/api/v1/%71uery").body, "<none>|<none>|/api/v1/query");
}

TEST(Server, HandlerExceptionIs500AndTheConnectionStaysUsable) {
  TestServer server(api_router());
  auto client = server.client();
  expect_json_error(client.get("/api/v1/boom"), 500, "internal");
  EXPECT_EQ(client.get("/healthz").body, "ok");
  EXPECT_TRUE(client.last_request_reused_connection());
}

TEST(Server, RedirectAndHandlerHeaders) {
  TestServer server(api_router());
  auto client = server.client();
  auto redirect = client.get("/api/v1/redirect");
  EXPECT_EQ(redirect.status, 302);
  EXPECT_EQ(redirect.header("Location"), "https://example.invalid/object?sig=1");
  auto headers = client.get("/api/v1/headers");
  EXPECT_EQ(headers.header("X-Custom"), "yes");
  EXPECT_EQ(headers.header("X-Evil"), "");
  EXPECT_EQ(headers.header("Set-Cookie"), "");
}

TEST(Server, HeadSendsHeadersOnly) {
  TestServer server(api_router());
  auto client = server.client();
  auto response = client.request(bhttp::verb::head, "/healthz");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.header("Content-Length"), "2");
  EXPECT_TRUE(response.body.empty());
  EXPECT_EQ(client.get("/healthz").body, "ok");  // framing intact on the same connection
}

TEST(Server, BodyOverLimitIs413AndTheServerGoesOn) {
  ServerOptions options;
  options.body_limit_bytes = 1000;
  TestServer server(api_router(), options);
  {
    auto client = server.client();
    auto response = client.post("/api/v1/echo", std::string(200'000, 'x'));
    expect_json_error(response, 413, "payload_too_large");
    EXPECT_NE(response.json().at("error").at("message").as_string().find("1000"),
              std::string::npos);
  }
  // The limit is known from Content-Length: the reply comes without the body being sent.
  auto early = raw_exchange(
      server.port(), "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n");
  EXPECT_TRUE(early.starts_with("HTTP/1.1 413 ")) << early;
  // Chunked bodies are cut off as they grow.
  std::string chunked =
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 20; ++i) chunked += "64\r\n" + std::string(100, 'y') + "\r\n";
  EXPECT_TRUE(raw_exchange(server.port(), chunked).starts_with("HTTP/1.1 413 "));

  auto client = server.client();
  EXPECT_EQ(client.post("/api/v1/echo", "small").body, "small");
}

TEST(Server, MalformedRequestsAre400AndClosed) {
  TestServer server(api_router());
  for (std::string_view request :
       {std::string_view("GARBAGE\r\n\r\n"), std::string_view("GET / HTTP/9.9\r\n\r\n"),
        std::string_view("GET /healthz HTTP/1.1\r\nBad Header\r\n\r\n"),
        std::string_view("GET /healthz HTTP/1.1\r\nContent-Length: x\r\n\r\n")}) {
    auto received = raw_exchange(server.port(), request);
    EXPECT_TRUE(received.starts_with("HTTP/1.1 400 ")) << request << " → " << received;
    EXPECT_NE(received.find("\"invalid_argument\""), std::string::npos);
  }
}

TEST(Server, HeaderOverLimitIsRejected) {
  ServerOptions options;
  options.header_limit_bytes = 2048;
  TestServer server(api_router(), options);
  std::string request =
      "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4096, 'a') + "\r\n\r\n";
  auto received = raw_exchange(server.port(), request);
  EXPECT_TRUE(received.starts_with("HTTP/1.1 431 ")) << received.substr(0, 100);
  EXPECT_EQ(server.client().get("/healthz").status, 200);
}

TEST(Server, SlowRequestIsCutOffAfterRequestTimeout) {
  ServerOptions options;
  options.request_timeout = std::chrono::seconds(1);
  TestServer server(api_router(), options);
  auto start = std::chrono::steady_clock::now();
  // Never finishes its header: the server must close within ~1 s, not wait 5 s.
  auto received =
      raw_exchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n", std::chrono::seconds(5));
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(received.empty()) << received;
  EXPECT_LT(elapsed, std::chrono::milliseconds(2500));
  EXPECT_GE(elapsed, std::chrono::milliseconds(900));
}

TEST(Server, IdleKeepAliveConnectionIsClosedAfterIdleTimeout) {
  ServerOptions options;
  options.idle_timeout = std::chrono::seconds(1);
  TestServer server(api_router(), options);
  auto start = std::chrono::steady_clock::now();
  auto received = raw_exchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
                               std::chrono::seconds(5));
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(received.ends_with("ok")) << received;
  EXPECT_LT(elapsed, std::chrono::milliseconds(2500));
}

class StaticServerTest : public ::testing::Test {
 protected:
  StaticServerTest() {
    web = dir.path() / "web";
    fs::create_directories(web / "assets");
    fs::create_directories(web / "docs");
    std::ofstream(web / "index.html") << "<html>app</html>";
    std::ofstream(web / "assets" / "app.js") << "console.log(1)";
    std::ofstream(web / "docs" / "index.html") << "docs";
    std::ofstream(dir.path() / "secret.txt") << "TOP-SECRET";
    std::ofstream(dir.path() / "webx.txt") << "TOP-SECRET";
    fs::create_symlink(dir.path() / "secret.txt", web / "link.txt");
    fs::create_directory_symlink(dir.path(), web / "parent");
    ServerOptions options;
    options.web_root = web;
    server = std::make_unique<TestServer>(api_router(), options);
  }
  dreamfeed::testing::TempDir dir;
  fs::path web;
  std::unique_ptr<TestServer> server;
};

TEST_F(StaticServerTest, FilesIndexAndSinglePageApp) {
  auto client = server->client();
  auto js = client.get("/assets/app.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log(1)");
  EXPECT_EQ(js.header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(client.get("/").body, "<html>app</html>");
  EXPECT_EQ(client.get("/docs/").body, "docs");
  EXPECT_EQ(client.get("/docs").body, "docs");
  auto spa = client.get("/videos/123");
  EXPECT_EQ(spa.status, 200);
  EXPECT_EQ(spa.body, "<html>app</html>");
  EXPECT_EQ(spa.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(client.get("/missing.png").status, 404);
  expect_json_error(client.get("/api/v1/unknown"), 404, "not_found");
  EXPECT_EQ(client.post("/index.html", "x").status, 404);
}

TEST_F(StaticServerTest, NothingOutsideWebRootIsEverServed) {
  const std::vector<std::string> attempts = {
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/%2E%2E/secret.txt",
      "/..%2fsecret.txt",
      "/..%2Fsecret.txt",
      "/assets/../../secret.txt",
      "/assets/%2e%2e/%2e%2e/secret.txt",
      "/assets%2f..%2f..%2fsecret.txt",
      "/.%2e/secret.txt",
      "/%2e./secret.txt",
      "/..%5csecret.txt",
      "/link.txt",
      "/parent/secret.txt",
      "/parent/webx.txt",
      "/%00/../secret.txt",
      "/secret.txt%00.html",
      "/index.html%00",
      "//secret.txt",
      "/" + dir.path().string() + "/secret.txt",
      "/%2f" + dir.path().string().substr(1) + "/secret.txt",
      "/./../secret.txt",
      "/assets/./../../secret.txt",
      "/%252e%252e/secret.txt",
      "/../webx.txt",
  };
  for (const auto& target : attempts) {
    // Raw: clients would normalize the dots away before sending.
    auto received = raw_exchange(
        server->port(), "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(received.find("TOP-SECRET"), std::string::npos) << target;
    bool refused = received.starts_with("HTTP/1.1 400 ") || received.starts_with("HTTP/1.1 404 ");
    bool spa = received.starts_with("HTTP/1.1 200 ") &&
               received.find("<html>app</html>") != std::string::npos;
    EXPECT_TRUE(refused || spa) << target << " → " << received.substr(0, 40);
  }
  auto nul = raw_exchange(server->port(),
                          "GET /index.html%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(nul.starts_with("HTTP/1.1 400 ")) << nul;
  auto dots = raw_exchange(
      server->port(), "GET /%2e%2e/secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(dots.starts_with("HTTP/1.1 400 ")) << dots;
}

TEST(Server, InvalidPercentEncodingIs400) {
  TestServer server(api_router());
  auto client = server.client();
  expect_json_error(client.get("/api/v1/videos/%zz"), 400, "invalid_argument");
  expect_json_error(client.get("/api/v1/videos/%"), 400, "invalid_argument");
  EXPECT_EQ(client.get("/healthz").status, 200);
}

}  // namespace
}  // namespace dreamfeed::http
