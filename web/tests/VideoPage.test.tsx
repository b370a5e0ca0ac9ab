// A clip's page: the clip with its comments; the owner's draft controls; a missing clip.
import { render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VideoPage } from '../src/pages/VideoPage';
import { currentUser } from '../src/state/session';
import { mockFetch } from './fetchMock';
import { sampleVideo } from './fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
  currentUser.value = null;
});

const comment = {
  id: 'c1', video_id: 'vid1', text: 'What a jump!', created_at: '2026-01-01T00:00:00Z',
  author: { id: 'u2', handle: 'bob', display_name: 'Bob', avatar_url: null },
};

describe('VideoPage', () => {
  it('shows the clip, its prompt and comments, with a log-in link for visitors', async () => {
    mockFetch({
      'GET /api/v1/videos/vid1': { body: sampleVideo({ scene: { understood: { subjects: [{ kind: 'fox', word: 'fox' }] } } }) },
      'GET /api/v1/videos/vid1/comments': { body: { items: [comment], next_cursor: null } },
      'GET /api/v1/videos/vid1/remixes': { body: { items: [], next_cursor: null } },
    });
    render(<VideoPage id="vid1" />);
    expect(await screen.findByText('What a jump!')).toBeTruthy();
    expect(screen.getByText('a red fox jumps over a fence')).toBeTruthy();
    expect(screen.getByText('What the generator understood')).toBeTruthy();
    expect(screen.getByText('Log in').getAttribute('href')).toContain('/login?next=');
    expect(screen.queryByText('Delete')).toBeNull();
  });

  it('offers publish and delete on your own draft, and no comments yet', async () => {
    currentUser.value = { id: 'u1', handle: 'ada' };
    mockFetch({
      'GET /api/v1/videos/vid1': { body: sampleVideo({ status: 'draft', published_at: null }) },
      'GET /api/v1/videos/vid1/remixes': { body: { items: [], next_cursor: null } },
    });
    render(<VideoPage id="vid1" />);
    expect(await screen.findByText('Publish')).toBeTruthy();
    expect(screen.getByText(/Draft — only you can see it/)).toBeTruthy();
    expect(screen.queryByText('Comments')).toBeNull();
  });

  it('says so when the clip does not exist', async () => {
    mockFetch({});
    render(<VideoPage id="nope" />);
    expect((await screen.findByRole('alert')).textContent).toBe('This clip does not exist or is private.');
  });
});
