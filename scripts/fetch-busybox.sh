#!/usr/bin/env bash
# Downloads Debian's arm64 busybox-static package and unpacks its static
# AArch64 busybox binary to guests/busybox/busybox, without installing
# anything on this machine: apt-get runs with a private state and cache
# directory (guests/busybox/.apt) and the architecture forced to arm64, so
# the host's package lists and dpkg database are left alone.
#
# Idempotent: does nothing when guests/busybox/busybox already exists
# (delete it, or pass --force, to fetch again).
# Needs apt-get and dpkg-deb (Debian/Ubuntu) and network access to the
# Debian archive configured in /etc/apt.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dest="$root/guests/busybox"
bin="$dest/busybox"

say() { echo "fetch-busybox: $*"; }
die() {
    echo "fetch-busybox: ERROR: $*" >&2
    echo "fetch-busybox: could not provide $bin (an AArch64 busybox binary used by the tests)." >&2
    exit 1
}

force=0
[ "${1:-}" = "--force" ] && force=1

if [ -x "$bin" ] && [ "$force" = 0 ]; then
    say "$bin already present, nothing to do"
    exit 0
fi

command -v apt-get >/dev/null 2>&1 || die "apt-get not found: this script needs a Debian-based system (or put an AArch64 static busybox at $bin yourself)"
command -v dpkg-deb >/dev/null 2>&1 || die "dpkg-deb not found (install the dpkg package)"

state="$dest/.apt"
mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$dest/download"

opts=(
    -o APT::Architecture=arm64
    -o APT::Architectures=arm64
    -o "Dir::State::Lists=$state/lists"
    -o "Dir::Cache=$state/cache"
    -o "Dir::State::status=/dev/null"
    -o APT::Sandbox::User=root
    -o Debug::NoLocking=1
    -q
)

say "updating a private arm64 package list in $state (the system's apt state is not touched)"
if ! apt-get "${opts[@]}" update; then
    # Some configured source may be unreachable; the download below decides.
    say "warning: 'apt-get update' reported errors; trying the download anyway"
fi

say "downloading busybox-static:arm64 into $dest/download"
rm -f "$dest"/download/busybox-static_*.deb
(cd "$dest/download" && apt-get "${opts[@]}" download busybox-static:arm64) ||
    die "'apt-get download busybox-static:arm64' failed (is the Debian archive reachable?)"

deb=$(ls "$dest"/download/busybox-static_*_arm64.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || die "no busybox-static_*_arm64.deb was downloaded"
say "downloaded $(basename "$deb")"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
say "extracting with dpkg-deb -x"
dpkg-deb -x "$deb" "$tmp" || die "dpkg-deb -x $deb failed"
[ -f "$tmp/bin/busybox" ] || die "$deb does not contain bin/busybox"

install -m 0755 "$tmp/bin/busybox" "$bin.tmp"
mv "$bin.tmp" "$bin"
echo "$(basename "$deb")" > "$dest/VERSION"
rm -rf "$state" "$dest/download"   # the private apt state is no longer needed

if command -v file >/dev/null 2>&1; then
    say "$(file -b "$bin")"
fi
# A static AArch64 ELF: magic, 64-bit, little-endian, e_machine 183 (0xb7).
magic=$(od -An -tx1 -N20 "$bin" | tr -d ' \n')
case "$magic" in
    7f454c460201*b700) ;;
    *) die "$bin is not a little-endian 64-bit AArch64 ELF file" ;;
esac
say "installed $bin ($(wc -c < "$bin") bytes)"
