// Follows a generation job live over Server-Sent Events (GET /jobs/{id}/events,
// "job" events); if the stream breaks it falls back to polling GET /jobs/{id}.
import { endpoints } from '../api/endpoints';
import type { Job } from '../api/types';

export const isFinished = (job: Job) => job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled';

/** Calls onUpdate for each change until the job finishes; returns a function that stops watching. */
export function watchJob(jobId: string, onUpdate: (job: Job) => void, onError: (e: unknown) => void): () => void {
  let stopped = false;
  let source: EventSource | null = null;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;

  const deliver = (job: Job) => {
    if (stopped) return;
    onUpdate(job);
    if (isFinished(job)) stop();
  };

  const poll = async () => {
    if (stopped) return;
    try {
      deliver(await endpoints.job(jobId));
    } catch (e) {
      onError(e);
    }
    if (!stopped) pollTimer = setTimeout(poll, 1000);
  };

  function stop() {
    stopped = true;
    source?.close();
    clearTimeout(pollTimer);
  }

  if (typeof EventSource === 'undefined') {
    void poll();
  } else {
    source = new EventSource(`/api/v1/jobs/${encodeURIComponent(jobId)}/events`);
    source.addEventListener('job', (event) => deliver(JSON.parse((event as MessageEvent).data) as Job));
    source.onerror = () => {
      // The stream ends after the final event, or broke: either way ask directly.
      source?.close();
      source = null;
      if (!stopped) void poll();
    };
  }
  return stop;
}
