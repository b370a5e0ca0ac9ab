// The For You feed through the real binary: events in batches (with per-item rejections
// and duplicates), reasons on every ranked item, steering in plain words, the daily watch
// limit, hidden creators, and the ranking's state surviving a restart.
#include <gtest/gtest.h>

#include <chrono>
#include <set>

#include "api_client.h"
#include "server_process.h"
#include "support/temp_dir.h"

namespace dreamfeed {
namespace {

namespace json = boost::json;
using testing::ApiUser;
using testing::ClientResponse;
using testing::expect_api_error;
using testing::object_of;
using testing::small_order;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

json::object watch(const std::string& id, const std::string& video, std::int64_t watched_ms) {
  return {{"id", id},
          {"type", "watch"},
          {"video_id", video},
          {"at", now_ms()},
          {"watched_ms", watched_ms},
          {"duration_ms", 4000},
          {"completed", watched_ms >= 4000}};
}

ClientResponse send_events(ApiUser& user, const json::array& events) {
  return user.post("/api/v1/events", json::serialize(json::object{{"events", events}}));
}

json::array feed_items(ApiUser& user, const std::string& query = "") {
  auto page = user.get("/api/v1/feed" + query);
  EXPECT_EQ(page.status, 200) << page.body;
  return object_of(page)["items"].as_array();
}

std::string reason_of(const json::array& items, const std::string& video) {
  for (const auto& item : items) {
    if (item.as_object().at("id").as_string() == video) {
      return std::string(item.as_object().at("reason").as_string());
    }
  }
  return "(not on the page)";
}

// One server and three published clips (horses, space, cars) by one creator for the suite.
class ForYou : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    server_ = new testing::ServerProcess(testing::quick_generating_server(*dir_ / "data"));
    creator_ = new ApiUser(server_->port(), "maker");
    horse_ = creator_->publish_new(small_order("a brown horse runs on a beach"));
    rocket_ = creator_->publish_new(small_order("a rocket flies past the moon in space"));
    car_ = creator_->publish_new(small_order("a red car drives down a city street"));
  }
  static void TearDownTestSuite() {
    delete creator_;
    delete server_;
    delete dir_;
  }
  static std::uint16_t port() { return server_->port(); }

  static inline testing::TempDir* dir_ = nullptr;
  static inline testing::ServerProcess* server_ = nullptr;
  static inline ApiUser* creator_ = nullptr;
  static inline std::string horse_, rocket_, car_;
};

TEST_F(ForYou, EveryRankedItemSaysWhyItIsThere) {
  ApiUser viewer(port(), "reasons");
  auto page = object_of(viewer.get("/api/v1/feed"));
  auto items = page["items"].as_array();
  ASSERT_EQ(items.size(), 3u) << json::serialize(page);
  for (const auto& item : items) {
    EXPECT_FALSE(item.as_object().at("reason").as_string().empty()) << json::serialize(item);
  }
  EXPECT_FALSE(page["limit_reached"].as_bool());
  EXPECT_TRUE(page["message"].is_null());
  EXPECT_TRUE(page["next_cursor"].is_null()) << "three clips fit on one page";

  // The creator is never recommended their own clips.
  EXPECT_TRUE(feed_items(*creator_).empty());

  // Visitors get the ranking's page for nobody in particular, with reasons too.
  testing::HttpClient visitor("127.0.0.1", port());
  auto visitor_items = visitor.get("/api/v1/feed").json().as_object()["items"].as_array();
  EXPECT_EQ(visitor_items.size(), 3u);
}

TEST_F(ForYou, PagesOfAScrollNeverRepeatAClip) {
  ApiUser viewer(port(), "scroller");
  auto first = object_of(viewer.get("/api/v1/feed?limit=2"));
  ASSERT_EQ(first["items"].as_array().size(), 2u);
  ASSERT_TRUE(first["next_cursor"].is_string());
  auto second = object_of(
      viewer.get("/api/v1/feed?limit=2&cursor=" + std::string(first["next_cursor"].as_string())));
  std::set<std::string> seen;
  for (const auto& page : {first, second}) {
    for (const auto& item : page.at("items").as_array()) {
      EXPECT_TRUE(seen.insert(std::string(item.as_object().at("id").as_string())).second)
          << "a clip came twice: " << json::serialize(item);
    }
  }
  EXPECT_EQ(seen.size(), 3u);
  EXPECT_TRUE(second["next_cursor"].is_null());
}

