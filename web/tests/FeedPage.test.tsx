// The ranked For You feed as a viewer sees it: why each clip is there, the end of the
// feed at the daily limit, the nudge to create, "Not interested" / "Hide this
// creator", and the viewing events a clip on screen reports.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedList } from '../src/components/FeedList';
import { Toast } from '../src/components/Toast';
import { FeedPage } from '../src/pages/FeedPage';
import { currentUser, sessionKnown } from '../src/state/session';
import { viewEvents } from '../src/state/viewEvents';
import { mockFetch } from './fetchMock';
import { sampleVideo } from './fixtures';

const LIMIT = 'You reached your daily limit of 30 minutes. See you tomorrow!';

function signIn() {
  sessionKnown.value = true;
  currentUser.value = { id: 'u9', handle: 'viewer' };
}

afterEach(() => {
  // Unmount first: a clip that leaves the screen reports its watch, which must not
  // leak into the next test's queue.
  cleanup();
  vi.unstubAllGlobals();
  viewEvents.clear();
  currentUser.value = null;
  sessionKnown.value = false;
  history.replaceState(null, '', '/');
});

const page = (items: unknown[], extra: object = {}) => ({
  body: { items, next_cursor: null, limit_reached: false, message: null, nudge: null, ...extra },
});

describe('For You feed', () => {
  it('shows why each clip was chosen, and no line when there is no reason', async () => {
    mockFetch({
      'GET /api/v1/feed': page([
        sampleVideo({ reason: 'because you finished 3 clips about horses' }),
        sampleVideo({ id: 'vid2', prompt: 'a quiet lake' }),
      ]),
    });
    render(<FeedPage />);
    expect(await screen.findByText('because you finished 3 clips about horses')).toBeTruthy();
    expect(screen.getAllByText('Why this clip:')).toHaveLength(1);
    expect(screen.getAllByTestId('reason')[0].closest('article')?.getAttribute('aria-label')).toBe('Clip by @ada');
  });

  it('ends with the server’s message when the daily limit is reached, and loads no more', async () => {
    const calls = mockFetch({
      'GET /api/v1/feed': [
        { body: { items: [sampleVideo()], next_cursor: 'c2', limit_reached: false } },
        page([], { limit_reached: true, message: LIMIT }),
      ],
    });
    render(<FeedPage />);
    expect(await screen.findByText(LIMIT)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'That is all for today' })).toBeTruthy();
    expect(screen.getByText('a red fox jumps over a fence')).toBeTruthy(); // the clips already loaded stay
    expect(screen.getByRole('link', { name: 'Your feed' }).getAttribute('href')).toBe('/settings/feed');
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.filter((c) => c.url.startsWith('/api/v1/feed'))).toHaveLength(2);
  });

  it('shows the limit message alone when the first page is already past the limit', async () => {
    mockFetch({ 'GET /api/v1/feed': page([], { limit_reached: true, message: LIMIT }) });
    render(<FeedPage />);
    expect(await screen.findByText(LIMIT)).toBeTruthy();
    expect(screen.queryByText(/No clips yet/)).toBeNull();
  });

  it('tells a signed-in viewer with nothing left to watch that they are caught up', async () => {
    signIn();
    mockFetch({ 'GET /api/v1/feed': page([]) });
    render(<FeedPage />);
    expect(await screen.findByText(/You are all caught up/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Make a clip' }).getAttribute('href')).toBe('/create');
  });

  it('offers a gentle way to create when the page carries a nudge, until dismissed', async () => {
    mockFetch({ 'GET /api/v1/feed': page([sampleVideo()], { nudge: 'You have been watching for a while — want to make a clip of your own?' }) });
    render(<FeedPage />);
    expect(await screen.findByText(/want to make a clip of your own/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Make a clip' }).getAttribute('href')).toBe('/create');
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByText(/want to make a clip of your own/)).toBeNull();
  });

  it('"Not interested" takes the clip out at once, says so, and tells the ranking', async () => {
    signIn();
    mockFetch({ 'GET /api/v1/feed': page([sampleVideo(), sampleVideo({ id: 'vid2', prompt: 'a quiet lake' })]) });
    render(<><FeedPage /><Toast /></>);
    await screen.findByText('a quiet lake');
    fireEvent.click(screen.getAllByRole('button', { name: 'More options' })[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Not interested' }));
    expect(screen.queryByText('a red fox jumps over a fence')).toBeNull();
    expect(screen.getByText('a quiet lake')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/fewer clips like this/);
    expect(viewEvents.queued().filter((e) => e.type === 'not_interested')).toMatchObject([{ video_id: 'vid1' }]);
  });

  it('a tap outside the "…" menu closes it', async () => {
    mockFetch({ 'GET /api/v1/feed': page([sampleVideo()]) });
    render(<FeedPage />);
    await screen.findByText('a red fox jumps over a fence');
    fireEvent.click(screen.getByRole('button', { name: 'More options' }));
    expect(screen.getByRole('button', { name: 'Not interested' })).toBeTruthy();
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Not interested' }));
    expect(screen.getByRole('button', { name: 'Not interested' })).toBeTruthy();
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole('button', { name: 'Not interested' })).toBeNull();
  });

  it('"Hide this creator" takes out every loaded clip by that creator', async () => {
    signIn();
    const bob = { id: 'u2', handle: 'bob' };
    mockFetch({
      'GET /api/v1/feed': page([
        sampleVideo(),
        sampleVideo({ id: 'vid2', prompt: 'a quiet lake', creator: bob }),
        sampleVideo({ id: 'vid3', prompt: 'a fox at night' }),
      ]),
    });
    render(<><FeedPage /><Toast /></>);
    await screen.findByText('a quiet lake');
    fireEvent.click(screen.getAllByRole('button', { name: 'More options' })[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Hide this creator' }));
    expect(screen.queryByText('a red fox jumps over a fence')).toBeNull();
    expect(screen.queryByText('a fox at night')).toBeNull();
    expect(screen.getByText('a quiet lake')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/no longer see clips by @ada/);
    expect(viewEvents.queued().filter((e) => e.type === 'hide_creator')).toMatchObject([{ creator_id: 'u1' }]);
  });

  it('closes the … menu with Escape or when focus leaves it', async () => {
    mockFetch({ 'GET /api/v1/feed': page([sampleVideo()]) });
    render(<FeedPage />);
    const toggle = await screen.findByRole('button', { name: 'More options' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.focusOut(toggle, { relatedTarget: screen.getByRole('button', { name: 'Not interested' }) });
    expect(screen.getByRole('button', { name: 'Not interested' })).toBeTruthy();
    fireEvent.keyDown(toggle, { key: 'Escape' });
    expect(screen.queryByRole('button', { name: 'Not interested' })).toBeNull();
    fireEvent.click(toggle);
    fireEvent.focusOut(toggle, { relatedTarget: null });
    expect(screen.queryByRole('button', { name: 'Not interested' })).toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('asks a visitor to log in before "Not interested", and keeps the clip', async () => {
    sessionKnown.value = true;
    mockFetch({ 'GET /api/v1/feed': page([sampleVideo()]) });
    render(<FeedPage />);
    await screen.findByText('a red fox jumps over a fence');
    fireEvent.click(screen.getByRole('button', { name: 'More options' }));
    fireEvent.click(screen.getByRole('button', { name: 'Not interested' }));
    expect(location.pathname).toBe('/login');
    expect(screen.getByText('a red fox jumps over a fence')).toBeTruthy();
  });
});

describe('viewing events from the feed', () => {
  it('reports an impression for the clip on screen, and a watch and a skip when left at once', () => {
    signIn();
    const { unmount } = render(<FeedList videos={[sampleVideo(), sampleVideo({ id: 'vid2' })]} />);
    expect(viewEvents.queued().map((e) => [e.type, e.video_id])).toEqual([['impression', 'vid1']]);
    unmount();
    const events = viewEvents.queued();
    expect(events.map((e) => e.type)).toEqual(['impression', 'watch', 'skip']);
    expect(events[1]).toMatchObject({ video_id: 'vid1', duration_ms: 4000, completed: false, loops: 0 });
  });

  it('reports nothing for a visitor', () => {
    sessionKnown.value = true;
    const { unmount } = render(<FeedList videos={[sampleVideo()]} />);
    unmount();
    expect(viewEvents.queued()).toHaveLength(0);
  });
});
