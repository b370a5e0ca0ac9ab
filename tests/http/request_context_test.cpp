// RequestContext: percent-decoded query parameters and Cookie header parsing.
#include <gtest/gtest.h>

#include "http/handler.h"

namespace dreamfeed::http {
namespace {

TEST(RequestContextQuery, DecodesPercentAndPlus) {
  Request request;
  RequestContext context(request, "/search", "q=hello+world&tag=%23cats%20%26%20dogs&empty=&flag",
                         {}, "127.0.0.1");
  EXPECT_EQ(context.query_param("q"), "hello world");
  EXPECT_EQ(context.query_param("tag"), "#cats & dogs");
  EXPECT_EQ(context.query_param("empty"), "");
  EXPECT_EQ(context.query_param("flag"), "");
  EXPECT_EQ(context.query_param("missing"), std::nullopt);
}

TEST(RequestContextQuery, EncodedKeysAndFirstValueWins) {
  Request request;
  RequestContext context(request, "/", "a%20b=1&x=first&x=second", {}, "");
  EXPECT_EQ(context.query_param("a b"), "1");
  EXPECT_EQ(context.query_param("x"), "first");
}

TEST(RequestContextQuery, StopsAtTheEndOfTheView) {
  Request request;
  const std::string target = "a=1&b=2XYZ";
  RequestContext context(request, "/", std::string_view(target.data(), 7), {}, "");
  EXPECT_EQ(context.query_param("b"), "2");
}

TEST(RequestContextQuery, NoQuery) {
  Request request;
  RequestContext context(request, "/", "", {}, "");
  EXPECT_EQ(context.query_param("a"), std::nullopt);
}

TEST(RequestContextCookie, ParsesPairs) {
  Request request;
  request.set(beast_http::field::cookie, "theme=dark; session=abc123 ;quoted=\"v w\"; bare");
  RequestContext context(request, "/", "", {}, "");
  EXPECT_EQ(context.cookie("theme"), "dark");
  EXPECT_EQ(context.cookie("session"), "abc123");
  EXPECT_EQ(context.cookie("quoted"), "v w");
  EXPECT_EQ(context.cookie("bare"), std::nullopt);
  EXPECT_EQ(context.cookie("sess"), std::nullopt);
}

TEST(RequestContextCookie, SeveralCookieHeaders) {
  Request request;
  request.insert(beast_http::field::cookie, "a=1");
  request.insert(beast_http::field::cookie, "b=2");
  RequestContext context(request, "/", "", {}, "");
  EXPECT_EQ(context.cookie("a"), "1");
  EXPECT_EQ(context.cookie("b"), "2");
}

TEST(RequestContextCookie, NoCookieHeader) {
  Request request;
  RequestContext context(request, "/", "", {}, "");
  EXPECT_EQ(context.cookie("session"), std::nullopt);
}

TEST(RequestContext, PathParamsAndHeaders) {
  Request request;
  request.set("X-Thing", "yes");
  RequestContext context(request, "/v/1", "", {{"id", "1"}}, "10.0.0.1");
  EXPECT_EQ(context.path_param("id"), "1");
  EXPECT_EQ(context.path_param("other"), "");
  EXPECT_EQ(context.header("x-thing"), "yes");
  EXPECT_EQ(context.remote_address(), "10.0.0.1");
}

}  // namespace
}  // namespace dreamfeed::http
