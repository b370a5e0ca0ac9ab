// GenerationWorker: a queued job becomes a stored draft; failures, cancellation,
// shutdown and lost leases each end the way the job's owner would expect.
#include "services/studio/generation_worker.h"

#include "studio_fixture.h"

namespace dreamfeed {
namespace {

using testing::StudioFixture;

TEST_F(StudioFixture, WorkerTurnsAJobIntoAStoredPrivateDraft) {
  auto ordered = studio->order_video(alice, order()).value();
  EXPECT_EQ(ordered.job.status, JobStatus::queued);
  EXPECT_EQ(ordered.queue_position, 1);

  auto worker = make_worker();
  ASSERT_EQ(worker->run_next().value(), WorkOutcome::succeeded);

  auto job = studio->job(alice, ordered.job.id).value().job;
  EXPECT_EQ(job.status, JobStatus::succeeded);
  EXPECT_EQ(job.progress, 100);
  ASSERT_TRUE(job.video_id.has_value());
  auto video = studio->video(&alice, *job.video_id).value();
  EXPECT_EQ(video.status, VideoStatus::draft);
  EXPECT_EQ(video.prompt, "a red fox jumps over a fence");
  EXPECT_EQ(video.width, 480);
  EXPECT_EQ(video.height, 480);
  EXPECT_EQ(video.seed, 42u);
  EXPECT_EQ(video.backend, "scripted");
  EXPECT_EQ(video.scene_json, R"({"engine":"scripted"})");
  auto file = blobs->locate(video.video_key);
  ASSERT_TRUE(file.ok());
  std::ifstream in(*file->local_file);
  std::string content;
  std::getline(in, content);
  EXPECT_EQ(content, "frames=96") << "every frame of a 4 s clip reached the encoder";
  EXPECT_TRUE(blobs->locate(video.thumbnail_key).ok());
  EXPECT_TRUE(std::filesystem::is_empty(dir / "scratch")) << "scratch files are cleaned up";
  EXPECT_EQ(worker->run_next().value(), WorkOutcome::idle);
}

TEST_F(StudioFixture, BadInputFailsAtOnceWithoutRetry) {
  auto ordered = studio->order_video(alice, order()).value();
  backend.failures_left = 1;
  backend.failure_code = ErrorCode::invalid_argument;
  ASSERT_EQ(make_worker()->run_next().value(), WorkOutcome::failed);
  auto job = studio->job(alice, ordered.job.id).value().job;
  EXPECT_EQ(job.status, JobStatus::failed);
  EXPECT_EQ(job.error, "scripted failure");
  EXPECT_EQ(job.attempts, 1);
}

TEST_F(StudioFixture, TransientFailureIsRetriedAndThenSucceeds) {
  auto ordered = studio->order_video(alice, order()).value();
  backend.failures_left = 1;
  auto worker = make_worker();
  ASSERT_EQ(worker->run_next().value(), WorkOutcome::failed);
  EXPECT_EQ(studio->job(alice, ordered.job.id)->job.status, JobStatus::queued);
  ASSERT_EQ(worker->run_next().value(), WorkOutcome::succeeded);
  auto job = studio->job(alice, ordered.job.id).value().job;
  EXPECT_EQ(job.status, JobStatus::succeeded);
  EXPECT_EQ(job.attempts, 2);
}

TEST_F(StudioFixture, RetriesAreBounded) {
  auto ordered = studio->order_video(alice, order()).value();
  backend.failures_left = 100;
  auto worker = make_worker();
  for (int i = 0; i < 3; ++i) ASSERT_EQ(worker->run_next().value(), WorkOutcome::failed);
  EXPECT_EQ(worker->run_next().value(), WorkOutcome::idle);
  auto job = studio->job(alice, ordered.job.id).value().job;
  EXPECT_EQ(job.status, JobStatus::failed);
  EXPECT_EQ(job.attempts, 3);
  EXPECT_EQ(backend.calls, 3);
}

TEST_F(StudioFixture, CancellingMidRenderStopsTheWorkerAndMakesNoVideo) {
  auto ordered = studio->order_video(alice, order()).value();
  backend.before_progress = [&](int percent) {
    if (percent == 30) {
      ASSERT_TRUE(studio->cancel_job(alice, ordered.job.id).ok());
    }
  };
  ASSERT_EQ(make_worker()->run_next().value(), WorkOutcome::cancelled);
  auto job = studio->job(alice, ordered.job.id).value().job;
  EXPECT_EQ(job.status, JobStatus::cancelled);
  EXPECT_FALSE(job.video_id.has_value());
  EXPECT_TRUE(studio->drafts(alice)->empty());
  EXPECT_FALSE(std::filesystem::exists(dir / "media" / "videos") &&
               !std::filesystem::is_empty(dir / "media" / "videos"));
}

TEST_F(StudioFixture, StoppingAWorkerGivesTheJobBackWithoutSpendingAnAttempt) {
  auto ordered = studio->order_video(alice, order()).value();
  auto worker = make_worker();
  backend.before_progress = [&](int percent) {
    if (percent == 50) worker->request_stop();
  };
  ASSERT_EQ(worker->run_next().value(), WorkOutcome::released);
  auto job = studio->job(alice, ordered.job.id).value();
  EXPECT_EQ(job.job.status, JobStatus::queued);
  EXPECT_EQ(job.job.attempts, 0);
  EXPECT_EQ(job.queue_position, 1);

  backend.before_progress = nullptr;
  ASSERT_EQ(make_worker("worker-2")->run_next().value(), WorkOutcome::succeeded);
}

TEST_F(StudioFixture, AWorkerThatLostItsLeaseStopsAndTheNewOwnerFinishes) {
  auto ordered = studio->order_video(alice, order()).value();
  auto first = make_worker("slow-worker");
  auto second = make_worker("second-worker");
  backend.before_progress = [&](int percent) {
    if (percent != 20) return;
    // The first worker stalls past its lease; the second one takes the job over.
    clock.advance_ms(11'000);
    backend.before_progress = nullptr;
    EXPECT_EQ(second->run_next().value(), WorkOutcome::succeeded);
  };
  EXPECT_EQ(first->run_next().value(), WorkOutcome::lease_lost);
  auto job = studio->job(alice, ordered.job.id).value().job;
  EXPECT_EQ(job.status, JobStatus::succeeded);
  EXPECT_EQ(job.attempts, 2);
  EXPECT_EQ(studio->drafts(alice)->size(), 1u) << "exactly one video, from the new owner";
}

}  // namespace
}  // namespace dreamfeed
