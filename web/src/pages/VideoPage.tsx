// One clip (/v/ID): the player, creator and prompt, actions, what the generator
// understood, the remix chain, comments; the owner's draft controls.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api/client';
import { endpoints } from '../api/endpoints';
import type { Video } from '../api/types';
import { ClipActions } from '../components/ClipActions';
import { ClipCaption } from '../components/ClipCaption';
import { ClipPlayer } from '../components/ClipPlayer';
import { CommentSection } from '../components/CommentSection';
import { ErrorText } from '../components/ErrorText';
import { RemixChain } from '../components/RemixChain';
import { SceneView } from '../components/SceneView';
import { navigate } from '../lib/navigate';
import { reloadKey } from '../state/connection';
import { currentUser } from '../state/session';

export function VideoPage({ id }: { id: string }) {
  const [video, setVideo] = useState<Video | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const retry = reloadKey.value;

  useEffect(() => {
    setError(null);
    endpoints.video(id).then(setVideo, (e) =>
      setError(e instanceof ApiError && e.status === 404 ? 'This clip does not exist or is private.' : errorMessage(e)),
    );
  }, [id, retry, currentUser.value?.id]);

  useEffect(() => {
    if (video && location.hash === '#comments') document.getElementById('comments')?.scrollIntoView();
  }, [video?.id]);

  if (error) {
    return (
      <main class="page">
        <ErrorText message={error} />
        <a href="/">Back to the feed</a>
      </main>
    );
  }
  if (!video) return <main class="page" aria-busy="true"><p>Loading clip…</p></main>;

  const isOwnDraft = video.status !== 'published' && currentUser.value?.id === video.creator.id;
  const publish = async () => {
    try {
      setVideo(await endpoints.publish(video.id));
    } catch (e) {
      setActionError(errorMessage(e));
    }
  };
  const remove = async () => {
    if (!confirm('Delete this clip for good?')) return;
    try {
      await endpoints.deleteVideo(video.id);
      navigate('/drafts', true);
    } catch (e) {
      setActionError(errorMessage(e));
    }
  };

  return (
    <main class="page video-page">
      <h1 class="visually-hidden">Clip by @{video.creator.handle}</h1>
      <div class="video-stage">
        <ClipPlayer video={video} active preload="auto" />
        <ClipCaption video={video} />
        <ClipActions video={video} key={video.id} />
      </div>
      <div class="video-details">
        {isOwnDraft && (
          <div class="row draft-controls">
            <span class="badge">Draft — only you can see it</span>
            <button type="button" class="primary" onClick={publish}>
              Publish
            </button>
            <button type="button" onClick={remove}>
              Delete
            </button>
          </div>
        )}
        {!isOwnDraft && currentUser.value?.id === video.creator.id && (
          <button type="button" class="link" onClick={remove}>
            Delete this clip
          </button>
        )}
        <ErrorText message={actionError} />
        <SceneView scene={video.scene} />
        <RemixChain video={video} />
        {video.status === 'published' && (
          <CommentSection
            videoId={video.id}
            creatorId={video.creator.id}
            onCountChange={(d) => setVideo((v) => (v && v.comments !== undefined ? { ...v, comments: v.comments + d } : v))}
          />
        )}
      </div>
    </main>
  );
}
