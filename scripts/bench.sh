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
SKIP_BUILD=1 bash scripts/size-report.sh
