// Home: the For You and Following feeds side by side as tabs. The For You feed ends
// with a card when the daily watch limit is reached, and may carry a nudge to create.
import { useEffect } from 'preact/hooks';
import { endpoints } from '../api/endpoints';
import type { Video } from '../api/types';
import { CreateNudge } from '../components/CreateNudge';
import { FeedEnd } from '../components/FeedEnd';
import { FeedList } from '../components/FeedList';
import { ErrorText } from '../components/ErrorText';
import { usePagedList } from '../lib/usePagedList';
import { loggedIn, loginPath, sessionKnown } from '../state/session';

export function FeedTabs({ current }: { current: 'for-you' | 'following' }) {
  return (
    <nav class="feed-tabs" aria-label="Feeds">
      <a href="/" aria-current={current === 'for-you' ? 'page' : undefined}>
        For You
      </a>
      <a href="/following" aria-current={current === 'following' ? 'page' : undefined}>
        Following
      </a>
    </nav>
  );
}

/** The daily limit ends the list: a page that says so has no cursor worth following. */
const loadForYou = (cursor?: string | null) =>
  endpoints.feed(cursor).then((page) => (page.limit_reached ? { ...page, next_cursor: null } : page));

function Feed({ kind }: { kind: 'for-you' | 'following' }) {
  const list = usePagedList(kind === 'for-you' ? loadForYou : endpoints.followingFeed, kind);
  const page = list.lastPage;
  const limit = page?.limit_reached ? page.message || 'You reached your daily watch limit.' : null;
  const remove = (keep: (video: Video) => boolean) => list.setItems((items) => items.filter(keep));
  // Hiding the last loaded clips must not leave an empty screen while more exist.
  useEffect(() => {
    if (list.items.length === 0 && page && !list.done && !list.loading) list.loadMore();
  }, [list.items.length]);
  if (list.items.length === 0) {
    return (
      <div class="feed-empty">
        {limit ? (
          <FeedEnd message={limit} />
        ) : list.loading ? (
          <p aria-live="polite">Loading clips…</p>
        ) : list.error ? (
          <ErrorText message={list.error} />
        ) : kind === 'following' ? (
          <p>Nothing here yet. Follow creators to see their clips.</p>
        ) : loggedIn.value ? (
          // The ranked feed leaves out your own clips and those you have seen lately.
          <p>
            You are all caught up. <a href="/create">Make a clip</a> or come back later.
          </p>
        ) : (
          <p>
            No clips yet. <a href="/create">Create the first one</a>.
          </p>
        )}
      </div>
    );
  }
  return (
    <>
      <CreateNudge text={page?.nudge} />
      <FeedList videos={list.items} onNearEnd={list.loadMore} onRemove={remove} end={limit && <FeedEnd message={limit} />} />
    </>
  );
}

export function FeedPage({ kind = 'for-you' }: { kind?: 'for-you' | 'following' }) {
  const needsLogin = kind === 'following' && sessionKnown.value && !loggedIn.value;
  return (
    <main class="feed-page">
      <h1 class="visually-hidden">{kind === 'for-you' ? 'For You' : 'Following'}</h1>
      <FeedTabs current={kind} />
      {needsLogin ? (
        <div class="feed-empty">
          <p>
            <a href={loginPath('/following')}>Log in</a> to see clips from the people you follow.
          </p>
        </div>
      ) : kind === 'following' && !sessionKnown.value ? null : (
        <Feed kind={kind} key={kind} />
      )}
    </main>
  );
}
