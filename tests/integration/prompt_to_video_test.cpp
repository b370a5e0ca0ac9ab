// The spine end to end, against the real binary: a prompt goes in over HTTP, a job is
// queued and rendered, progress streams over SSE, a private draft comes out, it is
// published, appears in the feed, and its MP4 plays (decoded back with libavformat).
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "adapters/media/ffmpeg/media_probe.h"
#include "api_client.h"
#include "server_process.h"
#include "support/temp_dir.h"

namespace dreamfeed {
namespace {

namespace json = boost::json;
using testing::ApiUser;

class PromptToVideo : public ::testing::Test {
 protected:
  testing::TempDir dir;
  testing::ServerProcess server{{.data_dir = dir / "data", .workers = 1}};
};

TEST_F(PromptToVideo, APromptBecomesAPublishedPlayableVideo) {
  ApiUser alice(server.port(), "alice");
  const std::string job_id = alice.order({{"prompt", "a man rides a horse on a beach at sunset"},
                                          {"seconds", 4},
                                          {"aspect", "portrait"},
                                          {"resolution", "480p"},
                                          {"seed", 7}});

  // Progress arrives as Server-Sent Events until the job ends.
  auto events = alice.http().read_event_stream("/api/v1/jobs/" + job_id + "/events", 200,
                                               std::chrono::seconds(120), alice.auth());
  ASSERT_FALSE(events.empty());
  int last_progress = -1;
  for (const std::string& data : events) {
    auto job = json::parse(data).as_object();
    int progress = static_cast<int>(job["progress"].as_int64());
    EXPECT_GE(progress, last_progress) << "progress never goes back";
    last_progress = progress;
  }
  auto final_event = json::parse(events.back()).as_object();
  ASSERT_EQ(final_event["status"].as_string(), "succeeded") << events.back();
  EXPECT_EQ(final_event["progress"].as_int64(), 100);

  auto job = alice.get("/api/v1/jobs/" + job_id).json().as_object();
  EXPECT_EQ(job["status"].as_string(), "succeeded");
  const std::string video_id = job["video_id"].as_string().c_str();

  // A private draft: its creator sees it, nobody else does.
  auto draft = alice.get("/api/v1/videos/" + video_id);
  ASSERT_EQ(draft.status, 200);
  auto video = draft.json().as_object();
  EXPECT_EQ(video["status"].as_string(), "draft");
  EXPECT_EQ(video["prompt"].as_string(), "a man rides a horse on a beach at sunset");
  EXPECT_EQ(video["width"].as_int64(), 480);
  EXPECT_EQ(video["height"].as_int64(), 854);
  EXPECT_EQ(video["seconds"].as_int64(), 4);
  EXPECT_EQ(video["seed"].as_int64(), 7);
  EXPECT_EQ(video["creator"].as_object()["handle"].as_string(), "alice");
  EXPECT_TRUE(video["scene"].is_object()) << "what the generator understood is returned";
  testing::HttpClient anonymous("127.0.0.1", server.port());
  EXPECT_EQ(anonymous.get("/api/v1/videos/" + video_id).status, 404);
  ApiUser bob(server.port(), "bob");
  EXPECT_EQ(bob.get("/api/v1/videos/" + video_id).status, 404);
  EXPECT_EQ(bob.post("/api/v1/videos/" + video_id + "/publish").status, 404);
  EXPECT_EQ(anonymous.get("/api/v1/feed").json().as_object()["items"].as_array().size(), 0u);
  auto drafts = alice.get("/api/v1/me/drafts").json().as_object()["items"].as_array();
  ASSERT_EQ(drafts.size(), 1u);

  // Published: everyone sees it, first in the feed.
  auto published = alice.post("/api/v1/videos/" + video_id + "/publish");
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.json().as_object()["status"].as_string(), "published");
  EXPECT_EQ(anonymous.get("/api/v1/videos/" + video_id).status, 200);
  auto feed = anonymous.get("/api/v1/feed").json().as_object();
  ASSERT_EQ(feed["items"].as_array().size(), 1u)
      << "visitors' cached feed pages go when a video is published";
  EXPECT_EQ(feed["items"].as_array()[0].as_object()["id"].as_string(), video_id);
  EXPECT_TRUE(feed["next_cursor"].is_null());

