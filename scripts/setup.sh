#!/usr/bin/env bash
# Installs what building, running and testing Op Console needs on Debian/Ubuntu, skipping
# what is already there: system packages (apt), the npm packages of the UI and of the
# end-to-end tests (npm ci, from their lock files), and tauri-driver (cargo install --locked).
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

APT_PACKAGES=(
  # building the Tauri 2 app
  build-essential pkg-config curl file libssl-dev
  libwebkit2gtk-4.1-dev libxdo-dev libayatana-appindicator3-dev librsvg2-dev
  # Node.js for the UI
  nodejs npm
  # running it headless and driving it: Xvfb, WebKit's WebDriver, screenshots, a CJK font
  xvfb xauth x11-utils webkit2gtk-driver imagemagick fonts-wqy-microhei
  # the OS keyring in a private D-Bus session
  dbus dbus-x11 gnome-keyring libsecret-tools
  # a loopback-only network namespace for the end-to-end tests; the rpm bundle
  iproute2 util-linux rpm
  # a real proxy for the proxy test (the binary only: no service is started)
  tinyproxy-bin
  # the desktop tests: the clipboard, a global hotkey press, links opened by the desktop
  # (the .desktop file's scheme), python3 to hold a combination as another app would
  xclip xdotool xdg-utils desktop-file-utils python3
  # the update round trip: the updater installs a .deb through sudo (root: no prompt), and
  # its update server's test CA is made with openssl
  sudo openssl
  # what a screen reader reads: the AT-SPI tree, read by tests/e2e/atspi-tree.py
  python3-pyatspi
  # the benchmark's frames at rest and its window close (bench/x11.py)
  python3-xlib
)

# The machine's own Node.js (e.g. from NodeSource) counts: do not fight it with Debian's.
have_node=false
command -v node >/dev/null && command -v npm >/dev/null && have_node=true
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if $have_node && { [ "$pkg" = nodejs ] || [ "$pkg" = npm ]; }; then continue; fi
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "setup: Rust is missing: install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi

# npm ci is exact; skip it while node_modules is newer than the lock file.
for dir in ui tests/e2e; do
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
done

# The WebDriver bridge for Tauri apps; 2.x (the 3.0 alpha does not drive Tauri 2).
if ! command -v tauri-driver >/dev/null || ! tauri-driver --help >/dev/null 2>&1; then
  cargo install tauri-driver --version '^2' --locked
fi
