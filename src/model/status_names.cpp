// Names of video and job states, as stored and as the API shows them.
#include "model/job.h"
#include "model/video.h"

namespace dreamfeed {

std::string_view to_string(VideoStatus status) {
  return status == VideoStatus::published ? "published" : "draft";
}

std::string_view to_string(JobStatus status) {
  switch (status) {
    case JobStatus::queued:
      return "queued";
    case JobStatus::running:
      return "running";
    case JobStatus::succeeded:
      return "succeeded";
    case JobStatus::failed:
      return "failed";
    case JobStatus::cancelled:
      return "cancelled";
  }
  return "queued";
}

std::optional<JobStatus> parse_job_status(std::string_view text) {
  for (JobStatus s : {JobStatus::queued, JobStatus::running, JobStatus::succeeded,
                      JobStatus::failed, JobStatus::cancelled}) {
    if (text == to_string(s)) return s;
  }
  return std::nullopt;
}

}  // namespace dreamfeed
