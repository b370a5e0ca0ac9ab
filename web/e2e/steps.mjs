// A tiny step runner for the end-to-end script: each step passes, fails (with the
// error and a screenshot) or is skipped with a reason; a summary and exit code at the end.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export class Steps {
  constructor(artifactsDir) {
    this.artifactsDir = artifactsDir;
    this.results = [];
    mkdirSync(artifactsDir, { recursive: true });
  }

  async run(name, fn, { skip, page } = {}) {
    if (skip) {
      this.results.push({ name, outcome: 'skip', detail: skip });
      console.log(`- skip  ${name} (${skip})`);
      return;
    }
    const started = Date.now();
    try {
      await fn();
      this.results.push({ name, outcome: 'pass' });
      console.log(`✓ pass  ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      this.results.push({ name, outcome: 'fail', detail: String(error?.stack ?? error) });
      console.log(`✗ FAIL  ${name}\n${String(error?.stack ?? error)}`);
      const target = page?.();
      if (target) {
        await target
          .screenshot({ path: join(this.artifactsDir, `failed-${name.replace(/\W+/g, '-')}.png`) })
          .catch(() => undefined);
      }
    }
  }

  summary() {
    const count = (o) => this.results.filter((r) => r.outcome === o).length;
    const line = `e2e: ${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`;
    console.log(line);
    return count('fail') === 0;
  }
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}
