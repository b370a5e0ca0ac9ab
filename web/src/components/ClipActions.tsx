// The buttons beside a clip: like, comment, share (the system share sheet, or copy the
// link), remix, download — with counts — and any extra buttons the feed adds.
// Actions that need an account send logged-out visitors to log in and back.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { endpoints } from '../api/endpoints';
import { errorMessage } from '../api/client';
import type { Video } from '../api/types';
import { formatCount, shareUrl } from '../lib/format';
import { navigate } from '../lib/navigate';
import { requireLogin } from '../state/session';
import { reportEvent } from '../state/viewEvents';
import { Icon } from './Icon';
import { showToast } from './Toast';

export function remixPath(video: Video) {
  return `/create?remix_of=${encodeURIComponent(video.id)}&prompt=${encodeURIComponent(video.prompt)}`;
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Shares through the system sheet where there is one, else copies; true when shared. */
async function shareLink(url: string, title: string): Promise<boolean> {
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share({ url, title });
      return true;
    } catch (e) {
      if ((e as DOMException)?.name === 'AbortError') return false; // the person closed the sheet
      // Otherwise (not allowed here, no target): copy the link instead.
    }
  }
  const copied = await copyText(url);
  showToast(copied ? 'Link copied' : `Copy this link: ${url}`);
  return copied;
}

export function ClipActions({ video, children }: { video: Video; children?: ComponentChildren }) {
  const [liked, setLiked] = useState(!!video.liked_by_me);
  const [likes, setLikes] = useState(video.likes);
  const [busy, setBusy] = useState(false);

  const toggleLike = async () => {
    if (!requireLogin() || busy) return;
    const wasLiked = liked;
    setBusy(true);
    setLiked(!wasLiked);
    if (likes !== undefined) setLikes(likes + (wasLiked ? -1 : 1));
    try {
      const result = wasLiked ? await endpoints.unlike(video.id) : await endpoints.like(video.id);
      setLiked(result.liked);
      setLikes(result.likes);
    } catch (e) {
      setLiked(wasLiked);
      setLikes(likes);
      showToast(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const share = async () => {
    if (await shareLink(shareUrl(video.id), video.prompt)) reportEvent({ type: 'share', video_id: video.id });
  };

  const remix = () => {
    const target = remixPath(video);
    if (requireLogin(target)) navigate(target);
  };

  return (
    <div class="clip-actions">
      <button
        type="button"
        class={liked ? 'action liked' : 'action'}
        aria-pressed={liked}
        aria-label={liked ? 'Unlike' : 'Like'}
        onClick={toggleLike}
        data-testid="like"
      >
        <Icon name="heart" filled={liked} />
        <span class="count" data-testid="like-count">{formatCount(likes)}</span>
      </button>
      <a class="action" href={`/v/${encodeURIComponent(video.id)}#comments`} aria-label="Comments">
        <Icon name="comment" />
        <span class="count">{formatCount(video.comments)}</span>
      </a>
      <button type="button" class="action" aria-label="Share" onClick={share}>
        <Icon name="share" />
        <span class="count">Share</span>
      </button>
      <button type="button" class="action" aria-label="Remix" onClick={remix} data-testid="remix">
        <Icon name="remix" />
        <span class="count">{formatCount(video.remixes) || 'Remix'}</span>
      </button>
      <a class="action" href={video.video_url} download={`dreamfeed-${video.id}.mp4`} aria-label="Download">
        <Icon name="download" />
        <span class="count">Save</span>
      </a>
      {children}
    </div>
  );
}
