// Reports one feed clip's viewing: `impression` when it becomes the active clip, and
// on leaving it (scrolled away, removed, another screen, tab hidden) `watch` plus
// `skip` when it was left within 2 s. Only listens; playback never waits on it.
import { useEffect } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { Video } from '../api/types';
import { reportEvent, viewEvents } from '../state/viewEvents';
import { WatchTracker } from './watchTracker';

export function useViewReport(ref: RefObject<HTMLVideoElement>, video: Video, active: boolean) {
  useEffect(() => {
    const el = ref.current;
    if (!active || !el) return;
    let tracker: WatchTracker | null = null;
    const onTime = () => tracker?.progress(el.currentTime, el.duration);
    const begin = (resumed: boolean) => {
      tracker = new WatchTracker(video.id, Date.now(), resumed);
      onTime(); // measure from where the playhead is now (a clip scrolled back to resumes)
    };
    const end = () => {
      if (!tracker) return;
      onTime();
      const duration = Number.isFinite(el.duration) && el.duration > 0 ? el.duration : video.seconds;
      for (const event of tracker.leave(Date.now(), duration)) reportEvent(event);
      tracker = null;
    };
    // Coming back to the tab starts a new watch of the same clip (the last one was sent).
    const onVisible = () => {
      if (document.visibilityState === 'visible' && !tracker) begin(true);
    };

    reportEvent({ type: 'impression', video_id: video.id });
    begin(false);
    el.addEventListener('timeupdate', onTime);
    document.addEventListener('visibilitychange', onVisible);
    const offHide = viewEvents.onBeforeHide(end);
    return () => {
      end();
      offHide();
      el.removeEventListener('timeupdate', onTime);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [active, video.id]);
}
