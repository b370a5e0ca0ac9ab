#!/usr/bin/env bash
# The web app's tests: npm packages (npm ci when needed), Vitest unit tests, the
# production build, then the end-to-end test — Debian's chromium (playwright-core)
# against a real `dreamfeed serve` on a free loopback port with a fresh database.
# DREAMFEED_BINARY picks the server binary (default build/src/cli/dreamfeed).
# Screenshots land in test-artifacts/web/.
set -euo pipefail
cd "$(dirname "$0")/.."

export DREAMFEED_BINARY=${DREAMFEED_BINARY:-build/src/cli/dreamfeed}
if [[ ! -x $DREAMFEED_BINARY ]]; then
  echo "no server binary at $DREAMFEED_BINARY (build it, or set DREAMFEED_BINARY)" >&2
  exit 1
fi

bash scripts/install-web-deps.sh
echo "== web: unit tests (vitest)"
(cd web && npx vitest run)
echo "== web: build"
(cd web && npm run build)
echo "== web: end-to-end (chromium against dreamfeed serve)"
node web/e2e/run.mjs
