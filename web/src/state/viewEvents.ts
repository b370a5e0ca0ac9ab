// What viewers do with clips (impressions, watch time, skips, shares, "not interested"),
// queued and sent in batches to POST /api/v1/events so the ranked feed can learn.
// - reporting never waits on the network: report() only pushes onto a queue;
// - a batch goes every few seconds, at once when enough are waiting, and with
//   `keepalive` when the tab is hidden or closed (the request outlives the page);
// - each event gets its id when queued, so a batch that failed (or whose answer was
//   lost) is sent again with the same ids and the server counts it once;
// - nothing is sent for visitors (the route is for signed-in viewers), and the
//   queue is bounded: when sends keep failing the oldest events are dropped.
import { effect } from '@preact/signals';
import { ApiError } from '../api/client';
import { endpoints } from '../api/endpoints';
import type { EventsReply, ViewEvent, ViewEventBody } from '../api/types';
import { currentUser, sessionKnown } from './session';

export const FLUSH_EVERY_MS = 5000;
export const FLUSH_AT = 20;
export const MAX_QUEUED = 500;
/** The server takes at most 200 per batch; browsers cap all keepalive bodies at 64 KB. */
const MAX_BATCH = 200;
const MAX_KEEPALIVE_BATCH = 100;
const MAX_RETRY_DELAY_MS = 60_000;

/** A random UUID; crypto.randomUUID only exists on https and localhost, hence the fallback. */
export function newEventId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface ReporterDeps {
  send: (events: ViewEvent[], keepalive: boolean) => Promise<EventsReply>;
  /** null while the session is not known yet (the first clip may start before "who am I" answers). */
  signedIn: () => boolean | null;
  now?: () => number;
}

export function createEventReporter({ send, signedIn, now = Date.now }: ReporterDeps) {
  let queue: ViewEvent[] = [];
  let sending = false;
  /** Events in a keepalive send: a page going away fires both visibilitychange and pagehide. */
  const leaving = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = FLUSH_EVERY_MS;
  const beforeHide = new Set<() => void>();

  const schedule = (delay: number) => {
    if (timer === undefined && queue.length > 0) timer = setTimeout(() => void flush(), delay);
  };

  /** Sends what is queued; `keepalive` for the last send of a page that is going away. */
  async function flush(keepalive = false): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const who = signedIn();
    if (who === null) return schedule(FLUSH_EVERY_MS);
    if (!who) {
      queue = [];
      return;
    }
    // One ordinary send at a time; a keepalive send may overlap it (the page is
    // leaving), and any events both carry are counted once thanks to their ids.
    if (queue.length === 0 || (sending && !keepalive)) return;
    const batch = keepalive
      ? queue.filter((e) => !leaving.has(e.id)).slice(0, MAX_KEEPALIVE_BATCH)
      : queue.slice(0, MAX_BATCH);
    if (batch.length === 0) return;
    if (keepalive) batch.forEach((e) => leaving.add(e.id));
    else sending = true;
    let failed = false;
    try {
      await send(batch, keepalive);
      drop(batch);
      retryDelay = FLUSH_EVERY_MS;
    } catch (e) {
      // A refusal (bad body, session gone) will not change on a retry; anything else
      // (offline, server down, 5xx, 429) keeps the batch for the next try.
      const status = e instanceof ApiError ? e.status : 0;
      if (status === 401) queue = [];
      else if (status >= 400 && status < 500 && status !== 408 && status !== 429) drop(batch);
      else {
        failed = true;
        retryDelay = Math.min(retryDelay * 2, MAX_RETRY_DELAY_MS);
      }
    } finally {
      if (keepalive) batch.forEach((e) => leaving.delete(e.id));
      else sending = false;
    }
    if (queue.length >= FLUSH_AT && !failed) void flush();
    else schedule(failed ? retryDelay : FLUSH_EVERY_MS);
  }

  function drop(sent: ViewEvent[]) {
    const ids = new Set(sent.map((e) => e.id));
    queue = queue.filter((e) => !ids.has(e.id));
  }

  return {
    /** Queues one event (signed-in viewers only); returns at once. */
    report(event: ViewEventBody) {
      if (signedIn() === false) return;
      queue.push({ ...event, id: newEventId(), at: now() } as ViewEvent);
      if (queue.length > MAX_QUEUED) queue.splice(0, queue.length - MAX_QUEUED);
      if (queue.length >= FLUSH_AT && !sending) void flush();
      else schedule(FLUSH_EVERY_MS);
    },
    flush,
    /** The page is being hidden or closed: let watchers report, then send with keepalive. */
    hidden() {
      for (const fn of beforeHide) fn();
      void flush(true);
    },
    /** `fn` runs just before the hidden-page send, e.g. to end the watch in progress. */
    onBeforeHide(fn: () => void): () => void {
      beforeHide.add(fn);
      return () => beforeHide.delete(fn);
    },
    /** Forgets everything queued (the viewer logged out, or someone else logged in). */
    clear() {
      queue = [];
      clearTimeout(timer);
      timer = undefined;
    },
    queued: () => queue.slice(),
  };
}

/** The app's reporter: the API client, the session, and the page's hide events. */
export const viewEvents = createEventReporter({
  send: endpoints.sendEvents,
  signedIn: () => (sessionKnown.value ? currentUser.value !== null : null),
});

export const reportEvent = (event: ViewEventBody) => viewEvents.report(event);

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => viewEvents.hidden());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') viewEvents.hidden();
  });
  // Events belong to the person who was watching: a log-out or a different log-in
  // must not send them under someone else's session.
  // (Events queued before the first "who am I" answer are the signed-in viewer's own.)
  let userId: string | null = null;
  effect(() => {
    const id = currentUser.value?.id ?? null;
    if (userId !== null && id !== userId) viewEvents.clear();
    userId = id;
  });
}
