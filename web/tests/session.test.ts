// The session store: who am I, logging in and out, "log in first and come back".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../src/api/client';
import { currentUser, handleExpiredSession, loadSession, logIn, logOut, loginPath, requireLogin, sessionKnown } from '../src/state/session';
import { mockFetch } from './fetchMock';

const ada = { id: 'u1', handle: 'ada', display_name: 'Ada' };

afterEach(() => {
  vi.unstubAllGlobals();
  currentUser.value = null;
  history.replaceState(null, '', '/');
});

describe('session', () => {
  it('loads the signed-in person and uses their CSRF token afterwards', async () => {
    const calls = mockFetch({ 'GET /api/v1/me': { body: { user: ada, csrf_token: 'c1' } }, 'POST /api/v1/auth/logout': { status: 204 } });
    await loadSession();
    expect(sessionKnown.value).toBe(true);
    expect(currentUser.value?.handle).toBe('ada');
    await logOut();
    expect(calls.at(-1)?.headers['X-CSRF-Token']).toBe('c1');
    expect(currentUser.value).toBeNull();
  });

  it('treats a 401 from /me as logged out without redirecting', async () => {
    mockFetch({ 'GET /api/v1/me': { status: 401, body: { error: { code: 'unauthenticated', message: 'no session' } } } });
    history.replaceState(null, '', '/v/abc');
    await loadSession();
    expect(currentUser.value).toBeNull();
    expect(location.pathname).toBe('/v/abc');
  });

  it('logs in', async () => {
    mockFetch({ 'POST /api/v1/auth/login': { body: { user: ada, token: 't', csrf_token: 'c2' } }, 'GET /api/v1/me': { body: { user: ada } } });
    await logIn('ada', 'pw');
    expect(currentUser.value?.id).toBe('u1');
  });

  it('sends logged-out people to log in with the way back', () => {
    history.replaceState(null, '', '/v/abc?x=1');
    expect(requireLogin()).toBe(false);
    expect(location.pathname).toBe('/login');
    expect(new URLSearchParams(location.search).get('next')).toBe('/v/abc?x=1');
    currentUser.value = ada;
    expect(requireLogin()).toBe(true);
  });

  it('an expired session on any request goes to log in and back', async () => {
    currentUser.value = ada;
    history.replaceState(null, '', '/create');
    mockFetch({ 'POST /api/v1/videos': { status: 401, body: { error: { code: 'unauthenticated', message: 'session expired' } } } });
    await api('POST', '/videos', { body: {} }).catch(() => undefined);
    expect(currentUser.value).toBeNull();
    expect(location.pathname + location.search).toBe(loginPath('/create'));
    handleExpiredSession();
    expect(location.pathname).toBe('/login');
  });
});
