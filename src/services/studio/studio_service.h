// The studio: a person asks for a clip, follows its job, gets a private draft, then
// publishes or deletes it. Rendering itself happens in GenerationWorker.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "interfaces/activity_listener.h"
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
  // Generations each non-admin may order per calendar month (UTC); 0 is unlimited.
  int monthly_generations = 100;
};

// What a person may still generate this month. Failed jobs and jobs cancelled before a
// worker took them give their generation back.
struct Allowance {
  std::optional<int> monthly_limit;  // nullopt: unlimited (admins, or a limit of 0)
  int used = 0;
  std::optional<int> remaining;
  std::int64_t resets_at_ms = 0;  // the start of next month, UTC
};

// The first millisecond of the UTC calendar month holding `now_ms`, and of the next one.
std::int64_t month_start_ms(std::int64_t now_ms);
std::int64_t next_month_start_ms(std::int64_t now_ms);

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
  // `activity` hears of orders, remixes, publications and deletions.
  StudioService(JobQueue& jobs, VideoStore& videos, BlobStore& blobs, const Clock& clock,
                StudioConfig config = {}, ActivityListener& activity = no_activity_listener());

  // Validates the order and queues a job. Errors name the field at fault;
  // quota_exhausted when the creator has no generations left this month.
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
  Result<Allowance> allowance(const User& user);

 private:
  Result<JobView> with_position(Job job);

  JobQueue& jobs_;
  VideoStore& videos_;
  BlobStore& blobs_;
  const Clock& clock_;
  StudioConfig config_;
  ActivityListener& activity_;
};

}  // namespace dreamfeed
