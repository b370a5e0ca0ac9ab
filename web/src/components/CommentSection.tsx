// A clip's comments: the list, posting one (kept if posting fails), deleting your own
// (or any, on your own clip).
import { useState } from 'preact/hooks';
import { errorMessage } from '../api/client';
import { endpoints } from '../api/endpoints';
import { displayName, timeAgo } from '../lib/format';
import { usePagedList } from '../lib/usePagedList';
import { usePersistentText } from '../lib/usePersistentText';
import { currentUser, loginPath, requireLogin } from '../state/session';
import { Avatar } from './Avatar';
import { ErrorText } from './ErrorText';

export function CommentSection({ videoId, creatorId, onCountChange }: {
  videoId: string;
  /** The clip's creator may delete any comment on it. */
  creatorId: string;
  onCountChange?: (delta: number) => void;
}) {
  const list = usePagedList((cursor) => endpoints.comments(videoId, cursor), `comments:${videoId}`);
  const [text, setText] = usePersistentText(`comment:${videoId}`);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const post = async (e: Event) => {
    e.preventDefault();
    if (!requireLogin(`${location.pathname}#comments`)) return;
    setBusy(true);
    setError(null);
    try {
      const comment = await endpoints.postComment(videoId, text);
      list.setItems((items) => [comment, ...items]);
      setText('');
      onCountChange?.(1);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    try {
      await endpoints.deleteComment(id);
      list.setItems((items) => items.filter((c) => c.id !== id));
      onCountChange?.(-1);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section id="comments" class="comments" aria-label="Comments">
      <h2>Comments</h2>
      {currentUser.value ? (
        <form class="comment-form" onSubmit={post}>
          <label for="comment-text" class="visually-hidden">
            Add a comment
          </label>
          <input
            id="comment-text"
            name="comment"
            placeholder="Add a comment…"
            maxLength={500}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit" disabled={busy}>
            Post
          </button>
        </form>
      ) : (
        <p>
          <a href={loginPath(`${location.pathname}#comments`)}>Log in</a> to comment.
        </p>
      )}
      <ErrorText message={error} />
      {list.error && list.errorStatus !== 404 && <ErrorText message={list.error} />}
      <ul class="comment-list">
        {list.items.map((comment) => (
          <li key={comment.id} class="comment">
            <Avatar user={comment.author} size={28} />
            <div>
              <a href={`/@${encodeURIComponent(comment.author.handle)}`}>{displayName(comment.author)}</a>{' '}
              <time dateTime={comment.created_at}>{timeAgo(comment.created_at)}</time>
              <p>{comment.text}</p>
            </div>
            {(currentUser.value?.id === comment.author.id || currentUser.value?.id === creatorId) && (
              <button type="button" class="link" onClick={() => remove(comment.id)} aria-label="Delete comment">
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
      {!list.loading && list.items.length === 0 && !list.error && <p class="hint">No comments yet.</p>}
      {!list.done && list.items.length > 0 && (
        <button type="button" onClick={list.loadMore} disabled={list.loading}>
          More comments
        </button>
      )}
    </section>
  );
}
