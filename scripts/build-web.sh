#!/usr/bin/env bash
# Builds the web app when the project has one (web/package.json) and prints the
# folder `dreamfeed serve --web` should use.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -f web/package.json ]]; then
  (cd web && npm ci --no-audit --no-fund >&2 && npm run build >&2)
  echo web/dist
else
  echo web/basic
fi
