#!/usr/bin/env bash
# Page-scan benchmark (prints figures; it is not a test and asserts nothing):
# a 10,000-row CRM table page in headless Chromium, full scan and a 200-row append, the panel's
# scanner (bench/page-scan/wasm, built like the panel: opt-level z, LTO, wasm-opt) beside
# libphonenumber-js findPhoneNumbersInText (max metadata, npm 1.13.16) doing the same DOM work.
# Usage: scripts/bench-page-scan.sh   (CHROME_BIN overrides /usr/bin/chromium)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
bench="$repo/bench/page-scan"
export PATH="$HOME/.cache/daktela-cti/tools/bin:$PATH"
chrome="${CHROME_BIN:-/usr/bin/chromium}"
cd "$bench"

if [ ! -d node_modules/libphonenumber-js ]; then
  npm install --no-audit --no-fund >/dev/null
fi
# The same dependency versions as the panel.
cp "$repo/Cargo.lock" wasm/Cargo.lock
target="${CARGO_TARGET_DIR:-$bench/wasm/target}"
(cd wasm && CARGO_TARGET_DIR="$target" cargo build --release --target wasm32-unknown-unknown -q)
wasm-bindgen --target web --no-typescript --out-dir pkg \
  "$target/wasm32-unknown-unknown/release/page_scan_bench.wasm"
if command -v wasm-opt >/dev/null; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals pkg/page_scan_bench_bg.wasm -o pkg/page_scan_bench_bg.wasm
fi

work="$(mktemp -d)"
server=""
browser=""
cleanup() {
  # Wait for the browser to exit: it writes to its profile until then.
  if [ -n "$browser" ]; then kill "$browser" 2>/dev/null || true; wait "$browser" 2>/dev/null || true; fi
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work" 2>/dev/null || true
}
trap cleanup EXIT
python3 serve.py "$bench" "$work/port" 600 >"$work/result.json" &
server=$!
for _ in $(seq 1 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port="$(cat "$work/port")"
"$chrome" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
  --disable-background-networking --user-data-dir="$work/profile" \
  "http://127.0.0.1:$port/index.html" >/dev/null 2>&1 &
browser=$!
wait "$server"
server=""

node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
if (r.error) { console.error("benchmark failed in the page:", r.error); process.exit(1); }
const f = (x) => x.toFixed(1).padStart(8);
console.log(`page: ${r.rows} rows, ${(r.text_bytes / 1024).toFixed(0)} KB of text, one valid number per row (${r.rows} / ${r.rows + r.append} after the append) among IČO, dates, prices, order numbers; ${r.runs} runs (median / best, ms)`);
console.log(`                          full scan            append ${r.append}       found (full / after append)`);
for (const [name, k] of [["panel scanner (ours)", "ours"], ["libphonenumber-js max", "lib"]]) {
  const x = r[k];
  console.log(`${name.padEnd(22)} ${f(x.full_ms_median)} / ${f(x.full_ms_best)}   ${f(x.append_ms_median)} / ${f(x.append_ms_best)}   ${x.found_full} / ${x.found_after_append}`);
}
console.log(`speed-up (median): full ${(r.lib.full_ms_median / r.ours.full_ms_median).toFixed(1)}x, append ${(r.lib.append_ms_median / r.ours.append_ms_median).toFixed(1)}x`);
console.log(r.user_agent);
' "$work/result.json"
printf 'bench wasm (scanner + detector + the panel code it links): %s bytes, %s gzip\n' \
  "$(wc -c <pkg/page_scan_bench_bg.wasm)" "$(gzip -9c pkg/page_scan_bench_bg.wasm | wc -c)"
