// Clip buttons: liking needs an account; when signed in it updates the count. Sharing
// uses the system share sheet where there is one, else copies the link.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipActions, remixPath } from '../src/components/ClipActions';
import { Toast } from '../src/components/Toast';
import { currentUser, sessionKnown } from '../src/state/session';
import { viewEvents } from '../src/state/viewEvents';
import { mockFetch } from './fetchMock';
import { sampleVideo } from './fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
  viewEvents.clear();
  sessionKnown.value = false;
  currentUser.value = null;
  history.replaceState(null, '', '/');
});

describe('ClipActions', () => {
  it('sends a logged-out visitor to log in when they like', () => {
    const calls = mockFetch({});
    render(<ClipActions video={sampleVideo()} />);
    fireEvent.click(screen.getByLabelText('Like'));
    expect(location.pathname).toBe('/login');
    expect(calls).toHaveLength(0);
  });

  it('likes and shows the server count', async () => {
    currentUser.value = { id: 'u2', handle: 'bob' };
    const calls = mockFetch({ 'PUT /api/v1/videos/vid1/like': { body: { liked: true, likes: 7 } } });
    render(<ClipActions video={sampleVideo()} />);
    fireEvent.click(screen.getByLabelText('Like'));
    await waitFor(() => expect(screen.getByTestId('like-count').textContent).toBe('7'));
    expect(screen.getByLabelText('Unlike').getAttribute('aria-pressed')).toBe('true');
    expect(calls[0].method).toBe('PUT');
  });

  it('undoes the like and shows the error when the server refuses', async () => {
    currentUser.value = { id: 'u2', handle: 'bob' };
    mockFetch({ 'PUT /api/v1/videos/vid1/like': { status: 500, body: { error: { code: 'internal', message: 'database is busy' } } } });
    render(<ClipActions video={sampleVideo()} />);
    fireEvent.click(screen.getByLabelText('Like'));
    await waitFor(() => expect(screen.getByLabelText('Like').getAttribute('aria-pressed')).toBe('false'));
    expect(screen.getByTestId('like-count').textContent).toBe('3');
  });

  it('remix opens Create with the prompt and the source', () => {
    expect(remixPath(sampleVideo())).toBe('/create?remix_of=vid1&prompt=a%20red%20fox%20jumps%20over%20a%20fence');
  });

  it('shares through the system share sheet when there is one, and tells the ranking', async () => {
    sessionKnown.value = true;
    currentUser.value = { id: 'u2', handle: 'bob' };
    const share = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, share });
    render(<ClipActions video={sampleVideo()} />);
    fireEvent.click(screen.getByLabelText('Share'));
    await waitFor(() => expect(share).toHaveBeenCalledWith({ url: `${location.origin}/v/vid1`, title: 'a red fox jumps over a fence' }));
    await waitFor(() => expect(viewEvents.queued().map((e) => e.type)).toEqual(['share']));
  });

  it('counts no share when the share sheet is closed', async () => {
    sessionKnown.value = true;
    currentUser.value = { id: 'u2', handle: 'bob' };
    const share = vi.fn(async () => {
      throw new DOMException('cancelled', 'AbortError');
    });
    vi.stubGlobal('navigator', { ...navigator, share });
    render(<ClipActions video={sampleVideo()} />);
    fireEvent.click(screen.getByLabelText('Share'));
    await waitFor(() => expect(share).toHaveBeenCalled());
    expect(viewEvents.queued()).toHaveLength(0);
  });

  it('copies the link where there is no share sheet', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, share: undefined, clipboard: { writeText } });
    render(<><ClipActions video={sampleVideo()} /><Toast /></>);
    fireEvent.click(screen.getByLabelText('Share'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Link copied'));
    expect(writeText).toHaveBeenCalledWith(`${location.origin}/v/vid1`);
  });
});
