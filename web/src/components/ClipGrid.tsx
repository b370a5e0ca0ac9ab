// A grid of clip thumbnails linking to each clip's page.
import type { Video } from '../api/types';

export function ClipGrid({ videos, label }: { videos: Video[]; label: string }) {
  return (
    <ul class="clip-grid" aria-label={label}>
      {videos.map((video) => (
        <li key={video.id}>
          <a href={`/v/${encodeURIComponent(video.id)}`} title={video.prompt}>
            <img src={video.thumbnail_url} alt={video.prompt} loading="lazy" />
            {video.likes !== undefined && <span class="grid-count">♥ {video.likes}</span>}
          </a>
        </li>
      ))}
    </ul>
  );
}
