// What leaving a clip reports: time actually playing, completion, loops, and a skip
// when it was left within 2 s of coming on screen.
import { describe, expect, it } from 'vitest';
import { WatchTracker } from '../src/lib/watchTracker';

/** Plays from `from` to `to` seconds in 0.25 s steps, as timeupdate would report. */
function play(t: WatchTracker, from: number, to: number, duration: number) {
  for (let time = from; time <= to + 1e-9; time += 0.25) t.progress(Math.round(time * 100) / 100, duration);
}

describe('WatchTracker', () => {
  it('reports a quick leave as a watch and a skip', () => {
    const t = new WatchTracker('vid1', 10_000);
    play(t, 0, 1, 4);
    expect(t.leave(11_500, 4)).toEqual([
      { type: 'watch', video_id: 'vid1', watched_ms: 1000, duration_ms: 4000, completed: false, loops: 0 },
      { type: 'skip', video_id: 'vid1' },
    ]);
  });

  it('counts loops and completion when the looping clip wraps around', () => {
    const t = new WatchTracker('vid1', 0);
    play(t, 0, 3.75, 4);
    play(t, 0.1, 3.6, 4); // wrapped: 0.25 s to the end + 0.1 s into the next pass
    play(t, 0.25, 1, 4); // wrapped again from 3.6 s
    const [watch, ...rest] = t.leave(20_000, 4);
    expect(watch).toMatchObject({ type: 'watch', completed: true, loops: 2, duration_ms: 4000 });
    expect((watch as { watched_ms: number }).watched_ms).toBe(9000);
    expect(rest).toEqual([]);
  });

  it('counts reaching the end once as completed', () => {
    const t = new WatchTracker('vid1', 0);
    play(t, 0, 4, 4);
    expect(t.leave(5000, 4)[0]).toMatchObject({ watched_ms: 4000, completed: true, loops: 0 });
  });

  it('does not count paused or stalled time, nor jumps, as watching', () => {
    const t = new WatchTracker('vid1', 0);
    play(t, 0, 1, 8);
    t.progress(5, 8); // a jump (seek, or the tab woke up): not watched
    play(t, 5, 6, 8);
    expect(t.leave(60_000, 8)[0]).toMatchObject({ watched_ms: 2000, completed: false });
  });

  it('measures from where the playhead was when the clip came back on screen', () => {
    const t = new WatchTracker('vid1', 0);
    play(t, 2, 3, 4);
    expect(t.leave(3000, 4)[0]).toMatchObject({ watched_ms: 1000 });
  });

  it('does not call a watch resumed after the tab came back a skip', () => {
    const t = new WatchTracker('vid1', 0, true);
    expect(t.leave(500, 4).map((e) => e.type)).toEqual(['watch']);
  });
});
