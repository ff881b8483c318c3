#!/usr/bin/env bash
# The panel's figures (a benchmark that prints them; budgets are checked by reading, not by a
# timed test): ring-to-pop latency p50/p95 over 20 calls in pull-data mode, idle requests per
# minute to Daktela, and the bundle size (wasm + js + css, gzip).
# BENCH_CALLS and BENCH_IDLE_SECS shorten or lengthen the run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
trunk build --release >&2
cargo run --locked -q --profile native-release -p daktela-cti-e2e --bin panel-bench
# The many-tabs soak (issue 8): idle requests per minute with 1 tab vs 5, 500 calls with 3 tabs,
# one CRM log per call, wasm memory and JS heap growth per tab (SOAK_CALLS, SOAK_IDLE_SECS).
cargo run --locked -q --profile native-release -p daktela-cti-e2e --bin tabs-soak
SKIP_BUILD=1 bash scripts/size-report.sh
