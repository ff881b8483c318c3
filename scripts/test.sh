#!/usr/bin/env bash
# Runs every test layer of daktela-cti, from a clean clone on a bare machine:
#   1. cargo fmt --check and clippy -D warnings (native workspace; wasm32 for the panel and client)
#   2. native unit and integration tests (cargo test: every default member)
#   3. browser tests: wasm-bindgen-test in headless Chromium
#   4. end-to-end: the Trunk release build on the demo CRM page, driven through WebDriver
# It installs what is missing first (scripts/setup.sh). It stops at the first failing layer.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s)
step() { printf '\n==> %s (%ss)\n' "$*" "$(($(date +%s) - start))"; }
# Runs a test command, keeping its output for the summary at the end.
tests() { "$@" 2>&1 | tee -a "$log"; }

step "1/4 format and lints"
cargo fmt --all -- --check
cargo clippy --locked --workspace --all-targets -- -D warnings
cargo clippy --locked -p daktela-cti --target wasm32-unknown-unknown --all-targets -- -D warnings

step "2/4 native tests"
tests cargo test --locked

step "3/4 browser tests (headless Chromium)"
# The Daktela client's browser tests talk to a simulator cross-origin: start one with CORS for
# the test page's origin (wasm-bindgen-test-runner serves the page at WASM_BINDGEN_TEST_ADDRESS).
sim_port=${SIM_PORT:-18790}
page_port=${PAGE_PORT:-18791}
cargo build --locked -q -p daktela-sim
target/debug/daktela-sim serve --port "$sim_port" --cors-origin "http://127.0.0.1:$page_port" \
  >"$log.sim" 2>&1 &
sim_pid=$!
# `|| true`: under `set -e` a failing command in the EXIT trap becomes the script's exit status,
# and the simulator is normally gone by then (killed below).
trap 'kill "$sim_pid" 2>/dev/null || true; rm -f "$log" "$log.sim"' EXIT
for _ in $(seq 1 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$sim_port") 2>/dev/null && break
  sleep 0.1
done
DAKTELA_SIM_URL="http://127.0.0.1:$sim_port" WASM_BINDGEN_TEST_ADDRESS="127.0.0.1:$page_port" \
  tests cargo test --locked -p daktela-cti --target wasm32-unknown-unknown
kill "$sim_pid" 2>/dev/null || true

step "4/4 end-to-end (Trunk release build, demo CRM, WebDriver)"
trunk build --release
# One browser at a time: five headless Chromiums compiling the panel's wasm at once on 2 cores
# turn the tests' time limits into a lottery.
tests cargo test --locked -p daktela-cti-e2e -- --test-threads=1

step "done"
# One closing line over every layer: the sum of all `test result:` lines above.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) s += $i } }
     END { printf "all layers: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
