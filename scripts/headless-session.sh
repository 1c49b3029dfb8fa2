#!/usr/bin/env bash
# Runs a command in the environment the app needs without a desktop, built here and torn
# down here: a loopback-only network namespace (nothing can leave the machine), Xvfb, a
# private D-Bus session and an unlocked gnome-keyring. Used by the end-to-end tests and
# the benchmark. Every process started is ended on exit.
#
#   scripts/headless-session.sh COMMAND [ARG…]     (run from any folder; COMMAND runs there)
set -euo pipefail
self=$(realpath "$0")
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARG…]" >&2; exit 2; }

if [ "${OP_HEADLESS_INSIDE:-}" != 1 ]; then
  exec unshare -n env OP_HEADLESS_INSIDE=1 "$self" "$@"
fi
ip link set lo up

# The keyring keeps its files under XDG_DATA_HOME: a fresh one, so that no earlier
# keyring (with another password) is found.
keyring_home=$(mktemp -d)
# Xvfb picks a free display itself and writes its number once it accepts clients, so a
# second session (or a stale one) on this machine cannot collide with this one.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$keyring_home/display" >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$keyring_home"' EXIT
for _ in $(seq 1 300); do [ -s "$keyring_home/display" ] && break; kill -0 "$xvfb" 2>/dev/null || break; sleep 0.1; done
display=":$(head -n 1 "$keyring_home/display" 2>/dev/null)"
export DISPLAY="$display"
xdpyinfo >/dev/null 2>&1 || { echo "headless-session: Xvfb did not start (display '$display')" >&2; exit 1; }

export WEBKIT_DISABLE_DMABUF_RENDERER=1
# The session bus starts without DISPLAY, so that nothing it activates (the keyring's
# unlock prompter) can open a window; only the command gets the display.
env -u DISPLAY OP_HEADLESS_DISPLAY="$display" XDG_DATA_HOME="$keyring_home" dbus-run-session -- bash -c '
  set -euo pipefail
  # Creates and unlocks the login keyring (it daemonizes: its pid comes from the bus).
  printf headless | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  owned() { dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; }
  for _ in $(seq 1 100); do owned && break; sleep 0.1; done
  keyring=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets | awk "/uint32/ {print \$2}")
  [ -n "$keyring" ] || { echo "headless-session: gnome-keyring did not start" >&2; exit 1; }
  trap "kill $keyring 2>/dev/null || true" EXIT
  DISPLAY="$OP_HEADLESS_DISPLAY" "$@"
' bash "$@"
