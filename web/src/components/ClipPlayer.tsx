// One clip's <video>: plays while `active`, pauses otherwise, preloads when asked.
// Tapping unmutes the first time (the choice is remembered), then pauses/resumes.
// In the feed it also reports what was watched (useViewReport).
import { useEffect, useRef } from 'preact/hooks';
import type { Video } from '../api/types';
import { useViewReport } from '../lib/useViewReport';
import { silent, soundBlocked, toggleMuted } from '../state/sound';
import { Icon } from './Icon';

interface Props {
  video: Video;
  active: boolean;
  preload: 'auto' | 'metadata' | 'none';
  /** A counter that toggles pause each time it changes (space key). */
  pauseToggle?: number;
  /** Report impressions and watch time (feed clips only, not drafts or a clip's page). */
  reportViews?: boolean;
}

async function playWithFallback(el: HTMLVideoElement) {
  try {
    await el.play();
  } catch (e) {
    // Browsers refuse sound before the first tap: play muted instead.
    if ((e as DOMException)?.name === 'NotAllowedError' && !el.muted) {
      el.muted = true;
      soundBlocked.value = true;
      await el.play().catch(() => undefined);
    }
  }
}

export function ClipPlayer({ video, active, preload, pauseToggle = 0, reportViews = false }: Props) {
  const ref = useRef<HTMLVideoElement>(null);
  useViewReport(ref, video, active && reportViews);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (active) void playWithFallback(el);
    else el.pause();
  }, [active]);

  useEffect(() => {
    const el = ref.current;
    if (!el || !active || pauseToggle === 0) return;
    if (el.paused) void playWithFallback(el);
    else el.pause();
  }, [pauseToggle]);

  const onTap = () => {
    const el = ref.current;
    if (!el) return;
    if (silent.value) {
      toggleMuted();
      if (el.paused) void playWithFallback(el);
    } else if (el.paused) void playWithFallback(el);
    else el.pause();
  };

  return (
    <div class="clip-player">
      <video
        ref={ref}
        class="clip-video"
        src={video.video_url}
        poster={video.thumbnail_url}
        preload={preload}
        muted={silent.value}
        autoplay={active}
        playsInline
        loop
        onClick={onTap}
        aria-label={`Clip by @${video.creator.handle}: ${video.prompt}`}
        data-testid="clip-video"
      />
      <button
        type="button"
        class="sound-toggle"
        onClick={toggleMuted}
        aria-label={silent.value ? 'Unmute' : 'Mute'}
        aria-pressed={!silent.value}
      >
        <Icon name={silent.value ? 'soundOff' : 'soundOn'} />
        {silent.value && active && <span class="sound-hint">Tap for sound</span>}
      </button>
    </div>
  );
}
