// Nothing a user was told was accepted is lost: a server killed with SIGKILL mid-job
// comes back and the job is leased again after its lease expires and finishes; a
// server stopped with SIGTERM exits cleanly and leaves queued jobs queued.
#include <gtest/gtest.h>

#include "api_client.h"
#include "server_process.h"
#include "support/temp_dir.h"

namespace dreamfeed {
namespace {

using testing::ApiUser;
using testing::ServerProcess;

TEST(Recovery, AJobRunningOnAKilledServerIsLeasedAgainAndFinishes) {
  testing::TempDir dir;
  std::string token, job_id;
  {
    ServerProcess server({.data_dir = dir / "data", .workers = 1, .lease_seconds = 2});
    ApiUser alice(server.port(), "alice");
    token = alice.token();
    job_id =
        alice.order({{"prompt", "a storm over the sea"}, {"seconds", 12}, {"resolution", "720p"}});
    alice.wait_for_job(job_id, "running");
    server.kill_hard();
  }
  ServerProcess restarted({.data_dir = dir / "data", .workers = 1, .lease_seconds = 2});
  testing::HttpClient client("127.0.0.1", restarted.port());
  const std::vector<std::pair<std::string, std::string>> auth = {
      {"Authorization", "Bearer " + token}};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(180);
  boost::json::object job;
  while (std::chrono::steady_clock::now() < deadline) {
    job = client.get("/api/v1/jobs/" + job_id, auth).json().as_object();
    if (job["status"].as_string() == "succeeded" || job["status"].as_string() == "failed") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  ASSERT_EQ(job["status"].as_string(), "succeeded") << boost::json::serialize(job);
  EXPECT_EQ(job["attempts"].as_int64(), 2) << "the killed attempt counts, the second one finished";
  auto video = client.get("/api/v1/videos/" + std::string(job["video_id"].as_string()), auth);
  EXPECT_EQ(video.status, 200);
  EXPECT_EQ(video.json().as_object()["seconds"].as_int64(), 12);
}

TEST(Recovery, SigtermExitsCleanlyAndLeavesQueuedJobsQueued) {
  testing::TempDir dir;
  std::string token;
  std::vector<std::string> jobs;
  {
    ServerProcess server({.data_dir = dir / "data", .workers = 0});
    ApiUser alice(server.port(), "alice");
    token = alice.token();
    for (int i = 0; i < 3; ++i) {
      jobs.push_back(
          alice.order({{"prompt", "clip number " + std::to_string(i)}, {"resolution", "480p"}}));
    }
    // Positions count down from the front of the queue.
    for (int i = 0; i < 3; ++i) {
      EXPECT_EQ(
          alice.get("/api/v1/jobs/" + jobs[i]).json().as_object()["queue_position"].as_int64(),
          i + 1);
    }
    ASSERT_EQ(alice.post("/api/v1/jobs/" + jobs[0] + "/cancel").status, 200);
    EXPECT_EQ(alice.get("/api/v1/jobs/" + jobs[1]).json().as_object()["queue_position"].as_int64(),
              1);
    EXPECT_EQ(alice.get("/api/v1/jobs/" + jobs[0]).json().as_object()["queue_position"].as_int64(),
              0);
    EXPECT_EQ(server.stop(), 0) << server.log();
  }
  ServerProcess restarted({.data_dir = dir / "data", .workers = 1});
  testing::HttpClient client("127.0.0.1", restarted.port());
  const std::vector<std::pair<std::string, std::string>> auth = {
      {"Authorization", "Bearer " + token}};
  EXPECT_EQ(client.get("/api/v1/me", auth).status, 200) << "sessions survive a restart";
  for (int i = 1; i < 3; ++i) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    std::string status;
    while (std::chrono::steady_clock::now() < deadline && status != "succeeded") {
      status = client.get("/api/v1/jobs/" + jobs[i], auth)
                   .json()
                   .as_object()["status"]
                   .as_string()
                   .c_str();
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_EQ(status, "succeeded") << jobs[i];
  }
  EXPECT_EQ(client.get("/api/v1/jobs/" + jobs[0], auth).json().as_object()["status"].as_string(),
            "cancelled");
}

TEST(Recovery, SigtermDuringARenderGivesTheJobBackForTheNextStart) {
  testing::TempDir dir;
  std::string token, job_id;
  {
    ServerProcess server({.data_dir = dir / "data", .workers = 1});
    ApiUser alice(server.port(), "alice");
    token = alice.token();
    job_id = alice.order({{"prompt", "a slow sunrise"}, {"seconds", 12}, {"resolution", "720p"}});
    alice.wait_for_job(job_id, "running");
    EXPECT_EQ(server.stop(), 0) << server.log();
  }
  ServerProcess restarted({.data_dir = dir / "data", .workers = 0});
  testing::HttpClient client("127.0.0.1", restarted.port());
  auto job = client.get("/api/v1/jobs/" + job_id, {{"Authorization", "Bearer " + token}})
                 .json()
                 .as_object();
  EXPECT_EQ(job["status"].as_string(), "queued") << "released at shutdown, not left leased";
  EXPECT_EQ(job["attempts"].as_int64(), 0) << "a shutdown does not spend an attempt";
  EXPECT_EQ(job["queue_position"].as_int64(), 1);
}

}  // namespace
}  // namespace dreamfeed
