// The one HTTP client for /api/v1: JSON in and out, the CSRF header on state-changing
// requests, API errors as ApiError (code, message, field), and network failures
// reported to the connection store so the app can show its offline banner.
import { reportOffline, reportOnline } from '../state/connection';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** True when the request never got an answer from the server (offline, server down). */
export const isNetworkError = (e: unknown) => e instanceof ApiError && e.status === 0;

let csrfToken = '';
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string) {
  csrfToken = token;
}

/** Called when a request that needed a session got 401 (session expired). */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  /** Raw body (e.g. an image file) sent as is, with its own content type. */
  raw?: Blob;
  /** A 401 on this request is expected (e.g. "who am I") and must not redirect. */
  quiet401?: boolean;
  /** Let the request outlive the page (events flushed as the tab is hidden or closed). */
  keepalive?: boolean;
  /** Give up (as if offline) after this long, so a hung request cannot hold up later ones. */
  timeoutMs?: number;
}

const GENERIC_MESSAGES: Record<number, string> = {
  413: 'That is too large to upload.',
  429: 'Too many requests; wait a moment and try again.',
  502: 'The server is not answering right now.',
  503: 'The server is not answering right now.',
  504: 'The server is not answering right now.',
};

export async function api<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.raw) {
    body = options.raw;
    headers['Content-Type'] = options.raw.type || 'application/octet-stream';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      ...(options.keepalive ? { keepalive: true } : {}),
      ...(options.timeoutMs ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
    });
  } catch {
    reportOffline();
    throw new ApiError(0, 'network', 'Dreamfeed cannot be reached. Check your connection and retry.');
  }
  if (response.status >= 502 && response.status <= 504) reportOffline();
  else reportOnline();

  const text = await response.text();
  let data: any = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const error = data?.error;
    const apiError = new ApiError(
      response.status,
      error?.code ?? 'http_' + response.status,
      error?.message ?? GENERIC_MESSAGES[response.status] ?? `The server answered ${response.status}.`,
      error?.field ?? undefined,
    );
    if (response.status === 401 && !options.quiet401) onUnauthorized?.();
    throw apiError;
  }
  return data as T;
}

/** The message to show a person for any error thrown by api(). */
export function errorMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return sentence(text);
}

/** Server messages are lower-case phrases ("prompt is empty"); show them as sentences. */
export function sentence(text: string): string {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
