// Whether the server can be reached. The API client reports each answer or network
// failure here; the offline banner reads `offline` and its Retry button bumps
// `reloadKey`, which pages that load data depend on.
import { signal } from '@preact/signals';

export const offline = signal(false);
export const reloadKey = signal(0);

export function reportOffline() {
  offline.value = true;
}

export function reportOnline() {
  offline.value = false;
}

/** Checks the server is back; on success clears the banner and asks pages to reload. */
export async function retryConnection(): Promise<boolean> {
  try {
    const response = await fetch('/healthz', { cache: 'no-store' });
    if (!response.ok) throw new Error(String(response.status));
    offline.value = false;
    reloadKey.value++;
    return true;
  } catch {
    offline.value = true;
    return false;
  }
}

if (typeof window !== 'undefined') {
  window.addEventListener('offline', reportOffline);
  window.addEventListener('online', () => void retryConnection());
}
