#!/usr/bin/env bash
# The demo: the panel on a demo CRM page, served on http://127.0.0.1:8080/ (Ctrl-C stops it).
# It installs what is missing first (scripts/setup.sh) and builds the panel with Trunk.
# PORT=9000 scripts/demo.sh picks another port.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

trunk build --release
cargo build --locked --profile native-release -p demo-crm
exec target/native-release/demo-crm --port "${PORT:-8080}" --dist dist
