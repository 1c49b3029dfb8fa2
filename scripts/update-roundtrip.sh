#!/usr/bin/env bash
# The update round trip (#25), on loopback: the installed console (a .deb built with the
# release key in KEYS_DIR, by scripts/installers.sh --check) is offered a newer version by
# an update server of the test's own over TLS (a CA made here, given to the console as
# IT's CA file), installs it through its updater and comes back as that version with the
# operator's data; a replayed signature and one made with another key are refused; an unreachable server
# shows nothing but a line in Settings. Leaves the newer version installed.
#
#   scripts/update-roundtrip.sh KEYS_DIR      (KEYS_DIR: release.key, release.key.pub, installed.deb)
set -euo pipefail
cd "$(dirname "$0")/.."
keys=$(realpath "$1")
tauri=$PWD/ui/node_modules/.bin/tauri
target=$(realpath "${CARGO_TARGET_DIR:-target}")
: "${TAURI_SIGNING_PRIVATE_KEY_PASSWORD:?set by scripts/installers.sh --check}"
installed=$(dpkg-query -W -f='${Version}' op-console)
next=$(echo "$installed" | awk -F. -v OFS=. '{ $3 += 1; print }')
after=$(echo "$next" | awk -F. -v OFS=. '{ $3 += 1; print }')
later=$(echo "$after" | awk -F. -v OFS=. '{ $3 += 1; print }')
files="$keys/files"
mkdir -p "$files/tls"

echo "update round trip: building $next, signed with the release key"
printf '{"version":"%s","bundle":{"createUpdaterArtifacts":true},"plugins":{"updater":{"pubkey":"%s"}}}' \
  "$next" "$(cat "$keys/release.key.pub")" >"$keys/next.json"
(cd src-tauri && TAURI_SIGNING_PRIVATE_KEY="$(cat "$keys/release.key")" "$tauri" build --bundles deb --config "$keys/next.json")
built=$(ls "$target"/release/bundle/deb/*_"$next"_*.deb)
cp "$built" "$files/op-console_${next}_amd64.deb"
cp "$built.sig" "$files/op-console_${next}_amd64.deb.sig"

# The same package as $later, signed for that version with a key that is not the release key
# (the test also serves $next's own package and signature announced as $after).
"$tauri" signer generate --ci -p "$TAURI_SIGNING_PRIVATE_KEY_PASSWORD" -w "$keys/other.key" >/dev/null
cp "$built" "$files/op-console_${later}_amd64.deb"
"$tauri" signer sign -f "$keys/other.key" --app-version "$later" "$files/op-console_${later}_amd64.deb" >/dev/null

# The update server's certificate, from a CA of this run's.
(
  cd "$files/tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Op Console update test CA" \
    -keyout ca.key -out ca.pem 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key -out server.csr 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >ext.cnf
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile ext.cnf \
    -out server.pem 2>/dev/null
  chmod 644 ./*.pem
)
# The console (root here) reads the CA file; the keys stay in their 0700 folder's files.
chmod 711 "$keys"
chmod 755 "$files" "$files/tls"

OP_CONSOLE_APP=/usr/bin/op-console OP_UPDATE_FILES="$files" OP_UPDATE_FROM="$installed" OP_UPDATE_NEXT="$next" \
  OP_UPDATE_AFTER="$after" OP_UPDATE_LATER="$later" ./tests/e2e/run.sh update.test.mjs
test "$(dpkg-query -W -f='${Version}' op-console)" = "$next"
echo "update round trip: $installed → $next through the updater; $next replayed as $after and $later signed with another key refused"