TEST_F(ForYou, EventBatchesKeepTheGoodItemsAndSayWhyTheOthersWereRefused) {
  ApiUser viewer(port(), "watcher");
  json::array batch{
      watch("w1", horse_, 4000),
      json::object{{"id", "w2"}, {"type", "wave"}, {"video_id", horse_}, {"at", now_ms()}},
      json::object{{"id", "w3"}, {"type", "impression"}, {"video_id", rocket_}, {"at", -5}},
      json::object{
          {"id", "w4"}, {"type", "impression"}, {"video_id", "vid_nothere"}, {"at", now_ms()}},
      json::object{{"id", "w5"},
                   {"type", "impression"},
                   {"video_id", rocket_},
                   {"at", now_ms() + 3'600'000}},
      json::string("not an event"),
      json::object{{"id", "w7"}, {"type", "impression"}, {"video_id", car_}},
      json::object{{"id", "w8"}, {"type", "impression"}, {"video_id", car_}, {"at", "soon"}},
      json::object{{"id", "w9"}, {"type", "comment"}, {"video_id", car_}, {"at", now_ms()}},
      json::object{{"id", "w10"}, {"type", "impression"}, {"video_id", rocket_}, {"at", now_ms()}},
  };
  auto reply = send_events(viewer, batch);
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto report = object_of(reply);
  EXPECT_EQ(report["accepted"].as_int64(), 2) << reply.body;
  EXPECT_EQ(report["duplicates"].as_int64(), 0);
  auto rejected = report["rejected"].as_array();
  ASSERT_EQ(rejected.size(), 8u) << reply.body;
  const std::vector<std::pair<std::int64_t, std::string>> expected{
      {1, "unknown type"}, {2, "negative time"},  {3, "unknown clip"},          {4, "future"},
      {5, "JSON object"},  {6, "at is required"}, {7, "at must be an integer"}, {8, "comment"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    auto item = rejected[i].as_object();
    EXPECT_EQ(item["index"].as_int64(), expected[i].first) << reply.body;
    EXPECT_NE(std::string(item["reason"].as_string()).find(expected[i].second), std::string::npos)
        << "item " << expected[i].first << ": " << json::serialize(item);
  }
  EXPECT_EQ(rejected[0].as_object()["id"].as_string(), "w2");

  // The same batch again (a retry after a lost reply) counts nothing twice.
  auto again = object_of(send_events(viewer, batch));
  EXPECT_EQ(again["accepted"].as_int64(), 0);
  EXPECT_EQ(again["duplicates"].as_int64(), 2);

  // What was accepted shows: the finished clip is not recommended again, the rest are.
  auto items = feed_items(viewer);
  EXPECT_EQ(reason_of(items, horse_), "(not on the page)") << "a finished clip counts as seen";
}

TEST_F(ForYou, MalformedBatchesAreRefusedWhole) {
  ApiUser viewer(port(), "sloppy");
  expect_api_error(viewer.post("/api/v1/events", "{\"events\": "), 400, "invalid_argument");
  expect_api_error(viewer.post("/api/v1/events", R"({"events": {"id": "x"}})"), 400,
                   "invalid_argument", "events");
  expect_api_error(viewer.post("/api/v1/events", "{}"), 400, "invalid_argument", "events");
  json::array too_many;
  for (int i = 0; i < 201; ++i) too_many.push_back(watch("many" + std::to_string(i), car_, 500));
  expect_api_error(send_events(viewer, too_many), 400, "invalid_argument", "events");
  // Nothing of a refused batch was kept: the same events are new afterwards.
  too_many.erase(too_many.begin() + 1, too_many.end());
  EXPECT_EQ(object_of(send_events(viewer, too_many))["accepted"].as_int64(), 1);

  testing::HttpClient visitor("127.0.0.1", port());
  EXPECT_EQ(visitor.post("/api/v1/events", R"({"events": []})").status, 401);
}

TEST_F(ForYou, SteeringInPlainWordsChangesTheFeedAndCanBeCleared) {
  ApiUser viewer(port(), "steerer");
  EXPECT_EQ(viewer.get("/api/v1/me/steering").status, 404);
  auto set = viewer.put("/api/v1/me/steering", R"({"text": "more space please, less cars"})");
  ASSERT_EQ(set.status, 200) << set.body;
  auto steering = object_of(set);
  EXPECT_EQ(steering["text"].as_string(), "more space please, less cars");
  EXPECT_NE(std::string(steering["understood"].as_string()).find("space"), std::string::npos)
      << set.body;
  EXPECT_EQ(object_of(viewer.get("/api/v1/me/steering")), steering);

  auto items = feed_items(viewer);
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items[0].as_object().at("id").as_string(), rocket_) << json::serialize(items);
  EXPECT_EQ(reason_of(items, rocket_), "you asked for more space");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[2].as_object().at("id").as_string(), car_)
      << "less cars: the car clip comes last " << json::serialize(items);

  expect_api_error(viewer.put("/api/v1/me/steering", R"({"text": ""})"), 400, "invalid_argument",
                   "text");
  expect_api_error(viewer.put("/api/v1/me/steering", R"({"words": "more space"})"), 400,
                   "invalid_argument", "text");
  EXPECT_EQ(object_of(viewer.get("/api/v1/me/steering")), steering) << "a refused edit keeps it";

  EXPECT_EQ(viewer.del("/api/v1/me/steering").status, 204);
  EXPECT_EQ(viewer.get("/api/v1/me/steering").status, 404);
  EXPECT_EQ(feed_items(viewer).size(), 3u);
}

