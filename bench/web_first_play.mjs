// Web app benchmark: time from navigation to the first feed clip playing, on loopback
// with a cold cache (a fresh browser context per run), median of RUNS runs; the
// reference, measured in the same run, is chromium opening the same MP4 directly.
// Also the gzipped JavaScript the feed page loads. Figures are printed last.
// Needs the built app (web/dist) and DREAMFEED_BINARY (default build/src/cli/dreamfeed).
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../web/e2e/browser.mjs';
import { startServer } from '../web/e2e/server.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const server = await startServer();

async function call(method, path, token, body) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

// One published clip, made through the API.
const { token } = await call('POST', '/auth/signup', null, { handle: 'bench', password: 'a long bench password' });
const { job } = await call('POST', '/videos', token, { prompt: 'a paper boat on a rainy street', seconds: 4, aspect: 'portrait', resolution: '480p' });
let finished = job;
while (finished.status === 'queued' || finished.status === 'running') {
  await new Promise((r) => setTimeout(r, 200));
  finished = await call('GET', `/jobs/${job.id}`, token);
}
if (finished.status !== 'succeeded') throw new Error(`generation ${finished.status}: ${finished.error}`);
const video = await call('POST', `/videos/${finished.video_id}/publish`, token);

const browser = await launchBrowser();
const PLAYING_PROBE = `
  document.addEventListener('playing', () => { window.__firstPlay ??= performance.now(); }, true);
`;

/** Milliseconds from navigation start to the first 'playing' event, in a fresh context. */
async function firstPlay(url, onResponse) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(PLAYING_PROBE);
  const page = await context.newPage();
  if (onResponse) page.on('response', onResponse);
  await page.goto(url);
  const ms = await page.waitForFunction(() => window.__firstPlay, null, { timeout: 15000 }).then((h) => h.jsonValue());
  await context.close();
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const app = [];
const reference = [];
const feedScripts = new Map();
for (let i = 0; i < RUNS; i++) {
  reference.push(await firstPlay(`${server.url}${video.video_url}`));
  app.push(
    await firstPlay(`${server.url}/`, async (response) => {
      if (i === 0 && response.request().resourceType() === 'script') feedScripts.set(response.url(), await response.body());
    }),
  );
}
await browser.close();
await server.stop();
server.removeData();

const jsGzipBytes = [...feedScripts.values()].reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
const appMs = median(app);
const refMs = median(reference);
console.log(`runs: ${RUNS}; app ms: ${app.map((x) => x.toFixed(0)).join(' ')}; direct MP4 ms: ${reference.map((x) => x.toFixed(0)).join(' ')}`);
console.log(`feed scripts: ${[...feedScripts.keys()].map((u) => new URL(u).pathname).join(', ')}`);
console.log(`web first play (median, cold cache): ${appMs.toFixed(0)} ms (target < 1000 ms)`);
console.log(`direct MP4 first play (reference):   ${refMs.toFixed(0)} ms; ratio app/reference ${(appMs / refMs).toFixed(2)}`);
console.log(`feed JavaScript gzipped:             ${(jsGzipBytes / 1024).toFixed(1)} KB (target <= 60 KB)`);
