// FileReply over a real connection: full, ranges, seeks on one connection, 416, 304,
// If-Range, HEAD and validators.
#include <fstream>

#include <gtest/gtest.h>

#include "support/temp_dir.h"
#include "test_server.h"

namespace dreamfeed::http {
namespace {

using testing::TestServer;
namespace fs = std::filesystem;
namespace bhttp = boost::beast::http;

class FileReplyTest : public ::testing::Test {
 protected:
  FileReplyTest() {
    for (int i = 0; i < 100'000; ++i) content += static_cast<char>('A' + (i * 7 + i / 13) % 26);
    path = dir.path() / "clip.mp4";
    std::ofstream(path, std::ios::binary) << content;
    Router router;
    router.add(Verb::get, "/media/clip", [this](RequestContext&) -> Response {
      return FileReply{path, "video/mp4"};
    });
    router.add(Verb::get, "/media/missing", [this](RequestContext&) -> Response {
      return FileReply{dir.path() / "gone.mp4", "video/mp4"};
    });
    server = std::make_unique<TestServer>(std::move(router));
  }
  dreamfeed::testing::TempDir dir;
  std::string content;
  fs::path path;
  std::unique_ptr<TestServer> server;
};

TEST_F(FileReplyTest, WholeFileWithValidators) {
  auto client = server->client();
  auto response = client.get("/media/clip");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, content);
  EXPECT_EQ(response.header("Content-Length"), std::to_string(content.size()));
  EXPECT_EQ(response.header("Content-Type"), "video/mp4");
  EXPECT_EQ(response.header("Accept-Ranges"), "bytes");
  EXPECT_EQ(response.header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_TRUE(response.header("ETag").starts_with("\""));
  EXPECT_TRUE(response.header("Last-Modified").ends_with(" GMT"));
}

TEST_F(FileReplyTest, SingleRanges) {
  auto client = server->client();
  auto first = client.get("/media/clip", {{"Range", "bytes=0-99"}});
  EXPECT_EQ(first.status, 206);
  EXPECT_EQ(first.body, content.substr(0, 100));
  EXPECT_EQ(first.header("Content-Range"), "bytes 0-99/100000");
  EXPECT_EQ(first.header("Content-Length"), "100");

  auto open = client.get("/media/clip", {{"Range", "bytes=100-"}});
  EXPECT_EQ(open.status, 206);
  EXPECT_EQ(open.body, content.substr(100));
  EXPECT_EQ(open.header("Content-Range"), "bytes 100-99999/100000");

  auto suffix = client.get("/media/clip", {{"Range", "bytes=-50"}});
  EXPECT_EQ(suffix.status, 206);
  EXPECT_EQ(suffix.body, content.substr(content.size() - 50));
  EXPECT_EQ(suffix.header("Content-Range"), "bytes 99950-99999/100000");
}

TEST_F(FileReplyTest, ManySeeksOnOneConnection) {
  auto client = server->client();
  for (std::size_t i = 0; i < 200; ++i) {
    std::size_t start = (i * 7919) % content.size();
    std::size_t end = std::min(content.size() - 1, start + (i * 131) % 5000);
    auto response = client.get(
        "/media/clip", {{"Range", "bytes=" + std::to_string(start) + "-" + std::to_string(end)}});
    ASSERT_EQ(response.status, 206) << i;
    ASSERT_EQ(response.body, content.substr(start, end - start + 1)) << i;
    if (i > 0) {
      ASSERT_TRUE(client.last_request_reused_connection()) << i;
    }
  }
}

TEST_F(FileReplyTest, UnsatisfiableRangeIs416) {
  auto client = server->client();
  auto response = client.get("/media/clip", {{"Range", "bytes=100000-"}});
  EXPECT_EQ(response.status, 416);
  EXPECT_EQ(response.header("Content-Range"), "bytes */100000");
  EXPECT_TRUE(response.body.empty());
  EXPECT_EQ(client.get("/media/clip", {{"Range", "bytes=0-0"}}).body, content.substr(0, 1));
}

TEST_F(FileReplyTest, ConditionalRequests) {
  auto client = server->client();
  auto first = client.get("/media/clip");
  auto etag = first.header("ETag");
  auto not_modified = client.get("/media/clip", {{"If-None-Match", etag}});
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_TRUE(not_modified.body.empty());
  EXPECT_EQ(not_modified.header("ETag"), etag);

  auto since = client.get("/media/clip", {{"If-Modified-Since", first.header("Last-Modified")}});
  EXPECT_EQ(since.status, 304);

  auto stale_range =
      client.get("/media/clip", {{"Range", "bytes=0-9"}, {"If-Range", "\"not-the-etag\""}});
  EXPECT_EQ(stale_range.status, 200);
  EXPECT_EQ(stale_range.body, content);

  auto fresh_range = client.get("/media/clip", {{"Range", "bytes=0-9"}, {"If-Range", etag}});
  EXPECT_EQ(fresh_range.status, 206);
  EXPECT_EQ(fresh_range.body, content.substr(0, 10));
}

TEST_F(FileReplyTest, HeadHasLengthAndNoBody) {
  auto client = server->client();
  auto head = client.request(bhttp::verb::head, "/media/clip");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("Content-Length"), "100000");
  EXPECT_TRUE(head.body.empty());
  EXPECT_FALSE(head.header("ETag").empty());
  EXPECT_FALSE(head.header("Last-Modified").empty());
  auto ranged_head = client.request(bhttp::verb::head, "/media/clip", {}, {{"Range", "bytes=-10"}});
  EXPECT_EQ(ranged_head.status, 206);
  EXPECT_EQ(ranged_head.header("Content-Length"), "10");
  EXPECT_EQ(client.get("/media/clip", {{"Range", "bytes=5-9"}}).body, content.substr(5, 5));
}

TEST_F(FileReplyTest, MultipleRangesGetTheWholeFile) {
  auto client = server->client();
  auto response = client.get("/media/clip", {{"Range", "bytes=0-9,20-29"}});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body.size(), content.size());
}

TEST_F(FileReplyTest, MissingFileIsJson404) {
  auto client = server->client();
  auto response = client.get("/media/missing");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.json().at("error").at("code").as_string(), "not_found");
  EXPECT_EQ(client.get("/media/clip", {{"Range", "bytes=0-1"}}).status, 206);
}

TEST_F(FileReplyTest, LargeFileArrivesIntact) {
  std::string big;
  big.reserve(8 << 20);
  for (int i = 0; i < (8 << 20); ++i) big += static_cast<char>(i * 31 + i / 4099);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << big;
  auto client = server->client();
  auto response = client.get("/media/clip");
  ASSERT_EQ(response.status, 200);
  EXPECT_TRUE(response.body == big);
  auto tail = client.get("/media/clip", {{"Range", "bytes=4000000-"}});
  EXPECT_TRUE(tail.body == big.substr(4000000));
}

}  // namespace
}  // namespace dreamfeed::http
