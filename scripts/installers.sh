#!/usr/bin/env bash
# Builds the Linux installers (.deb and .rpm) with the Tauri CLI. With --check, also
# installs the .deb, starts the installed console under WebDriver, updates it to a newer
# version through its own updater (scripts/update-roundtrip.sh) and removes it again.
# (AppImage needs a download at build time: the release workflow builds it.)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
tauri=$PWD/ui/node_modules/.bin/tauri

check=false
[ "${1:-}" = "--check" ] && check=true
build_args=(--bundles deb,rpm)
if $check; then
  # The checked installers carry a release key made for this run (the shipped ones carry
  # the release workflow's): the update round trip signs its newer version with it.
  keys=$(mktemp -d)
  trap 'rm -rf "$keys"' EXIT
  export TAURI_SIGNING_PRIVATE_KEY_PASSWORD=op-console-test
  "$tauri" signer generate --ci -p "$TAURI_SIGNING_PRIVATE_KEY_PASSWORD" -w "$keys/release.key" >/dev/null
  printf '{"plugins":{"updater":{"pubkey":"%s"}}}' "$(cat "$keys/release.key.pub")" >"$keys/0.1.0.json"
  build_args+=(--config "$keys/0.1.0.json")
fi

(cd src-tauri && "$tauri" build "${build_args[@]}")
target="${CARGO_TARGET_DIR:-target}"
deb=$(ls -t "$target"/release/bundle/deb/*.deb | head -n1)
rpm=$(ls -t "$target"/release/bundle/rpm/*.rpm | head -n1)
echo "installers: $deb ($(du -h "$deb" | cut -f1)), $rpm ($(du -h "$rpm" | cut -f1))"

$check || exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
rpm -qip "$rpm" | grep -E '^(Name|Version|Summary)' >/dev/null
cp "$deb" "$keys/installed.deb"
$SUDO dpkg -i "$deb"
trap '$SUDO dpkg -r op-console >/dev/null || true; rm -rf "$keys"' EXIT
test -x /usr/bin/op-console
test -f /usr/share/applications/"Op Console".desktop
# Links from other apps: the desktop entry takes a URL and claims the opconsole: scheme.
grep -q '^MimeType=.*x-scheme-handler/opconsole' /usr/share/applications/"Op Console".desktop
grep -q '^Exec=.*%u' /usr/share/applications/"Op Console".desktop
OP_CONSOLE_APP=/usr/bin/op-console ./tests/e2e/run.sh installed.test.mjs
./scripts/update-roundtrip.sh "$keys"
$SUDO dpkg -r op-console
trap 'rm -rf "$keys"' EXIT
! test -e /usr/bin/op-console
echo "installers: the .deb installs, starts, updates itself and removes cleanly"
