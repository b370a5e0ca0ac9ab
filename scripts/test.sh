#!/usr/bin/env bash
# README command 2: installs what Dreamfeed needs, builds it, and runs every test:
# the formatting check, the C++ tests (ctest) in a release build with warnings as
# errors, the web app's tests (scripts/test-web.sh: vitest, build, chromium end to
# end), then the C++ tests again in an AddressSanitizer + UndefinedBehaviorSanitizer
# build.
# DREAMFEED_SKIP_SANITIZERS=1 skips the second build for a quicker local run.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

echo "== formatting (clang-format)"
git ls-files -z '*.cpp' '*.h' | xargs -0 clang-format --dry-run -Werror

echo "== release build and tests"
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j2 --timeout 600

echo "== web app: unit, build and end-to-end tests"
DREAMFEED_BINARY=build/src/cli/dreamfeed bash scripts/test-web.sh

if [[ "${DREAMFEED_SKIP_SANITIZERS:-0}" != 1 ]]; then
  echo "== sanitizer build (ASan + UBSan) and tests"
  if [[ ! -f build-asan/build.ninja ]]; then
    cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDREAMFEED_WERROR=ON \
      -DDREAMFEED_SANITIZE=ON -DDREAMFEED_BENCH=OFF >/dev/null
  fi
  cmake --build build-asan
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp" \
    ctest --test-dir build-asan --output-on-failure -j2 --timeout 900
fi
