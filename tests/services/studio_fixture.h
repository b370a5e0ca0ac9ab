// A studio on a real SQLite store and local blob folder, with a scripted backend and
// an encoder that writes small stand-in files, so job handling is tested quickly
// and exactly. The real backend and encoder have their own tests and meet in
// tests/integration.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <functional>

#include "adapters/blobs/local/local_blob_store.h"
#include "adapters/store/sqlite/sqlite_store.h"
#include "common/crypto.h"
#include "services/accounts/accounts_service.h"
#include "services/studio/generation_worker.h"
#include "services/studio/studio_service.h"
#include "support/manual_clock.h"
#include "support/temp_dir.h"

namespace dreamfeed::testing {

// Renders solid frames, reporting progress every 10%. `before_progress` runs before
// each report so a test can act mid-render (cancel, steal the lease…).
class ScriptedBackend final : public GenerationBackend {
 public:
  std::string_view name() const override { return "scripted"; }
  Result<GenerationOutput> generate(const GenerationRequest& request, ClipSink& sink,
                                    const ProgressReporter& progress) override {
    ++calls;
    if (failures_left > 0) {
      --failures_left;
      return make_error(failure_code, "scripted failure");
    }
    const FrameSize size = request.size();
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(size.width) * size.height * 4, 128);
    const int frames = request.frame_count();
    for (int i = 0; i < frames; ++i) {
      if (auto ok = sink.write_frame({pixels.data(), size.width, size.height, size.width * 4});
          !ok) {
        return ok.error();
      }
      // Reports exactly 10, 20, … 100 percent.
      if ((i + 1) * 10 / frames > i * 10 / frames) {
        int percent = (i + 1) * 10 / frames * 10;
        if (before_progress) before_progress(percent);
        if (!progress(percent)) return make_error(ErrorCode::cancelled, "stopped");
      }
    }
    return GenerationOutput{std::nullopt, R"({"engine":"scripted"})"};
  }

  int calls = 0;
  int failures_left = 0;
  ErrorCode failure_code = ErrorCode::internal;
  std::function<void(int)> before_progress;
};

class StandInEncoder final : public ClipEncoder {
 public:
  StandInEncoder(std::filesystem::path video, std::filesystem::path thumbnail)
      : video_(std::move(video)), thumbnail_(std::move(thumbnail)) {}
  Status write_frame(const FrameView&) override {
    ++frames_;
    return {};
  }
  Status write_audio(std::span<const float>) override { return {}; }
  Result<EncodedClip> finish() override {
    std::ofstream(video_) << "frames=" << frames_;
    std::ofstream(thumbnail_) << "thumbnail";
    return EncodedClip{video_, thumbnail_, frames_ / 24.0,
                       static_cast<std::int64_t>(std::filesystem::file_size(video_))};
  }

 private:
  std::filesystem::path video_, thumbnail_;
  int frames_ = 0;
};

class StandInEncoderFactory final : public ClipEncoderFactory {
 public:
  Result<std::unique_ptr<ClipEncoder>> open(const ClipFormat&, const std::filesystem::path& video,
                                            const std::filesystem::path& thumbnail) override {
    return std::unique_ptr<ClipEncoder>(std::make_unique<StandInEncoder>(video, thumbnail));
  }
};

// Remembers what the services reported, as lines: "published vid_x", "removed vid_x",
// "remix by usr_a of vid_x (remix:job_y)", "ordered by usr_a".
class RecordingActivity final : public ActivityListener {
 public:
  void video_published(const Video& video) override { lines.push_back("published " + video.id); }
  void video_removed(std::string_view video_id) override {
    lines.push_back("removed " + std::string(video_id));
  }
  void engaged(std::string_view user_id, const Engagement& e) override {
    static constexpr const char* kNames[] = {"like",  "unlike", "comment",
                                             "remix", "follow", "unfollow"};
    lines.push_back(std::string(kNames[static_cast<int>(e.kind)]) + " by " + std::string(user_id) +
                    " of " + (e.video_id.empty() ? e.creator_id : e.video_id) + " (" + e.id + ")");
  }
  void creation_ordered(std::string_view user_id) override {
    lines.push_back("ordered by " + std::string(user_id));
  }
  std::vector<std::string> lines;
};

class StudioFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    init_crypto();
    store = std::move(SqliteStore::open(dir / "db.sqlite").value());
    blobs = std::make_unique<LocalBlobStore>(dir / "media");
    accounts = std::make_unique<AccountsService>(*store, *store, clock);
    studio =
        std::make_unique<StudioService>(*store, *store, *blobs, clock, StudioConfig{}, activity);
    alice = accounts->create_user("alice", "long enough password").value();
    bob = accounts->create_user("bob", "long enough password").value();
  }

  std::unique_ptr<GenerationWorker> make_worker(std::string id = "worker-1") {
    WorkerConfig config;
    config.worker_id = std::move(id);
    config.lease_ms = 10'000;
    config.heartbeat_ms = 1'000;
    config.scratch_dir = dir / "scratch";
    return std::make_unique<GenerationWorker>(*store, *blobs, backend, encoders, clock, config);
  }

  VideoOrder order(std::string prompt = "a red fox jumps over a fence") {
    VideoOrder o;
    o.prompt = std::move(prompt);
    o.seconds = 4;
    o.aspect = Aspect::square;
    o.resolution = Resolution::p480;
    o.seed = 42;
    return o;
  }

  // Orders a clip for `user` and runs a worker until it is a draft.
  Video make_draft(const User& user) {
    auto job = studio->order_video(user, order()).value();
    auto worker = make_worker();
    EXPECT_EQ(worker->run_next().value(), WorkOutcome::succeeded);
    auto done = studio->job(user, job.job.id).value();
    return studio->video(&user, *done.job.video_id).value();
  }

  TempDir dir;
  ManualClock clock;
  RecordingActivity activity;
  std::unique_ptr<SqliteStore> store;
  std::unique_ptr<LocalBlobStore> blobs;
  std::unique_ptr<AccountsService> accounts;
  std::unique_ptr<StudioService> studio;
  ScriptedBackend backend;
  StandInEncoderFactory encoders;
  User alice, bob;
};

}  // namespace dreamfeed::testing
