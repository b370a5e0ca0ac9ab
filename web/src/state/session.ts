// The signed-in person: who they are, their CSRF token and generation allowance.
// Also the "log in first, then come back" flow used by every action that needs an
// account, and the expired-session redirect.
import { computed, signal } from '@preact/signals';
import { setCsrfToken, setUnauthorizedHandler } from '../api/client';
import { endpoints } from '../api/endpoints';
import type { Allowance, User } from '../api/types';
import { navigate } from '../lib/navigate';

export const currentUser = signal<User | null>(null);
export const allowance = signal<Allowance | null>(null);
/** False until the first "who am I" answer (or failure) arrives. */
export const sessionKnown = signal(false);
export const loggedIn = computed(() => currentUser.value !== null);

function signedIn(user: User, csrf: string | undefined) {
  currentUser.value = user;
  if (csrf) setCsrfToken(csrf);
}

export async function loadSession(): Promise<void> {
  try {
    const me = await endpoints.me();
    signedIn(me.user, me.csrf_token);
    allowance.value = me.allowance ?? null;
  } catch {
    currentUser.value = null;
  } finally {
    sessionKnown.value = true;
  }
}

export async function logIn(handle: string, password: string) {
  const result = await endpoints.login(handle, password);
  signedIn(result.user, result.csrf_token);
  void refreshAllowance();
}

export async function signUp(handle: string, password: string) {
  const result = await endpoints.signup(handle, password);
  signedIn(result.user, result.csrf_token);
  void refreshAllowance();
}

export async function logOut() {
  try {
    await endpoints.logout();
  } finally {
    currentUser.value = null;
    allowance.value = null;
    setCsrfToken('');
  }
}

export async function refreshAllowance() {
  try {
    const me = await endpoints.me();
    allowance.value = me.allowance ?? null;
    if (me.csrf_token) setCsrfToken(me.csrf_token);
  } catch {
    /* the allowance is informative; its absence is shown as unknown */
  }
}

export function updateCurrentUser(user: User) {
  currentUser.value = { ...currentUser.value, ...user };
}

const here = () => window.location.pathname + window.location.search;

/** The log-in page's address that brings the person back to `next` afterwards. */
export function loginPath(next = here()) {
  return `/login?next=${encodeURIComponent(next)}`;
}

/** True when signed in; otherwise sends the person to log in (and back) and returns false. */
export function requireLogin(next = here()): boolean {
  if (currentUser.value) return true;
  navigate(loginPath(next));
  return false;
}

/** A 401 on a request that needed the session: it expired, so log in again and come back. */
export function handleExpiredSession() {
  currentUser.value = null;
  if (!window.location.pathname.startsWith('/login')) navigate(loginPath());
}

setUnauthorizedHandler(handleExpiredSession);
