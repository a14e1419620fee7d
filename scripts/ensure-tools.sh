#!/usr/bin/env bash
# Makes sure the host tools the tests need are present, installing them with
# apt-get when this is possible without a password, then fetches the AArch64
# busybox used by the tests (scripts/fetch-busybox.sh).  Run by `npm test`
# (pretest) and by .ci/run.  Never passes silently when something is missing.
#
#   qemu-aarch64               (Debian package qemu-user)    reference emulator
#   aarch64-linux-gnu-objdump  (binutils-aarch64-linux-gnu)  disassembly checks
#   aarch64-linux-gnu-as       (binutils-aarch64-linux-gnu)  assembling test code
#   aarch64-linux-gnu-gcc      (gcc-aarch64-linux-gnu)       rebuilding guests/ (optional)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
packages="qemu-user binutils-aarch64-linux-gnu gcc-aarch64-linux-gnu"
required="qemu-aarch64 aarch64-linux-gnu-objdump aarch64-linux-gnu-as"

missing_tools() {
    local t m=""
    for t in $required; do
        command -v "$t" >/dev/null 2>&1 || m="$m $t"
    done
    echo "${m# }"
}

missing=$(missing_tools)
if [ -n "$missing" ]; then
    echo "ensure-tools: missing: $missing"
    sudo=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo="sudo -n"
        else
            sudo="none"
        fi
    fi
    if [ "$sudo" = none ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "ensure-tools: ERROR: cannot install them automatically (need root or password-less sudo, and apt-get)." >&2
        echo "ensure-tools: on Debian/Ubuntu run:" >&2
        echo "    sudo apt-get update && sudo apt-get install -y $packages" >&2
        echo "ensure-tools: elsewhere, install QEMU user-mode emulation (qemu-aarch64) and AArch64 GNU binutils" >&2
        echo "ensure-tools: (aarch64-linux-gnu-objdump, aarch64-linux-gnu-as) so that they are on PATH." >&2
        exit 1
    fi
    echo "ensure-tools: installing $packages with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086
    $sudo apt-get -o DPkg::Lock::Timeout=300 update ||
        echo "ensure-tools: warning: 'apt-get update' reported errors; trying the install anyway"
    # shellcheck disable=SC2086
    $sudo apt-get -o DPkg::Lock::Timeout=300 install -y $packages || {
        echo "ensure-tools: ERROR: 'apt-get install -y $packages' failed" >&2
        exit 1
    }
    missing=$(missing_tools)
    if [ -n "$missing" ]; then
        echo "ensure-tools: ERROR: still missing after apt-get install: $missing" >&2
        exit 1
    fi
fi

for t in $required; do
    echo "ensure-tools: $t -> $(command -v "$t")"
done
command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 ||
    echo "ensure-tools: note: aarch64-linux-gnu-gcc not found (only needed to rebuild guests/bin)"

bash "$root/scripts/fetch-busybox.sh"
echo "ensure-tools: ok"
