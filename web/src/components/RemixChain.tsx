// The remix chain of a clip: the clips it remixes (up, to the original) and the
// remixes made of it (down).
import { useEffect, useState } from 'preact/hooks';
import { endpoints } from '../api/endpoints';
import type { Video } from '../api/types';
import { usePagedList } from '../lib/usePagedList';
import { ClipGrid } from './ClipGrid';

const MAX_ANCESTORS = 5;

export function RemixChain({ video }: { video: Video }) {
  const [ancestors, setAncestors] = useState<Video[]>([]);
  const remixes = usePagedList((cursor) => endpoints.remixes(video.id, cursor), `remixes:${video.id}`);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const chain: Video[] = [];
      let parentId = video.remix_source?.id ?? video.remix_of;
      while (parentId && chain.length < MAX_ANCESTORS) {
        try {
          const parent = await endpoints.video(parentId);
          chain.push(parent);
          parentId = parent.remix_source?.id ?? parent.remix_of;
        } catch {
          break;
        }
      }
      if (!cancelled) setAncestors(chain.reverse());
    })();
    return () => {
      cancelled = true;
    };
  }, [video.id]);

  if (ancestors.length === 0 && remixes.items.length === 0) return null;
  return (
    <section class="remix-chain" aria-label="Remix chain">
      {ancestors.length > 0 && (
        <>
          <h2>Remix of</h2>
          <ClipGrid videos={ancestors} label="Clips this remixes" />
        </>
      )}
      {remixes.items.length > 0 && (
        <>
          <h2>Remixes</h2>
          <ClipGrid videos={remixes.items} label="Remixes of this clip" />
          {!remixes.done && (
            <button type="button" onClick={remixes.loadMore}>
              More remixes
            </button>
          )}
        </>
      )}
    </section>
  );
}
