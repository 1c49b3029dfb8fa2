#!/usr/bin/env bash
# The end-to-end tests (default: console, desktop, security, policy and a11y) in a headless session of their own:
# loopback-only network, Xvfb, a private D-Bus session and an unlocked gnome-keyring.
set -euo pipefail
cd "$(dirname "$(realpath "$0")")"
[ $# -gt 0 ] || set -- console.test.mjs desktop.test.mjs security.test.mjs policy.test.mjs a11y.test.mjs
# A test that hangs (a driver that stopped answering) fails after 5 minutes instead of
# holding CI, and a file's process ends once its tests have, whatever is still open.
exec ../../scripts/headless-session.sh node --test --test-concurrency=1 --test-timeout=300000 --test-force-exit --test-reporter=spec "$@"
