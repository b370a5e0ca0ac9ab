// Starts a real `dreamfeed serve` for end-to-end tests and benchmarks: a free
// loopback port, a fresh temporary data folder (or a given one), the built web app.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(new URL('../..', import.meta.url).pathname);

export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

async function waitHealthy(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dreamfeed exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dreamfeed did not become healthy at ${url}`);
}

/**
 * @param {{binary?: string, port?: number, dataDir?: string, webDir?: string, log?: boolean}} options
 */
export async function startServer(options = {}) {
  const binary = resolve(repoRoot, options.binary ?? process.env.DREAMFEED_BINARY ?? 'build/src/cli/dreamfeed');
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'dreamfeed-e2e-'));
  const webDir = options.webDir ?? join(repoRoot, 'web/dist');
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    ['serve', '--listen', `127.0.0.1:${port}`, '--data', dataDir, '--web', webDir, '--x264-preset', 'ultrafast', '--log-level', 'warn'],
    { stdio: ['ignore', options.log ? 'inherit' : 'ignore', 'inherit'] },
  );
  await waitHealthy(url, child, 15000);
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  /** Deletes the data folder (after stop); the test's last act. */
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  return { url, port, dataDir, stop, removeData };
}
