#!/usr/bin/env bash
# Installs the web app's npm packages (web/node_modules) from the committed lockfile,
# only when they are missing or web/package-lock.json changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/../web"

if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "the web app needs Node.js 20.19 or newer (found $(node --version)); install it, e.g. from NodeSource" >&2
  exit 1
fi

stamp=node_modules/.dreamfeed-lock-sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -d node_modules && -f $stamp && $(cat "$stamp") == "$want" ]]; then
  exit 0
fi
echo "installing the web app's npm packages (npm ci)" >&2
npm ci --no-audit --no-fund >&2
echo "$want" >"$stamp"
