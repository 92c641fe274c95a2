#!/usr/bin/env bash
# Makes V8 (Debian's libnode-dev, V8 10.2) available to the build.
#
# Where libnode-dev is installed or installable with apt, that is used. Where a
# NodeSource nodejs is installed, apt refuses libnode-dev (its dependencies
# pull Debian's nodejs, which conflicts), so the two .debs are downloaded with
# `apt-get download` and unpacked into .deps/libnode/ without touching the
# user's Node. CMake looks in .deps/libnode first, then the system.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=.deps/libnode
if [ -f /usr/include/node/v8.h ] && [ -e /usr/lib/x86_64-linux-gnu/libnode.so.108 ]; then
  exit 0   # system libnode-dev is installed
fi
if [ -f "$dest/usr/include/node/v8.h" ] && [ -e "$dest/usr/lib/x86_64-linux-gnu/libnode.so.108" ]; then
  exit 0   # already unpacked
fi
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
apt-cache show libnode-dev >/dev/null 2>&1 || $SUDO apt-get update -qq
if $SUDO apt-get install -s -qq libnode-dev >/dev/null 2>&1; then
  echo "==> installing libnode-dev"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libnode-dev >/dev/null
  exit 0
fi
echo "==> libnode-dev conflicts with the installed nodejs; unpacking it into $dest"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# apt downloads as the _apt user where it exists; let it write here (this
# only avoids a warning about downloading unsandboxed).
chmod 755 "$tmp"
chown _apt "$tmp" 2>/dev/null || true
# A fresh machine may not have apt's package lists yet.
if ! (cd "$tmp" && apt-get download -qq libnode108 libnode-dev); then
  $SUDO apt-get update -qq
  (cd "$tmp" && apt-get download -qq libnode108 libnode-dev)
fi
mkdir -p "$dest.new"
for deb in "$tmp"/*.deb; do dpkg-deb -x "$deb" "$dest.new"; done
rm -rf "$dest"
mv "$dest.new" "$dest"
