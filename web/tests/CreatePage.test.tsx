// Create: the character count, server errors in words with the prompt kept, progress.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobProgress } from '../src/components/JobProgress';
import { CreatePage } from '../src/pages/CreatePage';
import { allowance, currentUser, sessionKnown } from '../src/state/session';
import { mockFetch } from './fetchMock';

beforeEach(() => {
  currentUser.value = { id: 'u1', handle: 'ada' };
  sessionKnown.value = true;
  sessionStorage.clear();
  history.replaceState(null, '', '/create');
});
afterEach(() => {
  vi.unstubAllGlobals();
  currentUser.value = null;
  allowance.value = null;
});

describe('CreatePage', () => {
  it('counts characters out of 2000', () => {
    mockFetch({ 'GET /api/v1/me': { body: { user: currentUser.value } } });
    render(<CreatePage />);
    fireEvent.input(screen.getByLabelText('Prompt'), { target: { value: 'a fox' } });
    expect(screen.getByText('5/2000')).toBeTruthy();
  });

  it('shows "no generations left" where it happened and keeps the prompt', async () => {
    mockFetch({
      'GET /api/v1/me': { body: { user: currentUser.value, allowance: { monthly_limit: 10, used: 9, remaining: 1, resets_at: '2026-12-01T00:00:00Z' } } },
      'POST /api/v1/videos': { status: 429, body: { error: { code: 'quota_exhausted', message: 'You have no generations left this month' } } },
    });
    render(<CreatePage />);
    await waitFor(() => expect(screen.getByTestId('allowance').textContent).toContain('1 of 10 generations left'));
    fireEvent.input(screen.getByLabelText('Prompt'), { target: { value: 'a lighthouse' } });
    fireEvent.submit(screen.getByRole('form'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('You have no generations left this month'));
    expect((screen.getByLabelText('Prompt') as HTMLTextAreaElement).value).toBe('a lighthouse');
  });

  it('starts with the prompt of the clip being remixed', () => {
    mockFetch({ 'GET /api/v1/me': { body: { user: currentUser.value } } });
    history.replaceState(null, '', '/create?remix_of=v9&prompt=a%20cat');
    render(<CreatePage />);
    expect((screen.getByLabelText('Prompt') as HTMLTextAreaElement).value).toBe('a cat');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Remix');
  });

  it('picks up a clip still being made after a reload', async () => {
    const running = {
      id: 'j7', status: 'running', progress: 40, queue_position: 0, video_id: null, error: null,
      request: { prompt: 'a heron at dawn', seconds: 4, aspect: 'portrait', resolution: '720p', seed: 1, remix_of: null },
    };
    mockFetch({
      'GET /api/v1/me': { body: { user: currentUser.value } },
      'GET /api/v1/me/jobs': { body: { items: [{ ...running, id: 'j6', status: 'queued' }, running] } },
      'GET /api/v1/jobs/j7': { body: running },
    });
    render(<CreatePage />);
    await waitFor(() => expect(screen.getByText('Generating — 40%')).toBeTruthy());
    expect(screen.getByText('Making: “a heron at dawn”')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Generate' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it('shows queue position and progress', () => {
    const job = { id: 'j1', status: 'queued', progress: 0, queue_position: 3, video_id: null, error: null } as any;
    const { rerender } = render(<JobProgress job={job} />);
    expect(screen.getByText(/position 3 in the queue/)).toBeTruthy();
    rerender(<JobProgress job={{ ...job, status: 'running', progress: 40 }} />);
    expect(screen.getByText('Generating — 40%')).toBeTruthy();
  });
});
