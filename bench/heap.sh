#!/usr/bin/env bash
# Where the page's memory goes (bench/heap.mjs): builds Op Console with Web Inspector (a
# devtools build, in its own target folder so the shipped build stays cached) and runs it
# in the headless session, driven over WebKit's remote inspector on 127.0.0.1:9222.
#
#   bench/heap.sh [COUNT] [lookups|render|ipc]      (default: 3000 lookups)
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."
export PATH="$HOME/.cargo/bin:$PATH"
target="${HEAP_TARGET_DIR:-${CARGO_TARGET_DIR:-target}/devtools}"
npm --prefix ui run build >/dev/null
CARGO_TARGET_DIR="$target" cargo build --release --locked -p op-console --features tauri/devtools
exec ./scripts/headless-session.sh node --experimental-websocket bench/heap.mjs "$target/release/op-console" "$@"