TEST_F(ForYou, TheFeedEndsWithAMessageAtTheDailyLimit) {
  ApiUser viewer(port(), "limited");
  EXPECT_EQ(viewer.get("/api/v1/me/wellbeing").body,
            R"({"daily_limit_minutes":0,"watched_today_minutes":0,"utc_offset_minutes":0})");
  expect_api_error(viewer.put("/api/v1/me/wellbeing", R"({"daily_limit_minutes": 1441})"), 400,
                   "invalid_argument", "daily_limit_minutes");
  expect_api_error(viewer.put("/api/v1/me/wellbeing", R"({"daily_limit_minutes": -1})"), 400,
                   "invalid_argument", "daily_limit_minutes");
  expect_api_error(viewer.put("/api/v1/me/wellbeing", "{}"), 400, "invalid_argument",
                   "daily_limit_minutes");
  for (const char* offset : {"841", "-721", "\"+02:00\""}) {
    expect_api_error(
        viewer.put(
            "/api/v1/me/wellbeing",
            std::string(R"({"daily_limit_minutes": 5, "utc_offset_minutes": )") + offset + "}"),
        400, "invalid_argument", "utc_offset_minutes");
  }
  EXPECT_EQ(viewer.get("/api/v1/me/wellbeing").body,
            R"({"daily_limit_minutes":0,"watched_today_minutes":0,"utc_offset_minutes":0})")
      << "a refused setting changes nothing";
  // The app sends its clock; the limit then counts the viewer's own day.
  auto set =
      viewer.put("/api/v1/me/wellbeing", R"({"daily_limit_minutes": 1, "utc_offset_minutes": 60})");
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.body,
            R"({"daily_limit_minutes":1,"watched_today_minutes":0,"utc_offset_minutes":60})");
  EXPECT_EQ(feed_items(viewer).size(), 3u) << "under the limit the feed goes on";

  // A minute of watching (a long loop of one clip).
  ASSERT_EQ(object_of(send_events(viewer, json::array{watch("long", car_, 61'000)}))["accepted"],
            1);
  auto page = object_of(viewer.get("/api/v1/feed"));
  EXPECT_TRUE(page["limit_reached"].as_bool()) << json::serialize(page);
  EXPECT_TRUE(page["items"].as_array().empty());
  EXPECT_NE(std::string(page["message"].as_string()).find("daily watch limit"), std::string::npos)
      << json::serialize(page);
  EXPECT_TRUE(page["next_cursor"].is_null());
  EXPECT_EQ(viewer.get("/api/v1/me/wellbeing").body,
            R"({"daily_limit_minutes":1,"watched_today_minutes":1,"utc_offset_minutes":60})");

  // Lifting the limit gives the feed back.
  ASSERT_EQ(viewer.put("/api/v1/me/wellbeing", R"({"daily_limit_minutes": 0})").status, 200);
  EXPECT_FALSE(object_of(viewer.get("/api/v1/feed"))["limit_reached"].as_bool());
}

TEST_F(ForYou, AHiddenCreatorIsNeverShownAgain) {
  ApiUser viewer(port(), "hider");
  ASSERT_EQ(feed_items(viewer).size(), 3u);
  auto hidden = send_events(viewer, json::array{json::object{
                                        {"id", "h1"},
                                        {"type", "hide_creator"},
                                        {"video_id", horse_},
                                        {"at", now_ms()},
                                    }});
  ASSERT_EQ(object_of(hidden)["accepted"].as_int64(), 1) << hidden.body;
  EXPECT_TRUE(feed_items(viewer).empty());
}

TEST_F(ForYou, ANewClipFromSomeoneYouFollowIsShownAtOnceAndSaysSo) {
  ApiUser fan(port(), "fan");
  ASSERT_EQ(fan.put("/api/v1/users/maker/follow").status, 200);
  const std::string fresh = creator_->publish_new(small_order("a cat sleeps on a sofa"));
  EXPECT_EQ(reason_of(feed_items(fan), fresh), "new from someone you follow");
  ASSERT_EQ(creator_->del("/api/v1/videos/" + fresh).status, 204);
  EXPECT_EQ(reason_of(feed_items(fan), fresh), "(not on the page)") << "deleted clips go at once";
}

// What one viewer taught the ranking on a first server: a published clip they finished,
// steering "more animals", a 30-minute daily limit. The server is then stopped by `stop`.
struct Taught {
  std::string video;
  std::string token;
};
template <class Stop>
Taught teach_the_ranking(const testing::ServerProcessOptions& options, Stop stop) {
  testing::ServerProcess server(options);
  ApiUser maker(server.port(), "maker");
  Taught taught{maker.publish_new(small_order("a dog runs in a park")), ""};
  ApiUser viewer(server.port(), "viewer");
  taught.token = viewer.token();
  EXPECT_EQ(viewer.put("/api/v1/me/steering", R"({"text": "more animals"})").status, 200);
  EXPECT_EQ(
      viewer
          .put("/api/v1/me/wellbeing", R"({"daily_limit_minutes": 30, "utc_offset_minutes": -300})")
          .status,
      200);
  EXPECT_EQ(
      object_of(send_events(viewer, json::array{watch("before", taught.video, 4000)}))["accepted"],
      1);
  stop(server);
  return taught;
}

// The viewer of teach_the_ranking, on the restarted server, finds all of it.
void expect_taught(std::uint16_t port, const Taught& taught) {
  testing::HttpClient viewer("127.0.0.1", port);
  const std::vector<std::pair<std::string, std::string>> auth{
      {"Authorization", "Bearer " + taught.token}};
  EXPECT_EQ(viewer.get("/api/v1/me/steering", auth).json().as_object()["text"], "more animals");
  auto wellbeing = viewer.get("/api/v1/me/wellbeing", auth).json().as_object();
  EXPECT_EQ(wellbeing["daily_limit_minutes"], 30);
  EXPECT_EQ(wellbeing["utc_offset_minutes"], -300);
  auto again = viewer.post(
      "/api/v1/events",
      json::serialize(json::object{{"events", json::array{watch("before", taught.video, 4000)}}}),
      auth);
  EXPECT_EQ(again.json().as_object()["duplicates"], 1) << "the event ids were kept: " << again.body;
  EXPECT_TRUE(viewer.get("/api/v1/feed", auth).json().as_object()["items"].as_array().empty())
      << "the clip watched before the restart counts as seen";
}

TEST(ForYouRestart, WhatTheRankingLearnedSurvivesARestart) {
  testing::TempDir dir;
  const auto options = testing::quick_generating_server(dir / "data");
  const Taught taught = teach_the_ranking(
      options, [](testing::ServerProcess& server) { EXPECT_EQ(server.stop(), 0); });
  testing::ServerProcess server(options);
  expect_taught(server.port(), taught);
  // The catalogue was read back from the database: a visitor sees the clip.
  testing::HttpClient visitor("127.0.0.1", server.port());
  EXPECT_EQ(visitor.get("/api/v1/feed").json().as_object()["items"].as_array().size(), 1u);
}

TEST(ForYouRestart, NothingTheRankingLearnedIsLostWhenTheServerIsKilled) {
  testing::TempDir dir;
  const auto options = testing::quick_generating_server(dir / "data");
  // SIGKILL: no snapshot at shutdown, only the event log has what the viewer did.
  const Taught taught =
      teach_the_ranking(options, [](testing::ServerProcess& server) { server.kill_hard(); });
  testing::ServerProcess server(options);
  // The maker's order (it ends a "create something" nudge), steering, limit, the batch.
  EXPECT_NE(server.log().find("4 changes replayed"), std::string::npos) << server.log();
  expect_taught(server.port(), taught);
}

}  // namespace
}  // namespace dreamfeed
