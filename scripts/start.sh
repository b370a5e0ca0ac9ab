#!/usr/bin/env bash
# README command 1: installs what Dreamfeed needs, builds it, and starts it on the
# embedded defaults (SQLite file + media folder under ./data, built-in generator).
# Extra arguments go to `dreamfeed serve` (see `dreamfeed serve --help`).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/build.sh dreamfeed
web_dir=$(bash scripts/build-web.sh)
exec build/src/cli/dreamfeed serve --web "$web_dir" "$@"
