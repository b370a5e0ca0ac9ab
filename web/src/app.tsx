// The app shell: routes, the bottom navigation, the offline banner and toasts.
// The feed is in the main bundle; every other screen is loaded on demand.
import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import { Icon } from './components/Icon';
import { OfflineBanner } from './components/OfflineBanner';
import { Toast } from './components/Toast';
import { FeedPage } from './pages/FeedPage';
import { currentUser } from './state/session';

import { reportOffline } from './state/connection';

/** Shown when a screen's code could not be downloaded (offline, server restarted on a new build). */
function ScreenLoadFailed() {
  return (
    <main class="page">
      <p class="error-text" role="alert">
        This screen could not be loaded.
      </p>
      <button type="button" onClick={() => location.reload()}>
        Reload
      </button>
    </main>
  );
}

/** A code-split screen that degrades to ScreenLoadFailed instead of a blank page. */
function screen<C extends (props: any) => any>(load: () => Promise<C>) {
  return lazy<C>(() =>
    load().catch(() => {
      reportOffline();
      return ScreenLoadFailed as unknown as C;
    }),
  );
}

const CreatePage = screen(() => import('./pages/CreatePage').then((m) => m.CreatePage));
const FeedSettingsPage = screen(() => import('./pages/FeedSettingsPage').then((m) => m.FeedSettingsPage));
const DraftsPage = screen(() => import('./pages/DraftsPage').then((m) => m.DraftsPage));
const LoginPage = screen(() => import('./pages/LoginPage').then((m) => m.LoginPage));
const ProfilePage = screen(() => import('./pages/ProfilePage').then((m) => m.ProfilePage));
const VideoPage = screen(() => import('./pages/VideoPage').then((m) => m.VideoPage));

function NotFound() {
  return (
    <main class="page">
      <h1>Not found</h1>
      <p>
        There is nothing at this address. <a href="/">Go to the feed</a>.
      </p>
    </main>
  );
}

/** `/@handle` profiles, or a not-found page for anything else. */
function Fallback() {
  const { path } = useLocation();
  const match = /^\/@([^/]+)\/?$/.exec(path);
  if (match) {
    const handle = decodeURIComponent(match[1]);
    return <ProfilePage handle={handle} key={handle} />;
  }
  return <NotFound />;
}

function FollowingPage() {
  return <FeedPage kind="following" />;
}

function VideoRoute({ params }: { params?: { id: string } }) {
  return <VideoPage id={params?.id ?? ''} key={params?.id} />;
}

function BottomNav() {
  const { path } = useLocation();
  const me = currentUser.value;
  const current = (p: string) => (path === p ? 'page' : undefined);
  return (
    <nav class="bottom-nav" aria-label="Main">
      <a href="/" aria-current={current('/') ?? current('/following')}>
        <Icon name="home" /> Home
      </a>
      <a href="/create" aria-current={current('/create')}>
        <Icon name="plus" /> Create
      </a>
      <a href="/drafts" aria-current={current('/drafts')}>
        <Icon name="drafts" /> Drafts
      </a>
      {me ? (
        <a href={`/@${encodeURIComponent(me.handle)}`} aria-current={current(`/@${me.handle}`)}>
          <Icon name="person" /> Profile
        </a>
      ) : (
        <a href={`/login?next=${encodeURIComponent(path)}`} aria-current={current('/login')}>
          <Icon name="login" /> Log in
        </a>
      )}
    </nav>
  );
}

export function App() {
  return (
    <LocationProvider>
      <OfflineBanner />
      <ErrorBoundary>
        <Router>
          <Route path="/" component={FeedPage} />
          <Route path="/following" component={FollowingPage} />
          <Route path="/create" component={CreatePage} />
          <Route path="/drafts" component={DraftsPage} />
          <Route path="/login" component={LoginPage} />
          <Route path="/settings/feed" component={FeedSettingsPage} />
          <Route path="/v/:id" component={VideoRoute} />
          <Route default component={Fallback} />
        </Router>
      </ErrorBoundary>
      <BottomNav />
      <Toast />
    </LocationProvider>
  );
}
