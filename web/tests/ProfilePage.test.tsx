// A profile: counts, the follow button (log in first when logged out), the clip grid.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProfilePage } from '../src/pages/ProfilePage';
import { currentUser } from '../src/state/session';
import { mockFetch } from './fetchMock';
import { sampleVideo } from './fixtures';

const adaProfile = {
  id: 'u1', handle: 'ada', display_name: 'Ada L.', bio: 'I make foxes jump.', avatar_url: null,
  created_at: '2026-01-01T00:00:00Z', followers: 4, following: 2, published_videos: 1, followed_by_me: false,
};

function serve() {
  return mockFetch({
    'GET /api/v1/users/ada': { body: adaProfile },
    'GET /api/v1/users/ada/videos': { body: { items: [sampleVideo()], next_cursor: null } },
    'PUT /api/v1/users/ada/follow': { body: { following: true, followers: 5 } },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  currentUser.value = null;
  history.replaceState(null, '', '/');
});

describe('ProfilePage', () => {
  it('shows name, bio, counts and the clip grid', async () => {
    serve();
    render(<ProfilePage handle="ada" />);
    await screen.findByRole('heading', { name: 'Ada L.' });
    expect(screen.getByText('I make foxes jump.')).toBeTruthy();
    expect(screen.getByTestId('followers-count').textContent).toBe('4');
    await waitFor(() => expect(screen.getByAltText('a red fox jumps over a fence')).toBeTruthy());
  });

  it('asks a logged-out visitor to log in before following', async () => {
    const calls = serve();
    history.replaceState(null, '', '/@ada');
    render(<ProfilePage handle="ada" />);
    fireEvent.click(await screen.findByTestId('follow-button'));
    expect(location.pathname).toBe('/login');
    expect(new URLSearchParams(location.search).get('next')).toBe('/@ada');
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('follows and shows the new follower count', async () => {
    currentUser.value = { id: 'u2', handle: 'bob' };
    serve();
    render(<ProfilePage handle="ada" />);
    fireEvent.click(await screen.findByTestId('follow-button'));
    await waitFor(() => expect(screen.getByTestId('followers-count').textContent).toBe('5'));
    expect(screen.getByTestId('follow-button').textContent).toBe('Following');
  });

  it('offers editing, drafts and log out on your own profile', async () => {
    currentUser.value = { id: 'u1', handle: 'ada' };
    serve();
    render(<ProfilePage handle="ada" />);
    expect(await screen.findByText('Edit profile')).toBeTruthy();
    expect(screen.getByText('Log out')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Your feed' }).getAttribute('href')).toBe('/settings/feed');
    expect(screen.queryByTestId('follow-button')).toBeNull();
  });
});
