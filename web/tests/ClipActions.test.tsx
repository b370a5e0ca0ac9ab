// Clip buttons: liking needs an account; when signed in it updates the count.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipActions, remixPath } from '../src/components/ClipActions';
import { currentUser } from '../src/state/session';
import { mockFetch } from './fetchMock';
import { sampleVideo } from './fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
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
});
