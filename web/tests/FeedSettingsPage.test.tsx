// "Your feed": steering in your own words (saved, shown back with what was understood,
// cleared) and the daily watch limit, against a mocked server.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedSettingsPage } from '../src/pages/FeedSettingsPage';
import { currentUser, sessionKnown } from '../src/state/session';
import { mockFetch } from './fetchMock';

const saved = { text: 'more animals and space, less cars', understood: 'more animals, space; less cars', ignored_words: ['and'] };
const noSteering = { status: 404, body: { error: { code: 'not_found', message: 'no steering set' } } };
const wellbeing = { body: { daily_limit_minutes: 0, watched_today_minutes: 12, utc_offset_minutes: 0 } };

beforeEach(() => {
  sessionKnown.value = true;
  currentUser.value = { id: 'u1', handle: 'ada' };
});

afterEach(() => {
  vi.unstubAllGlobals();
  currentUser.value = null;
  sessionKnown.value = false;
});

const steeringBox = () => screen.getByLabelText('What would you like to see more or less of?') as HTMLTextAreaElement;

describe('Your feed settings', () => {
  it('saves steering and shows what was understood and ignored; it is there on the next visit', async () => {
    const calls = mockFetch({ 'GET /api/v1/me/steering': [noSteering, { body: saved }], 'PUT /api/v1/me/steering': { body: saved }, 'GET /api/v1/me/wellbeing': wellbeing });
    const { unmount } = render(<FeedSettingsPage />);
    await screen.findByText('Watched today: 12 min');
    expect(steeringBox().value).toBe('');
    fireEvent.input(steeringBox(), { target: { value: 'more animals and space, less cars' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('more animals, space; less cars')).toBeTruthy();
    expect(screen.getByTestId('steering-ignored').textContent).toBe('and');
    expect(screen.getByText(/Saved\./)).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ text: 'more animals and space, less cars' });

    unmount();
    render(<FeedSettingsPage />);
    await waitFor(() => expect(steeringBox().value).toBe('more animals and space, less cars'));
    expect(screen.getByText('more animals, space; less cars')).toBeTruthy();
  });

  it('clears steering', async () => {
    const calls = mockFetch({ 'GET /api/v1/me/steering': { body: saved }, 'DELETE /api/v1/me/steering': { status: 204 }, 'GET /api/v1/me/wellbeing': wellbeing });
    render(<FeedSettingsPage />);
    await waitFor(() => expect(steeringBox().value).toBe(saved.text));
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await screen.findByText(/Cleared\./);
    expect(steeringBox().value).toBe('');
    expect(screen.queryByText('more animals, space; less cars')).toBeNull();
    expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/v1/me/steering')).toBe(true);
  });

  it('shows the server’s reason when it understood nothing, and keeps the typed words', async () => {
    mockFetch({
      'GET /api/v1/me/steering': noSteering,
      'PUT /api/v1/me/steering': { status: 400, body: { error: { code: 'invalid_argument', message: 'no known topic or mood in "blorp"', field: 'text' } } },
      'GET /api/v1/me/wellbeing': wellbeing,
    });
    render(<FeedSettingsPage />);
    await screen.findByText('Watched today: 12 min');
    fireEvent.input(steeringBox(), { target: { value: 'blorp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No known topic or mood in "blorp"');
    expect(steeringBox().getAttribute('aria-invalid')).toBe('true');
    expect(steeringBox().value).toBe('blorp');
  });

  it('sets a daily watch limit and shows it with today’s watching', async () => {
    const calls = mockFetch({
      'GET /api/v1/me/steering': noSteering,
      'GET /api/v1/me/wellbeing': wellbeing,
      'PUT /api/v1/me/wellbeing': { body: { daily_limit_minutes: 30, watched_today_minutes: 12, utc_offset_minutes: 60 } },
    });
    render(<FeedSettingsPage />);
    const minutes = (await screen.findByLabelText('Minutes a day (0 for no limit)')) as HTMLInputElement;
    await waitFor(() => expect(minutes.value).toBe('0'));
    fireEvent.input(minutes, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save limit' }));
    expect(await screen.findByText('Watched today: 12 min of 30')).toBeTruthy();
    expect(screen.getByText('Limit saved.')).toBeTruthy();
    // With the device's clock, so the limit's day ends at the viewer's midnight.
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      daily_limit_minutes: 30,
      utc_offset_minutes: 0 - new Date().getTimezoneOffset(), // 0, not -0, as JSON carries it
    });
  });

  it('shows the server’s words when it refuses the limit', async () => {
    mockFetch({
      'GET /api/v1/me/steering': noSteering,
      'GET /api/v1/me/wellbeing': wellbeing,
      'PUT /api/v1/me/wellbeing': { status: 400, body: { error: { code: 'invalid_argument', message: 'limits cannot change more than once an hour', field: 'daily_limit_minutes' } } },
    });
    render(<FeedSettingsPage />);
    const minutes = (await screen.findByLabelText('Minutes a day (0 for no limit)')) as HTMLInputElement;
    await waitFor(() => expect(minutes.value).toBe('0'));
    fireEvent.input(minutes, { target: { value: '60' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save limit' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Limits cannot change more than once an hour');
    expect(minutes.getAttribute('aria-invalid')).toBe('true');
  });

  it('asks a visitor to log in', () => {
    currentUser.value = null;
    const calls = mockFetch({});
    render(<FeedSettingsPage />);
    expect(screen.getByRole('link', { name: 'Log in' })).toBeTruthy();
    expect(calls).toHaveLength(0);
  });
});
