// Bad input gets a clear error — the right status and a message naming the problem —
// and nothing already accepted is lost. Against the real binary.
#include <gtest/gtest.h>

#include <fstream>

#include "api_client.h"
#include "server_process.h"
#include "support/temp_dir.h"

namespace dreamfeed {
namespace {

namespace json = boost::json;
using testing::ApiUser;
using testing::ClientResponse;

class BadInput : public ::testing::Test {
 protected:
  // No workers: jobs stay queued, so every accepted one can be counted.
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    server_ = new testing::ServerProcess({.data_dir = *dir_ / "data", .workers = 0});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  static std::uint16_t port() { return server_->port(); }

  static inline testing::TempDir* dir_ = nullptr;
  static inline testing::ServerProcess* server_ = nullptr;
};

json::object error_of(const ClientResponse& response) {
  return response.json().as_object()["error"].as_object();
}

void expect_error(const ClientResponse& response, int status, std::string_view field,
                  std::string_view message_part) {
  EXPECT_EQ(response.status, status) << response.body;
  EXPECT_EQ(response.header("Content-Type"), "application/json");
  auto error = error_of(response);
  if (!field.empty()) {
    EXPECT_EQ(error["field"].as_string(), field) << response.body;
  }
  EXPECT_NE(std::string(error["message"].as_string()).find(message_part), std::string::npos)
      << response.body;
}

TEST_F(BadInput, VideoOrdersThatAreWrongSayWhatIsWrong) {
  ApiUser user(port(), "orderer");
  auto order = [&](const std::string& body) { return user.post("/api/v1/videos", body); };
  expect_error(order("{\"prompt\": \"a horse\""), 400, "", "malformed JSON");
  expect_error(order("[1, 2]"), 400, "", "JSON object");
  expect_error(order("{}"), 400, "prompt", "prompt is required");
  expect_error(order(R"({"prompt": 12})"), 400, "prompt", "must be a string");
  expect_error(order(R"({"prompt": ""})"), 400, "prompt", "empty");
  expect_error(order(R"({"prompt": "   "})"), 400, "prompt", "empty");
  expect_error(order(json::serialize(json::object{{"prompt", std::string(2001, 'x')}})), 400,
               "prompt", "2000");
  expect_error(order(R"({"prompt": "a horse", "seconds": 5})"), 400, "seconds", "4, 8, 12");
  expect_error(order(R"({"prompt": "a horse", "seconds": "8"})"), 400, "seconds", "4, 8, 12");
  expect_error(order(R"({"prompt": "a horse", "aspect": "vertical"})"), 400, "aspect",
               "portrait, landscape, square");
  expect_error(order(R"({"prompt": "a horse", "resolution": "4k"})"), 400, "resolution",
               "480p, 720p, 1080p");
  expect_error(order(R"({"prompt": "a horse", "seed": -1})"), 400, "seed", "integer");
  expect_error(order(R"({"prompt": "a horse", "remix_of": "vid_nothere"})"), 404, "remix_of",
               "not found");

  // Nothing above was queued; a good order still is, at position 1.
  auto accepted = order(R"({"prompt": "a horse"})");
  ASSERT_EQ(accepted.status, 202) << accepted.body;
  EXPECT_EQ(accepted.json().as_object()["job"].as_object()["queue_position"].as_int64(), 1);
}

TEST_F(BadInput, InvalidUtf8PromptIsRejectedByName) {
  ApiUser user(port(), "utf8_user");
  // Boost.JSON itself refuses invalid UTF-8 inside strings, so the message names JSON.
  auto response = user.post("/api/v1/videos", "{\"prompt\": \"bad \xC3\x28 bytes\"}");
  EXPECT_EQ(response.status, 400);
  EXPECT_FALSE(std::string(error_of(response)["message"].as_string()).empty());
}

TEST_F(BadInput, BodyOverTheLimitIs413AndTheServerCarriesOn) {
  ApiUser user(port(), "big_sender");
  std::string huge = "{\"prompt\": \"" + std::string(2 << 20, 'a') + "\"}";
  auto response = user.post("/api/v1/videos", huge);
  EXPECT_EQ(response.status, 413);
  testing::HttpClient fresh("127.0.0.1", port());
  EXPECT_EQ(fresh.get("/healthz").status, 200);
}

TEST_F(BadInput, NoSessionIs401AndABadLoginSaysSo) {
  testing::HttpClient anonymous("127.0.0.1", port());
  expect_error(anonymous.post("/api/v1/videos", R"({"prompt": "a horse"})"), 401, "", "log in");
  expect_error(anonymous.get("/api/v1/me"), 401, "", "");
  expect_error(anonymous.get("/api/v1/jobs/job_x", {{"Authorization", "Bearer forged"}}), 401, "",
               "");
  expect_error(
      anonymous.post("/api/v1/auth/login", R"({"handle": "nobody", "password": "whatever123"})"),
      401, "", "handle or password is wrong");
  expect_error(
      anonymous.post("/api/v1/auth/signup", R"({"handle": "x", "password": "long enough"})"), 400,
      "handle", "3 to 30");
  expect_error(
      anonymous.post("/api/v1/auth/signup", R"({"handle": "shorty", "password": "short"})"), 400,
      "password", "8");
  ApiUser taken(port(), "taken_name");
  expect_error(anonymous.post("/api/v1/auth/signup",
                              R"({"handle": "Taken_Name", "password": "long enough password"})"),
               409, "handle", "taken");
}

TEST_F(BadInput, AnotherUsersJobAndDraftLookLikeTheyDoNotExist) {
  ApiUser owner(port(), "job_owner");
  ApiUser stranger(port(), "stranger");
  const std::string job_id = owner.order({{"prompt", "a private thing"}});
  auto theirs = stranger.get("/api/v1/jobs/" + job_id);
  auto missing = stranger.get("/api/v1/jobs/job_doesnotexist000");
  EXPECT_EQ(theirs.status, 404);
  EXPECT_EQ(theirs.body, missing.body) << "the same answer as for a job that does not exist";
  EXPECT_EQ(stranger.post("/api/v1/jobs/" + job_id + "/cancel").status, 404);
  EXPECT_EQ(stranger.get("/api/v1/jobs/" + job_id + "/events").status, 404);
  EXPECT_EQ(owner.get("/api/v1/jobs/" + job_id).json().as_object()["status"].as_string(), "queued");
}

TEST_F(BadInput, MyJobsListsOnlyMyUnfinishedJobs) {
  ApiUser owner(port(), "lister");
  ApiUser other(port(), "other_lister");
  const std::string first = owner.order({{"prompt", "first in line"}});
  const std::string second = owner.order({{"prompt", "second in line"}});
  const std::string cancelled = owner.order({{"prompt", "changed my mind"}});
  other.order({{"prompt", "someone else's"}});
  ASSERT_EQ(owner.post("/api/v1/jobs/" + cancelled + "/cancel").status, 200);

  auto listed = owner.get("/api/v1/me/jobs");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.header("Cache-Control"), "no-store");
  auto items = listed.json().as_object()["items"].as_array();
  ASSERT_EQ(items.size(), 2u) << listed.body;
  EXPECT_EQ(items[0].as_object()["id"].as_string(), first);
  EXPECT_EQ(items[1].as_object()["id"].as_string(), second);
  EXPECT_EQ(items[0].as_object()["status"].as_string(), "queued");
  EXPECT_LT(items[0].as_object()["queue_position"].as_int64(),
            items[1].as_object()["queue_position"].as_int64());
  EXPECT_EQ(items[1].as_object()["request"].as_object()["prompt"].as_string(), "second in line");

