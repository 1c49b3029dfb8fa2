#!/usr/bin/env bash
# The performance benchmark: Op Console against a bare Tauri 2 app (bench/bare-app) on the
# same tauri and the same release profile. Builds both apps and their installers as
# shipped, then measures both in a headless session (bench/measure.mjs) and prints one
# table; target/bench/results.md keeps it with the machine's description.
#
#   bench/run.sh            everything (BENCH_RUNS, BENCH_STARTS, BENCH_IDLE_SECONDS, BENCH_LINKS, BENCH_LOOKUPS,
#                           BENCH_LEAK_LOOKUPS, BENCH_HOTKEY_PRESSES change the counts);
#                           target/bench/chart.svg draws it
#   bench/run.sh starts     only the starts and idle memory, for working on them
#   bench/run.sh idle       only the CPU, wakeups and frames at rest, shown and hidden
#   bench/run.sh links      only the cold links (xdg-open opconsole://…, BENCH_LINKS)
#   bench/run.sh lookups    only the lookups
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."
export PATH="$HOME/.cargo/bin:$PATH"

./scripts/setup.sh
tauri=../ui/node_modules/.bin/tauri
(cd src-tauri && "$tauri" build --bundles deb,rpm)
(cd bench/bare-app && "../$tauri" build --bundles deb,rpm)
# The server and the keyring tool the lookups need.
cargo build --release --locked -p op-sim --bin op-sim -p console-core --bin op-console-keyring
exec ./scripts/headless-session.sh node bench/measure.mjs "$@"
