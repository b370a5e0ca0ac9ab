// Router: literal and {param} segments, specificity, HEAD via GET, 405 with Allow.
#include "http/router.h"

#include <gtest/gtest.h>

namespace dreamfeed::http {
namespace {

Handler returning(std::string text) {
  return [text](RequestContext&) -> Response { return BodyReply{Status::ok, "text/plain", text}; };
}

std::string call(const Router::Match& match) {
  static const Request request;
  RequestContext context(request, "/", "", {}, "");
  auto response = (*match.handler)(context);
  return std::get<BodyReply>(response).body;
}

TEST(Router, MatchesLiteralAndParamSegments) {
  Router router;
  router.add(Verb::get, "/healthz", returning("health"));
  router.add(Verb::post, "/api/v1/videos/{id}/publish", returning("publish"));

  auto health = router.match(Verb::get, "/healthz");
  ASSERT_NE(health.handler, nullptr);
  EXPECT_EQ(call(health), "health");
  EXPECT_TRUE(health.params.empty());

  auto publish = router.match(Verb::post, "/api/v1/videos/v42/publish");
  ASSERT_NE(publish.handler, nullptr);
  EXPECT_EQ(call(publish), "publish");
  ASSERT_EQ(publish.params.size(), 1u);
  EXPECT_EQ(publish.params[0].first, "id");
  EXPECT_EQ(publish.params[0].second, "v42");
}

TEST(Router, ParamsNeedANonEmptySegmentAndExactSegmentCount) {
  Router router;
  router.add(Verb::get, "/api/v1/videos/{id}", returning("video"));
  EXPECT_EQ(router.match(Verb::get, "/api/v1/videos/").handler, nullptr);
  EXPECT_EQ(router.match(Verb::get, "/api/v1/videos").handler, nullptr);
  EXPECT_EQ(router.match(Verb::get, "/api/v1/videos/a/b").handler, nullptr);
  EXPECT_EQ(router.match(Verb::get, "/api/v1/videos/a/").handler, nullptr);
  EXPECT_NE(router.match(Verb::get, "/api/v1/videos/a").handler, nullptr);
}

TEST(Router, LiteralSegmentWinsOverParam) {
  Router router;
  router.add(Verb::get, "/api/v1/videos/{id}", returning("by id"));
  router.add(Verb::get, "/api/v1/videos/feed", returning("feed"));
  EXPECT_EQ(call(router.match(Verb::get, "/api/v1/videos/feed")), "feed");
  EXPECT_EQ(call(router.match(Verb::get, "/api/v1/videos/x1")), "by id");
}

TEST(Router, SeveralParams) {
  Router router;
  router.add(Verb::delete_, "/api/v1/videos/{video}/comments/{comment}", returning("x"));
  auto match = router.match(Verb::delete_, "/api/v1/videos/v1/comments/c2");
  ASSERT_NE(match.handler, nullptr);
  ASSERT_EQ(match.params.size(), 2u);
  EXPECT_EQ(match.params[0], (std::pair<std::string, std::string>{"video", "v1"}));
  EXPECT_EQ(match.params[1], (std::pair<std::string, std::string>{"comment", "c2"}));
}

TEST(Router, HeadUsesTheGetRoute) {
  Router router;
  router.add(Verb::get, "/healthz", returning("health"));
  EXPECT_NE(router.match(Verb::head, "/healthz").handler, nullptr);
}

TEST(Router, OtherMethodOnAKnownPathGives405WithAllow) {
  Router router;
  router.add(Verb::get, "/api/v1/videos/{id}", returning("get"));
  router.add(Verb::delete_, "/api/v1/videos/{id}", returning("delete"));
  router.add(Verb::post, "/api/v1/videos", returning("create"));

  auto match = router.match(Verb::put, "/api/v1/videos/v1");
  EXPECT_EQ(match.handler, nullptr);
  EXPECT_TRUE(match.path_exists);
  EXPECT_EQ(match.allowed_methods, "GET, HEAD, DELETE");

  auto unknown = router.match(Verb::put, "/api/v1/nothing");
  EXPECT_EQ(unknown.handler, nullptr);
  EXPECT_FALSE(unknown.path_exists);
  EXPECT_TRUE(unknown.allowed_methods.empty());
}

TEST(Router, ListsRoutesInOrder) {
  Router router;
  router.add(Verb::get, "/a", returning("a"));
  router.add(Verb::post, "/b/{id}", returning("b"));
  auto routes = router.routes();
  ASSERT_EQ(routes.size(), 2u);
  EXPECT_EQ(routes[0].method, Verb::get);
  EXPECT_EQ(routes[0].pattern, "/a");
  EXPECT_EQ(routes[1].method, Verb::post);
  EXPECT_EQ(routes[1].pattern, "/b/{id}");
}

TEST(Router, RejectsPatternsWithoutLeadingSlash) {
  Router router;
  EXPECT_THROW(router.add(Verb::get, "healthz", returning("x")), std::invalid_argument);
}

}  // namespace
}  // namespace dreamfeed::http
