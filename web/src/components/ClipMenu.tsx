// The feed clip's "…" button: "Not interested" and "Hide this creator". Each tells
// the ranking (an event) and takes the clip, or all of that creator's clips, out of
// the loaded list at once; a toast says what happened (there is no undo).
// A disclosure (button + panel), not an ARIA menu, so Tab and Enter are all it needs.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Video } from '../api/types';
import { requireLogin } from '../state/session';
import { reportEvent } from '../state/viewEvents';
import { Icon } from './Icon';
import { showToast } from './Toast';

/** Keeps the clips for which `keep` is true. */
export type RemoveClips = (keep: (video: Video) => boolean) => void;

export function ClipMenu({ video, onRemove }: { video: Video; onRemove: RemoveClips }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  // A tap outside closes it too: Safari on iOS does not focus a tapped button, so the
  // focus-out below never fires there.
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);
  const panelId = `clip-menu-${video.id}`;
  const handle = video.creator.handle;

  const notInterested = () => {
    if (!requireLogin()) return;
    reportEvent({ type: 'not_interested', video_id: video.id });
    onRemove((v) => v.id !== video.id);
    showToast('Not interested: you will see fewer clips like this.');
  };

  const hideCreator = () => {
    if (!requireLogin()) return;
    reportEvent({ type: 'hide_creator', video_id: video.id, creator_id: video.creator.id });
    onRemove((v) => v.creator.id !== video.creator.id);
    showToast(`You will no longer see clips by @${handle}.`);
  };

  return (
    <div
      ref={root}
      class="clip-menu"
      onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      // Closes when focus leaves it (a tap elsewhere, Tab past it), not when it moves inside.
      onFocusOut={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setOpen(false)}
    >
      <button
        type="button"
        class="action"
        aria-label="More options"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        data-testid="clip-menu"
      >
        <Icon name="more" />
      </button>
      {open && (
        <div class="clip-menu-panel" id={panelId} role="group" aria-label={`Options for this clip by @${handle}`}>
          <button type="button" onClick={notInterested}>
            Not interested
          </button>
          <button type="button" onClick={hideCreator}>
            Hide this creator
          </button>
        </div>
      )}
    </div>
  );
}
