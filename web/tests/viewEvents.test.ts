// The event reporter: batches on a timer or when 20 are waiting, retries a failed
// batch with the same ids, sends with keepalive when the page goes away, and sends
// nothing for visitors.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endpoints } from '../src/api/endpoints';
import type { ViewEvent } from '../src/api/types';
import { currentUser, sessionKnown } from '../src/state/session';
import { createEventReporter, FLUSH_AT, FLUSH_EVERY_MS, MAX_QUEUED, newEventId, viewEvents } from '../src/state/viewEvents';
import { mockFetch } from './fetchMock';

const ok = { body: { accepted: 1, duplicates: 0, rejected: [] } };
const sentIds = (body: unknown) => (body as { events: ViewEvent[] }).events.map((e) => e.id);

let signedIn: boolean | null = true;
const reporter = () => createEventReporter({ send: endpoints.sendEvents, signedIn: () => signedIn });

beforeEach(() => {
  vi.useFakeTimers();
  signedIn = true;
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  currentUser.value = null;
  sessionKnown.value = false;
});

describe('event reporter', () => {
  it('sends queued events together after a few seconds, each with its own id and time', async () => {
    const calls = mockFetch({ 'POST /api/v1/events': ok });
    const r = reporter();
    r.report({ type: 'impression', video_id: 'vid1' });
    r.report({ type: 'watch', video_id: 'vid1', watched_ms: 3500, duration_ms: 4000, completed: false, loops: 0 });
    r.report({ type: 'share', video_id: 'vid1' });
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(FLUSH_EVERY_MS);
    expect(calls).toHaveLength(1);
    const events = (calls[0].body as { events: ViewEvent[] }).events;
    expect(events.map((e) => e.type)).toEqual(['impression', 'watch', 'share']);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    expect(events[1]).toMatchObject({ watched_ms: 3500, duration_ms: 4000, completed: false, loops: 0 });
    expect(typeof events[0].at).toBe('number');
    expect(calls[0].keepalive).toBe(false);
    expect(r.queued()).toHaveLength(0);
  });

  it(`sends at once when ${FLUSH_AT} events are waiting`, async () => {
    const calls = mockFetch({ 'POST /api/v1/events': ok });
    const r = reporter();
    for (let i = 0; i < FLUSH_AT; i++) r.report({ type: 'impression', video_id: `vid${i}` });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    expect(sentIds(calls[0].body)).toHaveLength(FLUSH_AT);
  });

  it('retries a failed batch later with the same ids, then stops', async () => {
    const calls = mockFetch({ 'POST /api/v1/events': ['network-error', { status: 503 }, ok] });
    const r = reporter();
    r.report({ type: 'impression', video_id: 'vid1' });
    r.report({ type: 'skip', video_id: 'vid1' });
    await vi.advanceTimersByTimeAsync(FLUSH_EVERY_MS);
    expect(calls).toHaveLength(1);
    expect(r.queued()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(3);
    expect(sentIds(calls[1].body)).toEqual(sentIds(calls[0].body));
    expect(sentIds(calls[2].body)).toEqual(sentIds(calls[0].body));
    expect(r.queued()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(3);
  });

  it('drops a batch the server refuses as malformed instead of retrying it forever', async () => {
    const calls = mockFetch({ 'POST /api/v1/events': { status: 400, body: { error: { code: 'invalid_argument', message: 'bad' } } } });
    const r = reporter();
    r.report({ type: 'impression', video_id: 'vid1' });
    await vi.advanceTimersByTimeAsync(FLUSH_EVERY_MS * 10);
    expect(calls).toHaveLength(1);
    expect(r.queued()).toHaveLength(0);
  });

  it('sends nothing for a visitor', async () => {
    const calls = mockFetch({ 'POST /api/v1/events': ok });
    signedIn = false;
    const r = reporter();
    r.report({ type: 'impression', video_id: 'vid1' });
    await vi.advanceTimersByTimeAsync(FLUSH_EVERY_MS * 2);
    r.hidden();
    expect(calls).toHaveLength(0);
  });

  it('holds events until the session is known, then sends them for a signed-in viewer', async () => {
    const calls = mockFetch({ 'POST /api/v1/events': ok });
    signedIn = null;
    const r = reporter();
    r.report({ type: 'impression', video_id: 'vid1' });
    await vi.advanceTimersByTimeAsync(FLUSH_EVERY_MS);
    expect(calls).toHaveLength(0);
    signedIn = true;
    await vi.advanceTimersByTimeAsync(FLUSH_EVERY_MS);
    expect(calls).toHaveLength(1);
  });

  it('keeps at most a bounded queue while the server cannot be reached', async () => {
    mockFetch({ 'POST /api/v1/events': 'network-error' });
    const r = reporter();
    for (let i = 0; i < MAX_QUEUED + 50; i++) r.report({ type: 'impression', video_id: `vid${i}` });
    await vi.advanceTimersByTimeAsync(0);
    expect(r.queued()).toHaveLength(MAX_QUEUED);
    expect(r.queued().at(-1)?.video_id).toBe(`vid${MAX_QUEUED + 49}`);
  });

  it('when the page is hidden or closed, lets the clip on screen report first, then sends once with keepalive', async () => {
    const calls = mockFetch({ 'POST /api/v1/events': ok });
    sessionKnown.value = true;
    currentUser.value = { id: 'u1', handle: 'ada' };
    viewEvents.report({ type: 'impression', video_id: 'vid1' });
    let watching = true; // like the feed's clip: it reports its watch once, then is done
    const off = viewEvents.onBeforeHide(() => {
      if (watching) viewEvents.report({ type: 'watch', video_id: 'vid1', watched_ms: 1200, duration_ms: 4000, completed: false, loops: 0 });
      watching = false;
    });
    // Closing a tab fires visibilitychange (hidden) and then pagehide: one send.
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('pagehide'));
    delete (document as { visibilityState?: string }).visibilityState;
    off();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    expect(calls[0].keepalive).toBe(true);
    expect((calls[0].body as { events: ViewEvent[] }).events.map((e) => e.type)).toEqual(['impression', 'watch']);
  });

  it('keeps what the first clip reported before the session was known, and sends it once signed in', async () => {
    const calls = mockFetch({ 'POST /api/v1/events': ok });
    viewEvents.report({ type: 'impression', video_id: 'vid1' });
    currentUser.value = { id: 'u1', handle: 'ada' };
    sessionKnown.value = true;
    await vi.advanceTimersByTimeAsync(FLUSH_EVERY_MS);
    expect(calls).toHaveLength(1);
    expect((calls[0].body as { events: ViewEvent[] }).events.map((e) => e.video_id)).toEqual(['vid1']);
  });

  it('forgets queued events when the viewer logs out', async () => {
    const calls = mockFetch({ 'POST /api/v1/events': ok });
    sessionKnown.value = true;
    currentUser.value = { id: 'u1', handle: 'ada' };
    viewEvents.report({ type: 'impression', video_id: 'vid1' });
    currentUser.value = null;
    expect(viewEvents.queued()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(FLUSH_EVERY_MS);
    expect(calls).toHaveLength(0);
  });

  it('makes v4 UUIDs even where crypto.randomUUID is missing (plain http)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newEventId()).toMatch(uuid);
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => real.getRandomValues(a) });
    const a = newEventId();
    vi.unstubAllGlobals();
    expect(a).toMatch(uuid);
  });
});
