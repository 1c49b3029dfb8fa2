#!/usr/bin/env bash
# Every test CI runs, in the order that fails fastest. README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh

echo "== format"
cargo fmt --all --check

echo "== Rust tests (op-api, op-sim)"
cargo test --workspace --locked
