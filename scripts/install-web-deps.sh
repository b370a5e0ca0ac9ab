#!/usr/bin/env bash
# Installs the web app's npm packages (web/node_modules) from the committed lockfile,
# only when they are missing or web/package-lock.json changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/../web"

stamp=node_modules/.dreamfeed-lock-sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -d node_modules && -f $stamp && $(cat "$stamp") == "$want" ]]; then
  exit 0
fi
echo "installing the web app's npm packages (npm ci)" >&2
npm ci --no-audit --no-fund >&2
echo "$want" >"$stamp"
