#!/usr/bin/env bash
# README's run command: installs what is missing, builds the UI and the app, and starts
# Op Console. With no profile yet (or the Demo profile selected) it runs on its built-in
# demo data: op-sim inside the app, on 127.0.0.1. Extra arguments go to the app
# (for example `--profiles FILE`).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

./scripts/setup.sh
(cd ui && npm run build)
cargo build --locked -p op-console
exec "${CARGO_TARGET_DIR:-target}/debug/op-console" "$@"
