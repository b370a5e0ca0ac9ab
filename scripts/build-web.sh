#!/usr/bin/env bash
# Builds the web app (web/, TypeScript + Preact + Vite) into web/dist and prints the
# folder `dreamfeed serve --web` should use. npm packages are installed only when
# missing or when the lockfile changed.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-web-deps.sh
(cd web && npm run build >&2)
echo web/dist
