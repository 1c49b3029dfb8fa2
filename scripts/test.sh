#!/usr/bin/env bash
# Every test CI runs: README's test command. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
start=$(date +%s)
step() { echo; echo "== $* ($(( $(date +%s) - start )) s)"; }

step "setup"
./scripts/setup.sh

step "format"
cargo fmt --all --check

step "UI: types, unit tests, production build"
(cd ui && npm run check && npm test && npm run build)

step "lint: clippy, warnings denied"
cargo clippy --locked --all-targets -- -D warnings

step "Rust: op-api, op-sim, console-core (real gnome-keyring), the app's IPC"
cargo test --locked

step "Rust: console-core built without its demo (the feature a lean build leaves out)"
cargo test --locked -p console-core --no-default-features --lib

step "end to end: the real app under WebDriver"
cargo build --locked -p op-console -p op-sim
./tests/e2e/run.sh

step "installers: .deb and .rpm, installed and started"
./scripts/installers.sh --check

echo
echo "all tests passed in $(( $(date +%s) - start )) s"
