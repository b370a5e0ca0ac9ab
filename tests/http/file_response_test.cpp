// plan_file_response: the Range and conditional rules, without sockets.
#include "http/file_response.h"

#include <gtest/gtest.h>

#include "http/http_date.h"

namespace dreamfeed::http {
namespace {

const FileFacts kFile{1000, 1'700'000'000, 1'700'000'000'123'456'789};

FilePlan plan(std::initializer_list<std::pair<beast_http::field, std::string>> headers,
              Verb method = Verb::get) {
  Request request;
  request.method(method);
  for (const auto& [name, value] : headers) request.set(name, value);
  return plan_file_response(request, kFile, file_etag(kFile));
}

TEST(FilePlan, WholeFileWithoutRange) {
  auto p = plan({});
  EXPECT_EQ(p.status, Status::ok);
  EXPECT_EQ(p.offset, 0u);
  EXPECT_EQ(p.length, 1000u);
  EXPECT_TRUE(p.content_range.empty());
}

TEST(FilePlan, SingleRanges) {
  auto first = plan({{beast_http::field::range, "bytes=0-99"}});
  EXPECT_EQ(first.status, Status::partial_content);
  EXPECT_EQ(first.offset, 0u);
  EXPECT_EQ(first.length, 100u);
  EXPECT_EQ(first.content_range, "bytes 0-99/1000");

  auto open = plan({{beast_http::field::range, "bytes=100-"}});
  EXPECT_EQ(open.offset, 100u);
  EXPECT_EQ(open.length, 900u);
  EXPECT_EQ(open.content_range, "bytes 100-999/1000");

  auto suffix = plan({{beast_http::field::range, "bytes=-50"}});
  EXPECT_EQ(suffix.offset, 950u);
  EXPECT_EQ(suffix.length, 50u);
  EXPECT_EQ(suffix.content_range, "bytes 950-999/1000");

  auto clamped = plan({{beast_http::field::range, "bytes=990-5000"}});
  EXPECT_EQ(clamped.offset, 990u);
  EXPECT_EQ(clamped.length, 10u);

  auto big_suffix = plan({{beast_http::field::range, "bytes=-5000"}});
  EXPECT_EQ(big_suffix.status, Status::partial_content);
  EXPECT_EQ(big_suffix.offset, 0u);
  EXPECT_EQ(big_suffix.length, 1000u);
}

TEST(FilePlan, Unsatisfiable) {
  for (const char* range : {"bytes=1000-", "bytes=5000-6000", "bytes=-0"}) {
    auto p = plan({{beast_http::field::range, range}});
    EXPECT_EQ(p.status, Status::range_not_satisfiable) << range;
    EXPECT_EQ(p.content_range, "bytes */1000") << range;
  }
}

TEST(FilePlan, InvalidOrMultipleRangesGiveTheWholeFile) {
  for (const char* range : {"bytes=0-10,20-30", "items=0-1", "bytes=abc", "bytes=50-10", "bytes"}) {
    auto p = plan({{beast_http::field::range, range}});
    EXPECT_EQ(p.status, Status::ok) << range;
    EXPECT_EQ(p.length, 1000u) << range;
  }
}

TEST(FilePlan, IfNoneMatch) {
  auto etag = file_etag(kFile);
  EXPECT_EQ(plan({{beast_http::field::if_none_match, etag}}).status, Status::not_modified);
  EXPECT_EQ(plan({{beast_http::field::if_none_match, "\"x\", W/" + etag}}).status,
            Status::not_modified);
  EXPECT_EQ(plan({{beast_http::field::if_none_match, "*"}}).status, Status::not_modified);
  EXPECT_EQ(plan({{beast_http::field::if_none_match, "\"other\""}}).status, Status::ok);
}

TEST(FilePlan, IfModifiedSince) {
  auto at = format_http_date(kFile.modified);
  auto before = format_http_date(kFile.modified - 10);
  EXPECT_EQ(plan({{beast_http::field::if_modified_since, at}}).status, Status::not_modified);
  EXPECT_EQ(plan({{beast_http::field::if_modified_since, before}}).status, Status::ok);
  // If-None-Match takes precedence.
  EXPECT_EQ(plan({{beast_http::field::if_modified_since, at},
                  {beast_http::field::if_none_match, "\"other\""}})
                .status,
            Status::ok);
}

TEST(FilePlan, IfRange) {
  auto etag = file_etag(kFile);
  EXPECT_EQ(
      plan({{beast_http::field::range, "bytes=0-9"}, {beast_http::field::if_range, etag}}).status,
      Status::partial_content);
  EXPECT_EQ(
      plan({{beast_http::field::range, "bytes=0-9"}, {beast_http::field::if_range, "\"stale\""}})
          .status,
      Status::ok);
  EXPECT_EQ(plan({{beast_http::field::range, "bytes=0-9"},
                  {beast_http::field::if_range, format_http_date(kFile.modified)}})
                .status,
            Status::partial_content);
  EXPECT_EQ(plan({{beast_http::field::range, "bytes=0-9"},
                  {beast_http::field::if_range, format_http_date(kFile.modified - 1)}})
                .status,
            Status::ok);
}

TEST(FilePlan, EtagChangesWithSizeAndTime) {
  FileFacts other = kFile;
  other.modified_nanos += 1;
  EXPECT_NE(file_etag(kFile), file_etag(other));
  EXPECT_EQ(file_etag(kFile).front(), '"');
}

TEST(HttpDate, RoundTrip) {
  EXPECT_EQ(format_http_date(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
  EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), std::nullopt);
  EXPECT_EQ(parse_http_date("garbage"), std::nullopt);
}

}  // namespace
}  // namespace dreamfeed::http