  testing::HttpClient anonymous("127.0.0.1", port());
  EXPECT_EQ(anonymous.get("/api/v1/me/jobs").status, 401);
}

TEST_F(BadInput, MediaPathsThatTryToEscapeAre404) {
  std::ofstream(*dir_ / "data" / "secret.txt") << "not for the web";
  testing::HttpClient anonymous("127.0.0.1", port());
  for (std::string target :
       {"/media/../secret.txt", "/media/videos/..%2F..%2Fsecret.txt",
        "/media/videos/%2e%2e/secret.txt", "/media/..%2f/secret.txt", "/media/videos/missing.mp4",
        "/media/other/x.mp4", "/media/videos/x.exe", "/media/videos/%00.mp4",
        "/media/videos/..%5c..%5csecret.txt"}) {
    auto response = anonymous.get(target);
    EXPECT_TRUE(response.status == 404 || response.status == 400)
        << target << " → " << response.status;
    EXPECT_EQ(response.body.find("not for the web"), std::string::npos) << target;
  }
}

TEST_F(BadInput, CookieSessionsNeedTheCsrfTokenToChangeState) {
  testing::HttpClient browser("127.0.0.1", port());
  auto signed_up = browser.post("/api/v1/auth/signup",
                                R"({"handle": "cookie_user", "password": "long enough password"})");
  ASSERT_EQ(signed_up.status, 201);
  std::string set_cookie = signed_up.header("Set-Cookie");
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("SameSite=Lax"), std::string::npos);
  std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  std::string csrf = signed_up.json().as_object()["csrf_token"].as_string().c_str();

