// The API client: errors as ApiError in words, the CSRF header, offline reports, 401s.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, errorMessage, setCsrfToken, setUnauthorizedHandler } from '../src/api/client';
import { offline } from '../src/state/connection';
import { mockFetch } from './fetchMock';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken('');
  setUnauthorizedHandler(null);
  offline.value = false;
});

describe('api client', () => {
  it('returns the parsed JSON of a successful answer', async () => {
    mockFetch({ 'GET /api/v1/feed': { body: { items: [], next_cursor: null } } });
    expect(await api('GET', '/feed')).toEqual({ items: [], next_cursor: null });
  });

  it('turns an error body into an ApiError with code, message and field', async () => {
    mockFetch({ 'POST /api/v1/videos': { status: 400, body: { error: { code: 'invalid_argument', message: 'prompt is empty', field: 'prompt' } } } });
    const error = await api('POST', '/videos', { body: { prompt: '' } }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_argument', field: 'prompt' });
    expect(errorMessage(error)).toBe('Prompt is empty');
  });

  it('gives up on a request that hangs past its timeout, as if offline', async () => {
    vi.stubGlobal('fetch', vi.fn((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    ));
    const error = (await api('POST', '/events', { body: { events: [] }, timeoutMs: 20 }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
  });

  it('sends the CSRF token on state-changing requests only', async () => {
    const calls = mockFetch({ 'GET /api/v1/me': { body: {} }, 'PUT /api/v1/videos/v1/like': { body: { liked: true, likes: 1 } } });
    setCsrfToken('tok');
    await api('GET', '/me');
    await api('PUT', '/videos/v1/like');
    expect(calls[0].headers['X-CSRF-Token']).toBeUndefined();
    expect(calls[1].headers['X-CSRF-Token']).toBe('tok');
  });

  it('reports the server unreachable and clears the report on the next answer', async () => {
    mockFetch({ 'GET /api/v1/feed': 'network-error' });
    const error: any = await api('GET', '/feed').catch((e) => e);
    expect(error.status).toBe(0);
    expect(offline.value).toBe(true);
    mockFetch({ 'GET /api/v1/feed': { body: { items: [] } } });
    await api('GET', '/feed');
    expect(offline.value).toBe(false);
  });

  it('calls the expired-session handler on 401 unless the request expects it', async () => {
    const expired = vi.fn();
    setUnauthorizedHandler(expired);
    mockFetch({ 'GET /api/v1/me': { status: 401, body: { error: { code: 'unauthenticated', message: 'log in' } } } });
    await api('GET', '/me', { quiet401: true }).catch(() => undefined);
    expect(expired).not.toHaveBeenCalled();
    await api('GET', '/me').catch(() => undefined);
    expect(expired).toHaveBeenCalledOnce();
  });

  it('quota exhaustion is shown in the server words', async () => {
    mockFetch({ 'POST /api/v1/videos': { status: 429, body: { error: { code: 'quota_exhausted', message: 'You have no generations left this month' } } } });
    const error = await api('POST', '/videos', { body: {} }).catch((e) => e);
    expect(errorMessage(error)).toBe('You have no generations left this month');
  });
});
