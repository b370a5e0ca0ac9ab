// GenerationWorker and WorkerPool.
#include "services/studio/generation_worker.h"

#include <spdlog/spdlog.h>

#include <system_error>

#include "common/crypto.h"

namespace dreamfeed {
namespace fs = std::filesystem;
namespace {

// Cleanup after a failure: the job's outcome is already decided, so a file that will
// not go away is only worth a warning (it is an orphan, never a broken record).
void remove_blob_quietly(BlobStore& blobs, std::string_view key) {
  if (auto ok = blobs.remove(key); !ok)
    spdlog::warn("could not remove {}: {}", key, ok.error().message);
}

}  // namespace

GenerationWorker::GenerationWorker(JobQueue& jobs, BlobStore& blobs, GenerationBackend& backend,
                                   ClipEncoderFactory& encoders, const Clock& clock,
                                   WorkerConfig config)
    : jobs_(jobs),
      blobs_(blobs),
      backend_(backend),
      encoders_(encoders),
      clock_(clock),
      config_(std::move(config)) {}

Result<WorkOutcome> GenerationWorker::run_next() {
  if (stop_requested_) return WorkOutcome::idle;
  auto leased = jobs_.lease(config_.worker_id, clock_.now_ms(), config_.lease_ms);
  if (!leased) return leased.error();
  if (!leased->has_value()) return WorkOutcome::idle;
  return run(**leased);
}

Result<WorkOutcome> GenerationWorker::run(const Job& job) {
  const JobLease lease{job.id, job.lease_token};
  spdlog::info("job {} leased by {} (attempt {}/{})", job.id, config_.worker_id, job.attempts,
               job.max_attempts);
  ErrorCode stop_reason = ErrorCode::internal;
  auto video = render_and_store(job, lease, stop_reason);
  const auto now = clock_.now_ms();
  if (video) {
    auto completed = jobs_.complete(lease, *video, now);
    if (completed) {
      spdlog::info("job {} succeeded: video {}", job.id, video->id);
      return WorkOutcome::succeeded;
    }
    // Another worker owns the job now (or it was cancelled): this copy is surplus.
    remove_blob_quietly(blobs_, video->video_key);
    remove_blob_quietly(blobs_, video->thumbnail_key);
    if (completed.error().code == ErrorCode::lease_lost) return WorkOutcome::lease_lost;
    return completed.error();
  }
  const Error& error = video.error();
  if (error.code == ErrorCode::cancelled) {
    if (stop_reason == ErrorCode::lease_lost) return WorkOutcome::lease_lost;
    if (stop_reason == ErrorCode::cancelled) return WorkOutcome::cancelled;
    // We were asked to stop: give the job back without spending an attempt.
    auto released = jobs_.release(lease, now);
    if (!released && released.error().code != ErrorCode::lease_lost) return released.error();
    spdlog::info("job {} released for another worker", job.id);
    return WorkOutcome::released;
  }
  // Bad input will not get better on retry; anything else might.
  const bool retryable = error.code != ErrorCode::invalid_argument;
  spdlog::warn("job {} attempt {} failed: {}", job.id, job.attempts, error.message);
  auto failed = jobs_.fail(lease, error.message, retryable, now);
  if (!failed && failed.error().code != ErrorCode::lease_lost) return failed.error();
  return WorkOutcome::failed;
}

Result<Video> GenerationWorker::render_and_store(const Job& job, const JobLease& lease,
                                                 ErrorCode& stop_reason) {
  const GenerationRequest& request = job.request;
  const FrameSize size = request.size();
  const std::string video_id = new_id("vid");
  std::error_code ec;
  fs::create_directories(config_.scratch_dir, ec);
  const fs::path video_file = config_.scratch_dir / (video_id + ".mp4");
  const fs::path thumbnail_file = config_.scratch_dir / (video_id + ".jpg");
  struct ScratchCleanup {
    fs::path a, b;
    ~ScratchCleanup() {
      std::error_code ignored;
      fs::remove(a, ignored);
      fs::remove(b, ignored);
    }
  } cleanup{video_file, thumbnail_file};

  ClipFormat format;
  format.width = size.width;
  format.height = size.height;
  format.frames_per_second = kFramesPerSecond;
  format.frame_count = request.frame_count();
  format.audio_sample_rate = kAudioSampleRate;
  format.audio_channels = kAudioChannels;
  auto encoder = encoders_.open(format, video_file, thumbnail_file);
  if (!encoder) return encoder.error();

  std::int64_t last_heartbeat = clock_.now_ms();
  int last_progress = -1;
  // Rendering takes 90% of the bar; encoding the tail and storing takes the rest.
  ProgressReporter progress = [&](int percent) {
    if (stop_requested_) {
      stop_reason = ErrorCode::unavailable;
      return false;
    }
    const int job_progress = std::clamp(percent, 0, 100) * 90 / 100;
    const auto now = clock_.now_ms();
    // Heartbeat on every 5 points of progress (what a person watching sees move) or
    // every heartbeat_ms, whichever comes first.
    if (now - last_heartbeat < config_.heartbeat_ms && job_progress - last_progress < 5)
      return true;
    auto beat = jobs_.heartbeat(lease, job_progress, now, config_.lease_ms);
    last_heartbeat = now;
    last_progress = job_progress;
    if (!beat) {
      stop_reason = beat.error().code;
      return beat.error().code != ErrorCode::cancelled &&
             beat.error().code != ErrorCode::lease_lost;
    }
    return true;
  };

  auto output = backend_.generate(request, **encoder, progress);
  if (!output) return output.error();
  if (output->finished_file) {
    return make_error(ErrorCode::internal,
                      "backend " + std::string(backend_.name()) +
                          " returned a finished file; storing finished files is not supported yet");
  }
  auto encoded = (*encoder)->finish();
  if (!encoded) return encoded.error();
  if (!progress(100)) return make_error(ErrorCode::cancelled, "stopped after encoding");

  Video video;
  video.id = video_id;
  video.creator_id = job.user_id;
  video.status = VideoStatus::draft;
  video.prompt = request.prompt;
  video.seconds = request.seconds;
  video.width = size.width;
  video.height = size.height;
  video.seed = request.seed;
  video.remix_of = request.remix_of;
  video.backend = std::string(backend_.name());
  video.video_key = "videos/" + video_id + ".mp4";
  video.thumbnail_key = "thumbnails/" + video_id + ".jpg";
  video.size_bytes = encoded->size_bytes;
  video.scene_json = std::move(output->scene_json);
  video.created_at_ms = clock_.now_ms();
  if (auto ok = blobs_.put_file(video.video_key, encoded->video_file, "video/mp4"); !ok) {
    return ok.error();
  }
  if (auto ok = blobs_.put_file(video.thumbnail_key, encoded->thumbnail_file, "image/jpeg"); !ok) {
    remove_blob_quietly(blobs_, video.video_key);
    return ok.error();
  }
  return video;
}

WorkerPool::WorkerPool(std::vector<std::unique_ptr<GenerationWorker>> workers,
                       std::chrono::milliseconds idle_poll)
    : workers_(std::move(workers)), idle_poll_(idle_poll) {}

WorkerPool::~WorkerPool() { stop(); }

void WorkerPool::start() {
  for (auto& worker : workers_) {
    threads_.emplace_back([this, w = worker.get()](std::stop_token stop) {
      while (!stop.stop_requested() && !w->stop_requested()) {
        auto outcome = w->run_next();
        if (!outcome) {
          spdlog::error("worker: {}", outcome.error().message);
          std::this_thread::sleep_for(idle_poll_ * 4);
        } else if (*outcome == WorkOutcome::idle) {
          std::this_thread::sleep_for(idle_poll_);
        }
      }
    });
  }
}

void WorkerPool::stop() {
  for (auto& worker : workers_) worker->request_stop();
  for (auto& thread : threads_) thread.request_stop();
  threads_.clear();  // joins
}

}  // namespace dreamfeed
