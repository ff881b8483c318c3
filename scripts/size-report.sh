#!/usr/bin/env bash
# Size report (a benchmark, not a test): raw, gzip -9 and brotli -q 11 bytes of the panel's
# release bundle. Budget: the whole panel (wasm + js + css) at most 150 KB gzip.
# The panel's CSS is compiled into the wasm (it is adopted into the shadow root), so the css
# row counts stylesheets Trunk emits separately, which is none today.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
# SKIP_BUILD=1 measures the dist/ that is there (e.g. right after scripts/test.sh).
[ "${SKIP_BUILD:-0}" = 1 ] || trunk build --release >&2

sizes() { # prints raw gzip brotli for the files given (summed)
  local raw=0 gz=0 br=0 f
  for f in "$@"; do
    [ -f "$f" ] || continue
    raw=$((raw + $(stat -c %s "$f")))
    gz=$((gz + $(gzip -9 -c "$f" | wc -c)))
    br=$((br + $(brotli -q 11 -c "$f" | wc -c)))
  done
  echo "$raw $gz $br"
}
row() { printf '%-8s %10s %10s %10s\n' "$@"; }

shopt -s nullglob
wasm=(dist/*.wasm); js=(dist/*.js); css=(dist/*.css)
row kind raw gzip brotli
read -r r g b < <(sizes "${wasm[@]}"); row wasm "$r" "$g" "$b"
read -r r g b < <(sizes "${js[@]}"); row js "$r" "$g" "$b"
read -r r g b < <(sizes "${css[@]}"); row css "$r" "$g" "$b"
read -r r g b < <(sizes "${wasm[@]}" "${js[@]}" "${css[@]}"); row total "$r" "$g" "$b"
budget=$((150 * 1024))
if [ "$g" -le "$budget" ]; then verdict="within"; else verdict="OVER"; fi
printf 'budget: %s of %s bytes gzip (%s budget)\n' "$g" "$budget" "$verdict"
