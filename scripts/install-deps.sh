#!/usr/bin/env bash
# Installs every system package Dreamfeed needs to build, run, test and benchmark on
# Debian 12, then the web app's npm packages. Idempotent: when everything is already
# present it does nothing.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache clang-format
  # libraries (DESIGN.md: Libraries)
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libpq-dev libsodium-dev
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev libswresample-dev libyuv-dev
  libjpeg62-turbo-dev
  libcairo2-dev libpango1.0-dev fonts-dejavu-core fonts-noto-cjk
  libespeak-ng-dev espeak-ng-data
  libcurl4-openssl-dev libspdlog-dev libfmt-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # benchmarks: load generator and the reference servers
  wrk nginx-light curl
  # web app end-to-end tests
  chromium
)
# The web app's build needs node and npm; a machine that already has them (from any
# source) keeps its own, otherwise Debian's are installed.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} > 0)); then
  echo "installing: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The web app's npm packages (npm ci only when missing or the lockfile changed).
bash "$(dirname "$0")/install-web-deps.sh"
