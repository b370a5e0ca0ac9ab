// StudioService: order validation, ownership checks, publish and delete.
#include "services/studio/studio_service.h"

#include <algorithm>
#include <chrono>

#include "common/crypto.h"
#include "common/utf8.h"

namespace dreamfeed {
namespace {

Error not_found(std::string_view what) {
  return make_error(ErrorCode::not_found, std::string(what) + " not found");
}

}  // namespace

Status validate_prompt(std::string_view prompt) {
  auto length = utf8_length(prompt);
  if (!length)
    return make_error(ErrorCode::invalid_argument, "prompt is not valid UTF-8", "prompt");
  if (trim_ascii_space(prompt).empty()) {
    return make_error(ErrorCode::invalid_argument, "prompt is empty", "prompt");
  }
  if (*length > kMaxPromptCharacters) {
    return make_error(ErrorCode::invalid_argument,
                      "prompt is " + std::to_string(*length) + " characters long; the limit is " +
                          std::to_string(kMaxPromptCharacters),
                      "prompt");
  }
  return {};
}

std::int64_t month_start_ms(std::int64_t now_ms) {
  using namespace std::chrono;
  const year_month_day day{floor<days>(sys_time<milliseconds>(milliseconds(now_ms)))};
  return duration_cast<milliseconds>(sys_days(day.year() / day.month() / 1).time_since_epoch())
      .count();
}

std::int64_t next_month_start_ms(std::int64_t now_ms) {
  using namespace std::chrono;
  const year_month_day day{floor<days>(sys_time<milliseconds>(milliseconds(now_ms)))};
  const year_month next = day.year() / day.month() + months(1);
  return duration_cast<milliseconds>(sys_days(next / 1).time_since_epoch()).count();
}

StudioService::StudioService(JobQueue& jobs, VideoStore& videos, BlobStore& blobs,
                             const Clock& clock, StudioConfig config, ActivityListener& activity)
    : jobs_(jobs),
      videos_(videos),
      blobs_(blobs),
      clock_(clock),
      config_(config),
      activity_(activity) {}

Result<JobView> StudioService::order_video(const User& creator, VideoOrder order) {
  if (auto ok = validate_prompt(order.prompt); !ok) return ok.error();
  if (!is_allowed_seconds(order.seconds)) {
    return make_error(ErrorCode::invalid_argument,
                      "seconds must be one of 4, 8, 12; got " + std::to_string(order.seconds),
                      "seconds");
  }
  if (order.seed && *order.seed > kMaxSeed) {
    return make_error(ErrorCode::invalid_argument,
                      "seed must be an integer from 0 to " + std::to_string(kMaxSeed), "seed");
  }
  auto left = allowance(creator);
  if (!left) return left.error();
  if (order.remix_of) {
    auto source = video(&creator, *order.remix_of);
    if (!source) {
      if (source.error().code == ErrorCode::not_found) {
        return make_error(ErrorCode::not_found, "the video to remix was not found", "remix_of");
      }
      return source.error();
    }
  }
  NewJob job;
  job.id = new_id("job");
  job.user_id = creator.id;
  job.request.prompt = std::string(trim_ascii_space(order.prompt));
  job.request.seconds = order.seconds;
  job.request.aspect = order.aspect;
  job.request.resolution = order.resolution;
  job.request.seed = order.seed.value_or(random_u64() & kMaxSeed);
  job.request.remix_of = order.remix_of;
  job.request.creator_handle = creator.handle;
  job.max_attempts = config_.max_attempts;
  job.now_ms = clock_.now_ms();
  // Checked again by the queue as it inserts, so two orders at once cannot overspend.
  if (left->monthly_limit)
    job.allowance = JobAllowance{*left->monthly_limit, month_start_ms(job.now_ms)};
  auto queued = jobs_.enqueue(job);
  if (!queued && queued.error().code == ErrorCode::quota_exhausted) {
    return make_error(ErrorCode::quota_exhausted, "You have no generations left this month");
  }
  if (!queued) return queued.error();
  activity_.creation_ordered(creator.id);
  if (order.remix_of) {
    activity_.engaged(creator.id, Engagement{.kind = Engagement::Kind::remix,
                                             .id = "remix:" + queued->id,
                                             .video_id = *order.remix_of,
                                             .at_ms = job.now_ms});
  }
  return with_position(std::move(*queued));
}

Result<JobView> StudioService::with_position(Job job) {
  int position = 0;
  if (job.status == JobStatus::queued) {
    auto found = jobs_.queue_position(job.id);
    if (!found) return found.error();
    position = *found;
  }
  return JobView{std::move(job), position};
}

Result<JobView> StudioService::job(const User& owner, std::string_view job_id) {
  auto found = jobs_.find_job(job_id);
  if (!found) return found.error().code == ErrorCode::not_found ? not_found("job") : found.error();
  if (found->user_id != owner.id) return not_found("job");
  return with_position(std::move(*found));
}

Result<JobView> StudioService::cancel_job(const User& owner, std::string_view job_id) {
  auto owned = job(owner, job_id);
  if (!owned) return owned.error();
  auto cancelled = jobs_.cancel(job_id, clock_.now_ms());
  if (!cancelled) {
    if (cancelled.error().code == ErrorCode::conflict) {
      return make_error(ErrorCode::conflict,
                        "the job has already " + std::string(to_string(owned->job.status)));
    }
    return cancelled.error();
  }
  return JobView{std::move(*cancelled), 0};
}

Result<Video> StudioService::video(const User* viewer, std::string_view video_id) {
  auto found = videos_.find_video(video_id);
  if (!found)
    return found.error().code == ErrorCode::not_found ? not_found("video") : found.error();
  bool is_own = viewer != nullptr && viewer->id == found->creator_id;
  if (found->status != VideoStatus::published && !is_own) return not_found("video");
  return found;
}

Result<Video> StudioService::publish(const User& creator, std::string_view video_id) {
  auto found = video(&creator, video_id);
  if (!found) return found.error();
  if (found->creator_id != creator.id) return not_found("video");
  auto published = videos_.publish_video(video_id, clock_.now_ms());
  if (published) activity_.video_published(*published);
  return published;
}

Status StudioService::delete_video(const User& caller, std::string_view video_id) {
  auto found = video(&caller, video_id);
  if (!found) return found.error();
  if (found->creator_id != caller.id && !caller.is_admin) {
    return make_error(ErrorCode::forbidden, "only the creator can delete this video");
  }
  if (auto ok = videos_.delete_video(video_id); !ok) return ok.error();
  activity_.video_removed(video_id);
  // The record is gone first, so a failed file removal leaves an orphan file, never a
  // record pointing at nothing.
  if (auto ok = blobs_.remove(found->video_key); !ok) return ok.error();
  return blobs_.remove(found->thumbnail_key);
}

Result<std::vector<Video>> StudioService::drafts(const User& creator) {
  return videos_.list_drafts(creator.id, 100);
}

Result<Allowance> StudioService::allowance(const User& user) {
  const std::int64_t now = clock_.now_ms();
  auto used = jobs_.count_charged_jobs(user.id, month_start_ms(now));
  if (!used) return used.error();
  Allowance allowance;
  allowance.used = *used;
  allowance.resets_at_ms = next_month_start_ms(now);
  if (!user.is_admin && config_.monthly_generations > 0) {
    allowance.monthly_limit = config_.monthly_generations;
    allowance.remaining = std::max(0, config_.monthly_generations - *used);
  }
  return allowance;
}

}  // namespace dreamfeed
