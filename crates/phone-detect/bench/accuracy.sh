#!/usr/bin/env bash
# Accuracy of phone-detect beside libphonenumber-js (findPhoneNumbersInText, max metadata) on
# corpus/*.txt, plus the size our detector adds to a wasm module.
# Usage: crates/phone-detect/bench/accuracy.sh   (VERBOSE=1 lists every false positive)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
crate="$(dirname "$here")"
cd "$here"
if [ ! -d node_modules/libphonenumber-js ]; then
  npm ci --no-audit --no-fund >/dev/null
fi
cd "$crate"
bin="$(cargo build --release -p phone-detect --bin phone-scan --message-format=json-render-diagnostics \
  | grep -o '"executable":"[^"]*phone-scan"' | tail -1 | cut -d'"' -f4)"
node "$here/accuracy.mjs" "$bin" "$crate/corpus"
"$here/wasm-size.sh"