  // The file plays: served with ranges, decoded back frame by frame.
  const std::string video_url = video["video_url"].as_string().c_str();
  auto head = anonymous.get(video_url, {{"Range", "bytes=0-1023"}});
  EXPECT_EQ(head.status, 206);
  EXPECT_EQ(head.body.size(), 1024u);
  EXPECT_EQ(head.header("Content-Type"), "video/mp4");
  EXPECT_FALSE(head.header("ETag").empty());
  auto whole = anonymous.get(video_url);
  ASSERT_EQ(whole.status, 200);
  EXPECT_EQ(whole.body.substr(0, 1024), head.body);
  std::ofstream(dir / "downloaded.mp4", std::ios::binary) << whole.body;
  auto info = probe_media(dir / "downloaded.mp4");
  ASSERT_TRUE(info.ok()) << info.error().message;
  EXPECT_NEAR(info->duration_seconds, 4.0, 0.1);
  EXPECT_EQ(info->width, 480);
  EXPECT_EQ(info->height, 854);
  EXPECT_NEAR(info->frames_per_second, 24.0, 0.01);
  EXPECT_EQ(info->decoded_video_frames, 96);
  EXPECT_EQ(info->video_codec, "h264");
  EXPECT_EQ(info->audio_codec, "aac");
  EXPECT_TRUE(info->moov_before_mdat);

  auto thumbnail = anonymous.get(video["thumbnail_url"].as_string().c_str());
  ASSERT_EQ(thumbnail.status, 200);
  EXPECT_EQ(thumbnail.header("Content-Type"), "image/jpeg");
  std::ofstream(dir / "thumbnail.jpg", std::ios::binary) << thumbnail.body;
  auto thumbnail_info = probe_media(dir / "thumbnail.jpg");
  ASSERT_TRUE(thumbnail_info.ok());
  EXPECT_EQ(thumbnail_info->height * 480, thumbnail_info->width * 854);

  // Deleting removes the record and the files.
  EXPECT_EQ(bob.del("/api/v1/videos/" + video_id).status, 403);
  EXPECT_EQ(alice.del("/api/v1/videos/" + video_id).status, 204);
  EXPECT_EQ(anonymous.get("/api/v1/videos/" + video_id).status, 404);
  EXPECT_EQ(anonymous.get(video_url).status, 404);
  EXPECT_EQ(anonymous.get("/api/v1/feed").json().as_object()["items"].as_array().size(), 0u)
      << "visitors' cached feed pages go when a video is deleted";
}

TEST_F(PromptToVideo, ProgressIsStreamedWhileALongClipRenders) {
  ApiUser alice(server.port(), "alice");
  // Long enough (seconds of rendering) for several of the stream's half-second polls.
  const std::string job_id = alice.order(
      {{"prompt", "a slow pan over a city at night"}, {"seconds", 12}, {"resolution", "1080p"}});
  auto events = alice.http().read_event_stream("/api/v1/jobs/" + job_id + "/events", 200,
                                               std::chrono::seconds(300), alice.auth());
  ASSERT_FALSE(events.empty());
  std::set<std::int64_t> partial_progress;
  for (const std::string& data : events) {
    auto job = json::parse(data).as_object();
    const std::int64_t progress = job["progress"].as_int64();
    if (job["status"].as_string() == "running" && progress > 0 && progress < 100) {
      partial_progress.insert(progress);
    }
  }
  EXPECT_EQ(json::parse(events.back()).as_object()["status"].as_string(), "succeeded");
  EXPECT_GE(partial_progress.size(), 2u) << "progress between 0 and 100 was streamed";
}

TEST_F(PromptToVideo, ARunningJobCanBeCancelled) {
  ApiUser alice(server.port(), "alice");
  const std::string job_id = alice.order(
      {{"prompt", "a long slow pan over a city"}, {"seconds", 12}, {"resolution", "1080p"}});
  alice.wait_for_job(job_id, "running");
  auto cancelled = alice.post("/api/v1/jobs/" + job_id + "/cancel");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json().as_object()["status"].as_string(), "cancelled");
  EXPECT_EQ(alice.post("/api/v1/jobs/" + job_id + "/cancel").status, 409);
  // The worker notices and moves on to the next job.
  const std::string next = alice.order({{"prompt", "a quick one"}, {"resolution", "480p"}});
  alice.wait_for_job(next, "succeeded");
  auto job = alice.get("/api/v1/jobs/" + job_id).json().as_object();
  EXPECT_EQ(job["status"].as_string(), "cancelled");
  EXPECT_TRUE(job["video_id"].is_null());
  EXPECT_EQ(alice.get("/api/v1/me/drafts").json().as_object()["items"].as_array().size(), 1u);
}

}  // namespace
}  // namespace dreamfeed
