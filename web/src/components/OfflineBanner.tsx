// The banner shown while the server cannot be reached, with a Retry button.
import { useState } from 'preact/hooks';
import { offline, retryConnection } from '../state/connection';

export function OfflineBanner() {
  const [checking, setChecking] = useState(false);
  if (!offline.value) return null;
  const retry = async () => {
    setChecking(true);
    await retryConnection();
    setChecking(false);
  };
  return (
    <div class="offline-banner" role="alert" data-testid="offline-banner">
      <span>Can’t reach Dreamfeed — you may be offline or the server is down.</span>
      <button type="button" onClick={retry} disabled={checking}>
        {checking ? 'Checking…' : 'Retry'}
      </button>
    </div>
  );
}
