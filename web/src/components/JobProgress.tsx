// A generation job's live state: queue position, a progress bar, cancel.
import type { Job } from '../api/types';

const STATUS_TEXT: Record<string, string> = {
  queued: 'Waiting in the queue',
  running: 'Generating',
  succeeded: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function JobProgress({ job, onCancel }: { job: Job; onCancel?: () => void }) {
  const queued = job.status === 'queued';
  return (
    <section class="job-progress" aria-label="Generation progress" data-testid="job-progress">
      <p aria-live="polite">
        {STATUS_TEXT[job.status] ?? job.status}
        {queued && job.queue_position > 0 ? ` — position ${job.queue_position} in the queue` : ''}
        {job.status === 'running' ? ` — ${job.progress}%` : ''}
      </p>
      <progress max={100} value={job.progress} aria-label="Progress" data-progress={job.progress}>
        {job.progress}%
      </progress>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </section>
  );
}
