// "Your feed" (/settings/feed): steer the For You feed in your own words and set a
// daily watch limit. Linked from your own profile; loaded on demand.
import { SteeringForm } from '../components/SteeringForm';
import { WatchLimitForm } from '../components/WatchLimitForm';
import { loggedIn, loginPath, sessionKnown } from '../state/session';

export function FeedSettingsPage() {
  if (!sessionKnown.value) {
    return (
      <main class="page narrow" aria-busy="true">
        <p>Loading…</p>
      </main>
    );
  }
  return (
    <main class="page narrow feed-settings">
      <h1>Your feed</h1>
      {loggedIn.value ? (
        <>
          <p class="hint">Choose what the For You feed shows you, and how long you want to watch each day.</p>
          <SteeringForm />
          <WatchLimitForm />
        </>
      ) : (
        <p>
          <a href={loginPath()}>Log in</a> to steer your feed and set a daily limit.
        </p>
      )}
    </main>
  );
}
