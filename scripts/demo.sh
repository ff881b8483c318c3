#!/usr/bin/env bash
# The demo: the panel on a demo CRM page, served on http://127.0.0.1:8080/ (Ctrl-C stops it), with
# the Daktela simulator on the same origin at http://127.0.0.1:8080/daktela (its logins are
# printed; `target/native-release/daktela-sim ring --sim-url http://127.0.0.1:8080/daktela
# --agent agent1 --from '+420 777 123 456'` rings a call).
# It installs what is missing first (scripts/setup.sh) and builds the panel with Trunk.
# PORT=9000 scripts/demo.sh picks another port.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

trunk build --release
cargo build --locked --profile native-release -p demo-crm -p daktela-sim
exec target/native-release/demo-crm --port "${PORT:-8080}" --dist dist
