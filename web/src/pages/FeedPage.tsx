// Home: the For You and Following feeds side by side as tabs.
import { endpoints } from '../api/endpoints';
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

function Feed({ kind }: { kind: 'for-you' | 'following' }) {
  const list = usePagedList(kind === 'for-you' ? endpoints.feed : endpoints.followingFeed, kind);
  if (list.items.length === 0) {
    return (
      <div class="feed-empty">
        {list.loading ? (
          <p aria-live="polite">Loading clips…</p>
        ) : list.error ? (
          <ErrorText message={list.error} />
        ) : kind === 'following' ? (
          <p>Nothing here yet. Follow creators to see their clips.</p>
        ) : (
          <p>
            No clips yet. <a href="/create">Create the first one</a>.
          </p>
        )}
      </div>
    );
  }
  return <FeedList videos={list.items} onNearEnd={list.loadMore} />;
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
