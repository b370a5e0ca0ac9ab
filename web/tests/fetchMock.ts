// A fetch stand-in for unit tests: answers by "METHOD /path" and records every call.
// A list of answers is used in turn (the last one repeats), for pages that change.
import { vi } from 'vitest';

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  keepalive: boolean;
}

type Answer = { status?: number; body?: unknown } | 'network-error';

export function mockFetch(routes: Record<string, Answer | Answer[]>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({ method, url, headers, body: init.body ? JSON.parse(String(init.body)) : undefined, keepalive: !!init.keepalive });
    const route = routes[`${method} ${url.split('?')[0]}`];
    const answer = (Array.isArray(route) ? (route.length > 1 ? route.shift() : route[0]) : route) ?? {
      status: 404,
      body: { error: { code: 'not_found', message: 'no route' } },
    };
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status ?? 200 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}
