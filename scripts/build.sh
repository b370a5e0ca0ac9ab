#!/usr/bin/env bash
# Configures (once) and builds the C++ project into build/: `scripts/build.sh` builds
# everything, `scripts/build.sh TARGET…` only those targets. Release, warnings as
# errors, ccache when present.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f build/build.ninja ]]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DDREAMFEED_WERROR=ON >/dev/null
fi
if (($# > 0)); then
  cmake --build build --target "$@"
else
  cmake --build build
fi
