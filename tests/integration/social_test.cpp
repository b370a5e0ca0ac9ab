// The social layer through the real binary: likes, comments, follows, profiles, avatars,
// remix lists, the Following feed and the monthly allowance, as an API client sees them
// — including every way to get them wrong.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <optional>
#include <thread>

#include "adapters/media/ffmpeg/frame_decoder.h"
#include "adapters/media/ffmpeg/jpeg_thumbnail.h"
#include "api_client.h"
#include "server_process.h"
#include "support/temp_dir.h"

namespace dreamfeed {
namespace {

namespace json = boost::json;
using testing::ApiUser;
using testing::ClientResponse;

// One server for the suite, with one worker, so videos can be made and published.
class Social : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    server_ = new testing::ServerProcess(testing::quick_generating_server(*dir_ / "data"));
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  static std::uint16_t port() { return server_->port(); }
  static std::filesystem::path dir() { return dir_->path(); }

  static inline testing::TempDir* dir_ = nullptr;
  static inline testing::ServerProcess* server_ = nullptr;
};

using testing::expect_api_error;
using testing::object_of;
using testing::small_order;

TEST_F(Social, LikeCommentFollowAndRemixShowUpWhereViewersLook) {
  ApiUser ada(port(), "ada");
  ApiUser bob(port(), "bobby");
  testing::HttpClient anonymous("127.0.0.1", port());
  const std::string video = ada.publish_new(small_order("a red fox jumps over a fence"));
  const std::string base = "/api/v1/videos/" + video;

  // Likes: idempotent, counted, liked_by_me only for the one who liked.
  auto liked = bob.put(base + "/like");
  ASSERT_EQ(liked.status, 200) << liked.body;
  EXPECT_EQ(liked.body, R"({"liked":true,"likes":1})");
  EXPECT_EQ(bob.put(base + "/like").body, R"({"liked":true,"likes":1})");
  auto as_bob = object_of(bob.get(base));
  EXPECT_EQ(as_bob["likes"].as_int64(), 1);
  EXPECT_TRUE(as_bob["liked_by_me"].as_bool());
  EXPECT_FALSE(object_of(anonymous.get(base))["liked_by_me"].as_bool());
  EXPECT_FALSE(object_of(ada.get(base))["liked_by_me"].as_bool());
  auto feed_item = object_of(bob.get("/api/v1/feed"))["items"].as_array()[0].as_object();
  EXPECT_TRUE(feed_item["liked_by_me"].as_bool());
  auto creator = feed_item["creator"].as_object();
  EXPECT_EQ(creator["handle"].as_string(), "ada");
  EXPECT_EQ(creator["display_name"].as_string(), "ada");
  EXPECT_TRUE(creator["avatar_url"].is_null());

  // Comments: 201, trimmed, counted, newest first, deleted by the author.
  auto posted = bob.post(base + "/comments", R"({"text": "  what a jump  "})");
  ASSERT_EQ(posted.status, 201) << posted.body;
  auto comment = object_of(posted);
  EXPECT_EQ(comment["text"].as_string(), "what a jump");
  EXPECT_EQ(comment["author"].as_object()["handle"].as_string(), "bobby");
  // Comments are ordered by their millisecond, then by id: two posted within the same
  // millisecond have no order to keep, so the reply comes a little later, as a
  // person's would.
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(ada.post(base + "/comments", R"({"text": "thanks!"})").status, 201);
  auto comments = object_of(anonymous.get(base + "/comments?limit=1"));
  ASSERT_EQ(comments["items"].as_array().size(), 1u);
  EXPECT_EQ(comments["items"].as_array()[0].as_object()["text"].as_string(), "thanks!");
  const std::string cursor = comments["next_cursor"].as_string().c_str();
  auto older = object_of(anonymous.get(base + "/comments?limit=1&cursor=" + cursor));
  EXPECT_EQ(older["items"].as_array()[0].as_object()["text"].as_string(), "what a jump");
  EXPECT_TRUE(older["next_cursor"].is_null());
  EXPECT_EQ(object_of(anonymous.get(base))["comments"].as_int64(), 2);
  const std::string comment_id = comment["id"].as_string().c_str();
  ApiUser stranger(port(), "stranger");
  expect_api_error(stranger.del("/api/v1/comments/" + comment_id), 403, "forbidden");
  EXPECT_EQ(bob.del("/api/v1/comments/" + comment_id).status, 204);
  expect_api_error(bob.del("/api/v1/comments/" + comment_id), 404, "not_found");
  EXPECT_EQ(object_of(anonymous.get(base))["comments"].as_int64(), 1);

  // Follows: counted on both profiles, followed_by_me, the Following feed.
  EXPECT_TRUE(object_of(bob.get("/api/v1/feed/following"))["items"].as_array().empty());
  auto followed = bob.put("/api/v1/users/ada/follow");
  ASSERT_EQ(followed.status, 200) << followed.body;
  EXPECT_EQ(followed.body, R"({"following":true,"followers":1})");
  EXPECT_EQ(bob.put("/api/v1/users/ada/follow").body, R"({"following":true,"followers":1})");
  auto profile = object_of(bob.get("/api/v1/users/ada"));
  EXPECT_EQ(profile["followers"].as_int64(), 1);
  EXPECT_EQ(profile["published_videos"].as_int64(), 1);
  EXPECT_TRUE(profile["followed_by_me"].as_bool());
  EXPECT_FALSE(object_of(anonymous.get("/api/v1/users/ada"))["followed_by_me"].as_bool());
  EXPECT_EQ(object_of(anonymous.get("/api/v1/users/bobby"))["following"].as_int64(), 1);
  auto followers = object_of(anonymous.get("/api/v1/users/ada/followers"))["items"].as_array();
  ASSERT_EQ(followers.size(), 1u);
  EXPECT_EQ(followers[0].as_object()["handle"].as_string(), "bobby");
  auto following = object_of(anonymous.get("/api/v1/users/bobby/following"))["items"].as_array();
  ASSERT_EQ(following.size(), 1u);
  EXPECT_EQ(following[0].as_object()["handle"].as_string(), "ada");
  auto following_feed = object_of(bob.get("/api/v1/feed/following"))["items"].as_array();
  ASSERT_EQ(following_feed.size(), 1u);
  EXPECT_EQ(following_feed[0].as_object()["id"].as_string(), video);

  // A remix: its source is named on it, and it is listed and counted on the source.
  json::object remix_order = small_order("the fox again, at night");
  remix_order["remix_of"] = video;
  const std::string remix = bob.publish_new(remix_order);
  auto remix_json = object_of(anonymous.get("/api/v1/videos/" + remix));
  EXPECT_EQ(remix_json["remix_of"].as_string(), video);
  auto source = remix_json["remix_source"].as_object();
  EXPECT_EQ(source["id"].as_string(), video);
  EXPECT_EQ(source["creator_handle"].as_string(), "ada");
  EXPECT_TRUE(object_of(anonymous.get(base))["remix_source"].is_null());
  auto remixes = object_of(anonymous.get(base + "/remixes"))["items"].as_array();
  ASSERT_EQ(remixes.size(), 1u);
  EXPECT_EQ(remixes[0].as_object()["id"].as_string(), remix);
  EXPECT_EQ(object_of(anonymous.get(base))["remixes"].as_int64(), 1);
  auto bobs_videos = object_of(anonymous.get("/api/v1/users/bobby/videos"))["items"].as_array();
  ASSERT_EQ(bobs_videos.size(), 1u);
  EXPECT_EQ(bobs_videos[0].as_object()["id"].as_string(), remix);

  // Unlike and unfollow undo it all.
  EXPECT_EQ(bob.del(base + "/like").body, R"({"liked":false,"likes":0})");
  EXPECT_EQ(bob.del("/api/v1/users/ada/follow").body, R"({"following":false,"followers":0})");
  EXPECT_TRUE(object_of(bob.get("/api/v1/feed/following"))["items"].as_array().empty());
}

TEST_F(Social, LoggedOutVisitorsAreAskedToLogIn) {
  testing::HttpClient anonymous("127.0.0.1", port());
  using boost::beast::http::verb;
  for (auto [method, target] : std::vector<std::pair<verb, std::string>>{
           {verb::put, "/api/v1/videos/vid_x/like"},
           {verb::delete_, "/api/v1/videos/vid_x/like"},
           {verb::post, "/api/v1/videos/vid_x/comments"},
           {verb::delete_, "/api/v1/comments/cmt_x"},
           {verb::put, "/api/v1/users/ada/follow"},
           {verb::delete_, "/api/v1/users/ada/follow"},
           {verb::patch, "/api/v1/me"},
           {verb::put, "/api/v1/me/avatar"},
           {verb::get, "/api/v1/feed/following"},
       }) {
    SCOPED_TRACE(target);
    expect_api_error(anonymous.request(method, target, "{}"), 401, "unauthenticated");
  }
}

TEST_F(Social, CookieRequestsThatChangeStateNeedTheCsrfToken) {
  ApiUser carl(port(), "carl");
  ApiUser dora(port(), "dora");
  testing::HttpClient browser("127.0.0.1", port());
  auto response = browser.request(boost::beast::http::verb::put, "/api/v1/users/dora/follow", "",
                                  {{"Cookie", "dreamfeed_session=" + carl.token()}});
  expect_api_error(response, 403, "forbidden");
  EXPECT_EQ(object_of(dora.get("/api/v1/users/dora"))["followers"].as_int64(), 0);
}

TEST_F(Social, BadSocialRequestsSayWhatIsWrong) {
  ApiUser eve(port(), "eve");
  ApiUser fay(port(), "fay");
  testing::HttpClient anonymous("127.0.0.1", port());

  expect_api_error(anonymous.get("/api/v1/users/nobody_here"), 404, "not_found");
  expect_api_error(anonymous.get("/api/v1/users/nobody_here/videos"), 404, "not_found");
  expect_api_error(anonymous.get("/api/v1/users/nobody_here/followers"), 404, "not_found");
  expect_api_error(eve.put("/api/v1/users/nobody_here/follow"), 404, "not_found");
  expect_api_error(eve.put("/api/v1/users/eve/follow"), 400, "invalid_argument", "handle");
  expect_api_error(eve.put("/api/v1/videos/vid_nope/like"), 404, "not_found");
  expect_api_error(anonymous.get("/api/v1/videos/vid_nope/comments"), 404, "not_found");
  expect_api_error(anonymous.get("/api/v1/videos/vid_nope/remixes"), 404, "not_found");
  expect_api_error(anonymous.get("/api/v1/users/eve/videos?limit=abc"), 400, "invalid_argument",
                   "limit");
  expect_api_error(anonymous.get("/api/v1/users/eve/followers?limit=0"), 400, "invalid_argument",
                   "limit");
  expect_api_error(anonymous.get("/api/v1/users/eve/following?cursor=%25%25"), 400,
                   "invalid_argument", "cursor");
  expect_api_error(eve.get("/api/v1/feed/following?limit=51"), 400, "invalid_argument", "limit");

  // Another person's draft does not exist for anyone else.
  auto job = fay.wait_for_job(fay.order(small_order("a private sketch")), "succeeded");
  const std::string draft = job["video_id"].as_string().c_str();
  expect_api_error(eve.put("/api/v1/videos/" + draft + "/like"), 404, "not_found");
  expect_api_error(eve.post("/api/v1/videos/" + draft + "/comments", R"({"text": "hi"})"), 404,
                   "not_found");

  const std::string video = fay.publish_new(small_order("a public sketch"));
  const std::string comments = "/api/v1/videos/" + video + "/comments";
  expect_api_error(eve.post(comments, "{}"), 400, "invalid_argument", "text");
  expect_api_error(eve.post(comments, R"({"text": 5})"), 400, "invalid_argument", "text");
  expect_api_error(eve.post(comments, R"({"text": "   "})"), 400, "invalid_argument", "text");
  expect_api_error(
      eve.post(comments, json::serialize(json::object{{"text", std::string(501, 'x')}})), 400,
      "invalid_argument", "text");
  expect_api_error(eve.post(comments, "{\"text\": "), 400, "invalid_argument");
  EXPECT_EQ(object_of(anonymous.get("/api/v1/videos/" + video))["comments"].as_int64(), 0);
}

TEST_F(Social, ProfileEditsAreCheckedAndShownEverywhere) {
  ApiUser gil(port(), "gil");
  auto edited = gil.patch("/api/v1/me", R"({"display_name": "  Gil G. ", "bio": "I draw foxes"})");
  ASSERT_EQ(edited.status, 200) << edited.body;
  auto user = object_of(edited)["user"].as_object();
  EXPECT_EQ(user["display_name"].as_string(), "Gil G.");
  EXPECT_EQ(user["bio"].as_string(), "I draw foxes");
  auto me = object_of(gil.get("/api/v1/me"));
  EXPECT_EQ(me["user"].as_object()["display_name"].as_string(), "Gil G.");
  EXPECT_FALSE(me["user"].as_object()["is_admin"].as_bool());
  EXPECT_FALSE(me["csrf_token"].as_string().empty());
  testing::HttpClient anonymous("127.0.0.1", port());
  EXPECT_EQ(object_of(anonymous.get("/api/v1/users/gil"))["bio"].as_string(), "I draw foxes");

  expect_api_error(gil.patch("/api/v1/me", R"({"display_name": "x", "age": 3, "mood": "ok"})"), 400,
                   "invalid_argument", "age, mood");
  expect_api_error(gil.patch("/api/v1/me", R"({"display_name": 7})"), 400, "invalid_argument",
                   "display_name");
  expect_api_error(gil.patch("/api/v1/me", R"({"display_name": ""})"), 400, "invalid_argument",
                   "display_name");
  expect_api_error(gil.patch("/api/v1/me",
                             json::serialize(json::object{{"display_name", std::string(51, 'g')}})),
                   400, "invalid_argument", "display_name");
  expect_api_error(
      gil.patch("/api/v1/me", json::serialize(json::object{{"bio", std::string(161, 'b')}})), 400,
      "invalid_argument", "bio");
  expect_api_error(gil.patch("/api/v1/me", "[]"), 400, "invalid_argument");
  EXPECT_EQ(object_of(anonymous.get("/api/v1/users/gil"))["display_name"].as_string(), "Gil G.");
}

TEST_F(Social, AnAvatarIsCroppedToA256PixelSquareJpeg) {
  ApiUser hal(port(), "hal");
  // 320×200: red on the left, blue on the right of x = 160, so the centre square (x 60–260)
  // is half red, half blue.
  RgbImage picture;
  picture.width = 320;
  picture.height = 200;
  picture.rgb.resize(320 * 200 * 3);
  for (int y = 0; y < 200; ++y) {
    for (int x = 0; x < 320; ++x) {
      std::uint8_t* p = picture.rgb.data() + (y * 320 + x) * 3;
      p[0] = x < 160 ? 220 : 20;
      p[2] = x < 160 ? 20 : 220;
    }
  }
  ASSERT_TRUE(write_jpeg(picture, 320, 200, dir() / "upload.jpg"));
  std::ifstream in(dir() / "upload.jpg", std::ios::binary);
  const std::string upload((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

  auto response = hal.put("/api/v1/me/avatar", upload, "image/jpeg");
  ASSERT_EQ(response.status, 200) << response.body;
  const std::string url = object_of(response)["user"].as_object()["avatar_url"].as_string().c_str();
  EXPECT_TRUE(url.starts_with("/media/avatars/")) << url;
  testing::HttpClient anonymous("127.0.0.1", port());
  EXPECT_EQ(object_of(anonymous.get("/api/v1/users/hal"))["avatar_url"].as_string(), url);

  auto avatar = anonymous.get(url);
  ASSERT_EQ(avatar.status, 200);
  EXPECT_EQ(avatar.header("Content-Type"), "image/jpeg");
  std::ofstream(dir() / "avatar.jpg", std::ios::binary) << avatar.body;
  auto decoded = decode_video_frame_rgb(dir() / "avatar.jpg", 0);
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->width, 256);
  EXPECT_EQ(decoded->height, 256);
  EXPECT_GT(decoded->pixel(40, 128)[0], 150);  // red half
  EXPECT_LT(decoded->pixel(40, 128)[2], 100);
  EXPECT_GT(decoded->pixel(216, 128)[2], 150);  // blue half
  EXPECT_LT(decoded->pixel(216, 128)[0], 100);

  // A second upload changes the URL, so caches fetch the new picture.
  auto again = hal.put("/api/v1/me/avatar", upload, "image/jpeg");
  EXPECT_NE(object_of(again)["user"].as_object()["avatar_url"].as_string(), url);

  expect_api_error(hal.put("/api/v1/me/avatar", upload, "text/plain"), 415,
                   "unsupported_media_type");
  expect_api_error(hal.put("/api/v1/me/avatar", "not an image at all", "image/png"), 400,
                   "invalid_argument");
  EXPECT_EQ(hal.put("/api/v1/me/avatar", std::string(2'000'001, 'x'), "image/png").status, 413);
}

// The server remembers checked sessions and published clips' records for a while
// (--session-cache-ms, --clip-cache-ms); each change below is made after the feed and
// the session were read, so a remembered copy would show if it were not forgotten.
TEST_F(Social, ChangesShowAtOnceInTheSignedInFeedAndSessions) {
  ApiUser ivy(port(), "ivy");
  ApiUser jon(port(), "jon");
  const std::string video = ivy.publish_new(small_order("a blue whale sings at dawn"));
  const std::string base = "/api/v1/videos/" + video;
  auto item_in_feed = [&](ApiUser& viewer, std::string_view query) -> std::optional<json::object> {
    auto page = object_of(viewer.get("/api/v1/feed?limit=50" + std::string(query)));
    for (auto& item : page["items"].as_array()) {
      if (item.as_object()["id"].as_string() == video) return item.as_object();
    }
    return std::nullopt;
  };
  for (std::string_view query : {"", "&order=newest"}) {
    SCOPED_TRACE(query.empty() ? "For You" : "newest first");
    auto before = item_in_feed(jon, query);
    ASSERT_TRUE(before);
    EXPECT_FALSE((*before)["liked_by_me"].as_bool());
    ASSERT_EQ(jon.put(base + "/like").status, 200);
    auto liked = item_in_feed(jon, query);
    ASSERT_TRUE(liked);
    EXPECT_EQ((*liked)["likes"].as_int64(), 1);
    EXPECT_TRUE((*liked)["liked_by_me"].as_bool());
    ASSERT_EQ(jon.del(base + "/like").status, 200);
    auto unliked = item_in_feed(jon, query);
    ASSERT_TRUE(unliked);
    EXPECT_EQ((*unliked)["likes"].as_int64(), 0);
    EXPECT_FALSE((*unliked)["liked_by_me"].as_bool());
  }

  ASSERT_EQ(ivy.patch("/api/v1/me", R"({"display_name": "Ivy the Whale"})").status, 200);
  EXPECT_EQ((*item_in_feed(jon, ""))["creator"].as_object()["display_name"].as_string(),
            "Ivy the Whale");
  EXPECT_EQ(object_of(ivy.get("/api/v1/me"))["user"].as_object()["display_name"].as_string(),
            "Ivy the Whale");
  ASSERT_EQ(jon.put("/api/v1/users/ivy/follow").status, 200);
  EXPECT_EQ(object_of(jon.get("/api/v1/me"))["user"].as_object()["following"].as_int64(), 1);

  ASSERT_EQ(ivy.del(base).status, 204);
  EXPECT_FALSE(item_in_feed(jon, ""));
  EXPECT_FALSE(item_in_feed(jon, "&order=newest"));
  expect_api_error(jon.get(base), 404, "not_found");

  ASSERT_EQ(jon.post("/api/v1/auth/logout").status, 204);
  expect_api_error(jon.get("/api/v1/me"), 401, "unauthenticated");
  expect_api_error(jon.put("/api/v1/users/ivy/follow"), 401, "unauthenticated");
}

TEST(SocialAllowance, RunningOutIs429WithTheMessageAndMeShowsWhatIsLeft) {
  testing::TempDir dir;
  testing::ServerProcess server(
      {.data_dir = dir / "data", .workers = 0, .extra_arguments = {"--monthly-generations", "1"}});
  ApiUser ida(server.port(), "ida");
  auto allowance = object_of(ida.get("/api/v1/me"))["allowance"].as_object();
  EXPECT_EQ(allowance["monthly_limit"].as_int64(), 1);
  EXPECT_EQ(allowance["remaining"].as_int64(), 1);
  EXPECT_EQ(allowance["used"].as_int64(), 0);
  EXPECT_TRUE(allowance["resets_at"].as_string().ends_with("-01T00:00:00.000Z"));

  ida.order({{"prompt", "one fox"}});
  auto refused = ida.post("/api/v1/videos", R"({"prompt": "another fox"})");
  expect_api_error(refused, 429, "quota_exhausted");
  EXPECT_EQ(object_of(refused)["error"].as_object()["message"].as_string(),
            "You have no generations left this month");
  allowance = object_of(ida.get("/api/v1/me"))["allowance"].as_object();
  EXPECT_EQ(allowance["used"].as_int64(), 1);
  EXPECT_EQ(allowance["remaining"].as_int64(), 0);
}

}  // namespace
}  // namespace dreamfeed
