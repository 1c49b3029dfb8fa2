#!/usr/bin/env bash
# Builds the Linux installers (.deb and .rpm) with the Tauri CLI. With --check, also
# installs the .deb, starts the installed console under WebDriver, and removes it again.
# (AppImage needs a download at build time: the release workflow builds it.)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

(cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb,rpm)
target="${CARGO_TARGET_DIR:-target}"
deb=$(ls -t "$target"/release/bundle/deb/*.deb | head -n1)
rpm=$(ls -t "$target"/release/bundle/rpm/*.rpm | head -n1)
echo "installers: $deb ($(du -h "$deb" | cut -f1)), $rpm ($(du -h "$rpm" | cut -f1))"

[ "${1:-}" = "--check" ] || exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
rpm -qip "$rpm" | grep -E '^(Name|Version|Summary)' >/dev/null
$SUDO dpkg -i "$deb"
trap '$SUDO dpkg -r op-console >/dev/null || true' EXIT
test -x /usr/bin/op-console
test -f /usr/share/applications/"Op Console".desktop
# Links from other apps: the desktop entry takes a URL and claims the opconsole: scheme.
grep -q '^MimeType=.*x-scheme-handler/opconsole' /usr/share/applications/"Op Console".desktop
grep -q '^Exec=.*%u' /usr/share/applications/"Op Console".desktop
OP_CONSOLE_APP=/usr/bin/op-console ./tests/e2e/run.sh installed.test.mjs
$SUDO dpkg -r op-console
trap - EXIT
! test -e /usr/bin/op-console
echo "installers: the .deb installs, starts and removes cleanly"
