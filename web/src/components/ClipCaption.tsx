// Who made a clip, its prompt, what it remixes and, in the ranked feed, why it was
// chosen ("Why this clip: …"), shown over the clip.
import type { Video } from '../api/types';
import { Avatar } from './Avatar';

export function ClipCaption({ video }: { video: Video }) {
  const source = video.remix_source ?? (video.remix_of ? { id: video.remix_of, creator_handle: '' } : null);
  return (
    <div class="clip-caption">
      <a class="creator" href={`/@${encodeURIComponent(video.creator.handle)}`}>
        <Avatar user={video.creator} size={32} />
        <span>@{video.creator.handle}</span>
      </a>
      <p class="prompt">{video.prompt}</p>
      {video.reason && (
        <p class="reason" data-testid="reason">
          <span class="reason-label">Why this clip:</span> {video.reason}
        </p>
      )}
      {source && (
        <a class="remix-source" href={`/v/${encodeURIComponent(source.id)}`}>
          ↻ Remix of {source.creator_handle ? `@${source.creator_handle}` : 'a clip'}
        </a>
      )}
    </div>
  );
}
