// How long one clip was watched while it was the one on screen: time actually
// playing (from the media clock, so stalls and pauses do not count), whether it
// reached the end, and how often it looped. The feed's <video> loops, which fires no
// `ended` event, so a loop is seen as the playhead jumping back from its second half.
import type { ViewEventBody } from '../api/types';

/** Leaving a clip sooner than this after it came on screen is a skip. */
export const SKIP_WITHIN_MS = 2000;
/** Media-clock steps larger than this are seeks or wake-ups, not playback. */
const MAX_STEP_S = 1.5;
/** The playhead this close to the end counts as finished. */
const END_SLACK_S = 0.3;

export class WatchTracker {
  private watchedS = 0;
  private last: number | null = null;
  private loops = 0;
  private completed = false;

  /** `shownAt`: when the clip became the active one (ms); `resumed`: after the tab came back. */
  constructor(
    readonly videoId: string,
    private readonly shownAt: number,
    private readonly resumed = false,
  ) {}

  /** The playhead moved to `time` (s) while playing; `duration` (s) when known. */
  progress(time: number, duration: number) {
    const known = Number.isFinite(duration) && duration > 0;
    if (this.last !== null) {
      const step = time - this.last;
      if (step >= 0 && step <= MAX_STEP_S) this.watchedS += step;
      else if (step < 0 && known && this.last > duration / 2) {
        // Wrapped around: the rest of the last pass plus the start of this one.
        this.watchedS += Math.max(0, duration - this.last) + time;
        this.loops++;
        this.completed = true;
      }
    }
    if (known && time >= duration - END_SLACK_S) this.completed = true;
    this.last = time;
  }

  /** The events for leaving the clip at `now` (ms): `watch`, and `skip` when left quickly. */
  leave(now: number, durationS: number): ViewEventBody[] {
    const events: ViewEventBody[] = [
      {
        type: 'watch',
        video_id: this.videoId,
        watched_ms: Math.round(this.watchedS * 1000),
        duration_ms: Math.round(durationS * 1000),
        completed: this.completed,
        loops: this.loops,
      },
    ];
    if (!this.resumed && now - this.shownAt < SKIP_WITHIN_MS) events.push({ type: 'skip', video_id: this.videoId });
    return events;
  }
}
