#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine for jspack and builds it: system packages,
# V8 (Debian's libnode), the pinned npm tools, then CMake configure + build,
# then packs samples/hello and runs it. Idempotent: a second run only rebuilds
# what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${JSPACK_BUILD_DIR:-$root/build}

say() { printf '==> %s\n' "$*"; }

# 1. System packages. libnode108's own runtime libraries are listed here
# directly, because on machines with NodeSource's nodejs the libnode packages
# themselves cannot be installed (their node-acorn/node-undici dependencies
# want Debian's nodejs, which conflicts). See scripts/fetch-libnode.sh.
pkgs=(cmake ninja-build g++ ccache pkg-config zstd patchelf debootstrap
      libuv1-dev libzstd-dev zlib1g-dev libssl-dev libbrotli-dev
      libicu72 icu-devtools libc-ares2 libc-ares-dev libnghttp2-14 libnghttp2-dev llvm-14-dev libgtest-dev
      nodejs npm)
missing=()
for p in "${pkgs[@]}"; do
  # npm and nodejs may come from NodeSource (one package); accept any node.
  case $p in nodejs|npm) command -v "$p" >/dev/null && continue ;; esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  say "installing system packages: ${missing[*]}"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. V8 from Debian's libnode-dev (system install, or unpacked into .deps/).
scripts/fetch-libnode.sh

# 3. Pinned npm tools (esbuild). package-lock.json pins the exact tree.
if [ ! -x node_modules/@esbuild/linux-x64/bin/esbuild ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing pinned npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Samples with npm dependencies pin them in their own package-lock.json.
for lock in samples/*/package-lock.json; do
  [ -e "$lock" ] || continue
  d=$(dirname "$lock")
  if [ ! -d "$d/node_modules" ] || [ "$lock" -nt "$d/node_modules/.package-lock.json" ]; then
    say "installing npm packages of $d"
    (cd "$d" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

# 4. Configure and build.
if [ ! -f "$build/build.ninja" ]; then
  say "configuring $build"
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}"
fi
say "building"
cmake --build "$build"

# 5. Smoke test: pack samples/hello and run the single file.
say "packing samples/hello"
"$build/bin/jspack" samples/hello/app.js -o "$build/hello"
say "running $build/hello"
"$build/hello"
