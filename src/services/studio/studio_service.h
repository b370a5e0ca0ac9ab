// The studio: a person asks for a clip, follows its job, gets a private draft, then
// publishes or deletes it. Rendering itself happens in GenerationWorker.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "interfaces/blob_store.h"
#include "interfaces/clock.h"
#include "interfaces/store.h"
#include "model/job.h"
#include "model/user.h"
#include "model/video.h"

namespace dreamfeed {

struct VideoOrder {
  std::string prompt;
  int seconds = 4;
  Aspect aspect = Aspect::portrait;
  Resolution resolution = Resolution::p720;
  std::optional<std::uint64_t> seed;  // random when absent
  std::optional<std::string> remix_of;
};

struct StudioConfig {
  int max_attempts = 3;
};

// A job with where it stands in the queue (0 when it is not queued).
struct JobView {
  Job job;
  int queue_position = 0;
};

// A prompt people may submit: valid UTF-8, not blank, at most kMaxPromptCharacters
// code points. Shared by the API and `dreamfeed generate`.
Status validate_prompt(std::string_view prompt);

class StudioService {
 public:
  StudioService(JobQueue& jobs, VideoStore& videos, BlobStore& blobs, const Clock& clock,
                StudioConfig config = {});

  // Validates the order and queues a job. Errors name the field at fault.
  Result<JobView> order_video(const User& creator, VideoOrder order);
  // The caller's own job; another user's job is not_found, as if it did not exist.
  Result<JobView> job(const User& owner, std::string_view job_id);
  Result<JobView> cancel_job(const User& owner, std::string_view job_id);

  // A published video, or the viewer's own draft; anything else is not_found.
  Result<Video> video(const User* viewer, std::string_view video_id);
  Result<Video> publish(const User& creator, std::string_view video_id);
  // The creator (or an admin) deletes a video and its files.
  Status delete_video(const User& caller, std::string_view video_id);
  Result<std::vector<Video>> drafts(const User& creator);

 private:
  Result<JobView> with_position(Job job);

  JobQueue& jobs_;
  VideoStore& videos_;
  BlobStore& blobs_;
  const Clock& clock_;
  StudioConfig config_;
};

}  // namespace dreamfeed
