// The full-screen vertical feed: scroll-snapped slides, the visible one plays
// (IntersectionObserver) and reports what was watched, the next one preloads, more
// load near the end, and the keyboard moves (↑/↓, J/K), pauses (space) and mutes (M).
// An optional last slide (`end`) closes the list, e.g. the daily limit's message.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Video } from '../api/types';
import { toggleMuted } from '../state/sound';
import { ClipActions } from './ClipActions';
import { ClipCaption } from './ClipCaption';
import { ClipMenu, type RemoveClips } from './ClipMenu';
import { ClipPlayer } from './ClipPlayer';

interface Props {
  videos: Video[];
  onNearEnd?: () => void;
  /** Takes clips out of the list ("Not interested", "Hide this creator"); no menu without it. */
  onRemove?: RemoveClips;
  /** A last slide after the clips. */
  end?: ComponentChildren;
}

export function preloadFor(index: number, active: number): 'auto' | 'metadata' | 'none' {
  if (index === active || index === active + 1) return 'auto';
  if (Math.abs(index - active) <= 2) return 'metadata';
  return 'none';
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function FeedList({ videos, onNearEnd, onRemove, end }: Props) {
  const listRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [pauseToggle, setPauseToggle] = useState(0);

  useEffect(() => {
    const list = listRef.current;
    if (!list || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) setActive(Number((entry.target as HTMLElement).dataset.index));
        }
      },
      { root: list, threshold: 0.6 },
    );
    list.querySelectorAll('.feed-slide').forEach((slide) => observer.observe(slide));
    return () => observer.disconnect();
  }, [videos.length, !!end]);

  useEffect(() => {
    if (active >= videos.length - 3) onNearEnd?.();
  }, [active, videos.length]);

  useEffect(() => {
    const scrollTo = (index: number) => {
      const slide = listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
      slide?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    };
    const last = end ? videos.length : videos.length - 1;
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.metaKey || e.ctrlKey || e.altKey) return;
      const key = e.key.toLowerCase();
      // Space on a focused button or link activates it rather than pausing.
      if (key === ' ' && e.target instanceof HTMLElement && /^(BUTTON|A|SUMMARY)$/.test(e.target.tagName)) return;
      if (key === 'arrowdown' || key === 'j') scrollTo(Math.min(active + 1, last));
      else if (key === 'arrowup' || key === 'k') scrollTo(Math.max(active - 1, 0));
      else if (key === ' ') setPauseToggle((n) => n + 1);
      else if (key === 'm') toggleMuted();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, videos.length, !!end]);

  const total = videos.length + (end ? 1 : 0);
  return (
    <div class="feed-list" ref={listRef} aria-label="Clips" role="feed">
      {videos.map((video, index) => (
        <article
          class="feed-slide"
          key={video.id}
          data-index={index}
          aria-posinset={index + 1}
          aria-setsize={total}
          aria-label={`Clip by @${video.creator.handle}`}
        >
          <ClipPlayer
            video={video}
            active={index === active}
            preload={preloadFor(index, active)}
            pauseToggle={index === active ? pauseToggle : 0}
            reportViews
          />
          <ClipCaption video={video} />
          <ClipActions video={video}>{onRemove && <ClipMenu video={video} onRemove={onRemove} />}</ClipActions>
        </article>
      ))}
      {end && (
        <article class="feed-slide feed-end" data-index={videos.length} aria-posinset={total} aria-setsize={total}>
          {end}
        </article>
      )}
    </div>
  );
}
