// EventStreamReply: framing, the end of a stream, and polling stopping when the client
// goes away.
#include "http/event_stream.h"

#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "test_server.h"

namespace dreamfeed::http {
namespace {

using testing::raw_exchange;
using testing::TestServer;

TEST(ServerSentEventFormat, FieldsAndMultilineData) {
  std::string out;
  append_server_sent_event(out, {"progress", "{\"p\":1}", "7"});
  EXPECT_EQ(out, "event: progress\nid: 7\ndata: {\"p\":1}\n\n");
  out.clear();
  append_server_sent_event(out, {"", "a\r\nb\nc", ""});
  EXPECT_EQ(out, "data: a\ndata: b\ndata: c\n\n");
  out.clear();
  append_server_sent_event(out, {"x\ny", "d", "1\n2"});
  EXPECT_EQ(out, "event: x y\nid: 1 2\ndata: d\n\n");
}

TEST(EventStream, SendsEventsThenEnds) {
  Router router;
  router.add(Verb::get, "/api/v1/jobs/{id}/events", [](RequestContext&) -> Response {
    auto count = std::make_shared<int>(0);
    return EventStreamReply{std::chrono::milliseconds(10), [count]() {
                              EventStreamStep step;
                              ++*count;
                              step.events.push_back({"progress", std::to_string(*count), ""});
                              if (*count == 2) step.events.push_back({"", "two\nlines", ""});
                              step.done = *count == 5;
                              return step;
                            }};
  });
  TestServer server(std::move(router));
  auto client = server.client();
  auto events = client.read_event_stream("/api/v1/jobs/j1/events", 100, std::chrono::seconds(10));
  EXPECT_EQ(events, (std::vector<std::string>{"1", "2", "two\nlines", "3", "4", "5"}));

  auto raw = raw_exchange(server.port(), "GET /api/v1/jobs/j1/events HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_TRUE(raw.starts_with("HTTP/1.1 200 OK\r\n")) << raw;
  EXPECT_NE(raw.find("Content-Type: text/event-stream\r\n"), std::string::npos);
  EXPECT_NE(raw.find("Cache-Control: no-cache\r\n"), std::string::npos);
  EXPECT_NE(raw.find("\r\n\r\nevent: progress\ndata: 1\n\n"), std::string::npos) << raw;
}

TEST(EventStream, ClientLeavingStopsPolling) {
  auto polls = std::make_shared<std::atomic<int>>(0);
  Router router;
  router.add(Verb::get, "/events", [polls](RequestContext&) -> Response {
    return EventStreamReply{std::chrono::milliseconds(20), [polls]() {
                              EventStreamStep step;
                              int n = ++*polls;
                              // An event only every few polls: the server must notice the
                              // client leaving without writing to it.
                              if (n <= 2 || n % 10 == 0) step.events.push_back({"", "tick", ""});
                              return step;
                            }};
  });
  TestServer server(std::move(router));
  auto client = server.client();
  auto events = client.read_event_stream("/events", 2, std::chrono::seconds(10));
  ASSERT_EQ(events.size(), 2u);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  int after_leaving = polls->load();
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  EXPECT_EQ(polls->load(), after_leaving);
  EXPECT_LT(after_leaving, 15);
}

TEST(EventStream, ShutdownEndsOpenStreams) {
  Router router;
  router.add(Verb::get, "/events", [](RequestContext&) -> Response {
    return EventStreamReply{std::chrono::milliseconds(50), []() {
                              return EventStreamStep{{{"", "tick", ""}}, false};
                            }};
  });
  ServerOptions options;
  options.shutdown_grace = std::chrono::seconds(10);
  TestServer server(std::move(router), options);
  std::vector<std::string> events;
  std::thread reader([&] {
    auto client = server.client();
    events = client.read_event_stream("/events", 1000, std::chrono::seconds(10));
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto start = std::chrono::steady_clock::now();
  server.server().shutdown();
  reader.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
  EXPECT_GE(events.size(), 2u);
  EXPECT_LT(events.size(), 1000u);
}

}  // namespace
}  // namespace dreamfeed::http
