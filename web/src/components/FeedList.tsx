// The full-screen vertical feed: scroll-snapped slides, the visible one plays
// (IntersectionObserver) and reports what was watched, the next one preloads, more
// load near the end, and the keyboard moves (↑/↓, J/K), pauses (space) and mutes (M).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Video } from '../api/types';
import { toggleMuted } from '../state/sound';
import { ClipActions } from './ClipActions';
import { ClipCaption } from './ClipCaption';
import { ClipPlayer } from './ClipPlayer';

interface Props {
  videos: Video[];
  onNearEnd?: () => void;
}

export function preloadFor(index: number, active: number): 'auto' | 'metadata' | 'none' {
  if (index === active || index === active + 1) return 'auto';
  if (Math.abs(index - active) <= 2) return 'metadata';
  return 'none';
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function FeedList({ videos, onNearEnd }: Props) {
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
  }, [videos.length]);

  useEffect(() => {
    if (active >= videos.length - 3) onNearEnd?.();
  }, [active, videos.length]);

  useEffect(() => {
    const scrollTo = (index: number) => {
      const slide = listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
      slide?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    };
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.metaKey || e.ctrlKey || e.altKey) return;
      const key = e.key.toLowerCase();
      // Space on a focused button or link activates it rather than pausing.
      if (key === ' ' && e.target instanceof HTMLElement && /^(BUTTON|A|SUMMARY)$/.test(e.target.tagName)) return;
      if (key === 'arrowdown' || key === 'j') scrollTo(Math.min(active + 1, videos.length - 1));
      else if (key === 'arrowup' || key === 'k') scrollTo(Math.max(active - 1, 0));
      else if (key === ' ') setPauseToggle((n) => n + 1);
      else if (key === 'm') toggleMuted();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, videos.length]);

  return (
    <div class="feed-list" ref={listRef} aria-label="Clips" role="feed">
      {videos.map((video, index) => (
        <article
          class="feed-slide"
          key={video.id}
          data-index={index}
          aria-posinset={index + 1}
          aria-setsize={videos.length}
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
          <ClipActions video={video} />
        </article>
      ))}
    </div>
  );
}