  EXPECT_EQ(browser.get("/api/v1/me", {{"Cookie", cookie}}).status, 200) << "reads need no token";
  expect_error(browser.post("/api/v1/videos", R"({"prompt": "a horse"})", {{"Cookie", cookie}}),
               403, "", "X-CSRF-Token");
  expect_error(browser.post("/api/v1/videos", R"({"prompt": "a horse"})",
                            {{"Cookie", cookie}, {"X-CSRF-Token", "wrong"}}),
               403, "", "X-CSRF-Token");
  EXPECT_EQ(browser
                .post("/api/v1/videos", R"({"prompt": "a horse"})",
                      {{"Cookie", cookie}, {"X-CSRF-Token", csrf}})
                .status,
            202);

  auto logout =
      browser.post("/api/v1/auth/logout", "", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(logout.status, 204);
  EXPECT_NE(logout.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(browser.get("/api/v1/me", {{"Cookie", cookie}}).status, 401);
  auto login = browser.post("/api/v1/auth/login",
                            R"({"handle": "COOKIE_USER", "password": "long enough password"})");
  EXPECT_EQ(login.status, 200);
  EXPECT_EQ(login.header("Set-Cookie").find("Secure"), std::string::npos)
      << "over plain HTTP a Secure cookie would never come back";

  // Behind a TLS-terminating proxy the session cookie never travels in the clear.
  auto over_https = browser.post("/api/v1/auth/login",
                                 R"({"handle": "cookie_user", "password": "long enough password"})",
                                 {{"X-Forwarded-Proto", "https"}});
  EXPECT_EQ(over_https.status, 200);
  EXPECT_NE(over_https.header("Set-Cookie").find("; Secure"), std::string::npos);
}

TEST_F(BadInput, FeedCursorAndLimitAreChecked) {
  testing::HttpClient anonymous("127.0.0.1", port());
  expect_error(anonymous.get("/api/v1/feed?cursor=not-a-cursor"), 400, "cursor", "cursor");
  expect_error(anonymous.get("/api/v1/feed?limit=0"), 400, "limit", "1 and 50");
  expect_error(anonymous.get("/api/v1/feed?limit=ten"), 400, "limit", "1 and 50");
  EXPECT_EQ(anonymous.get("/api/v1/feed?limit=5").status, 200);
}

TEST_F(BadInput, UnknownRoutesAndMethods) {
  testing::HttpClient anonymous("127.0.0.1", port());
  expect_error(anonymous.get("/api/v1/nothing-here"), 404, "", "");
  auto wrong_method = anonymous.request(boost::beast::http::verb::put, "/api/v1/feed");
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_NE(wrong_method.header("Allow").find("GET"), std::string::npos);
}

}  // namespace
}  // namespace dreamfeed
