#!/usr/bin/env bash
# Idempotent fresh-machine setup for daktela-cti: installs only what is missing.
#
# Called by both README commands (scripts/demo.sh and scripts/test.sh). It never downloads from
# GitHub: Rust tools come from crates.io, wasm-opt from the npm `binaryen` package, Chromium and
# chromedriver from Debian packages. See ../shared/toolchain.md for why each pin is what it is.
#
# Source it (`. scripts/setup.sh`) to get PATH and the browser variables in the calling shell.
set -euo pipefail

# Pins. WASM_BINDGEN_VERSION must equal the `wasm-bindgen = "=..."` pin in Cargo.toml and
# `[tools].wasm_bindgen` in Trunk.toml; WASM_OPT_VERSION must match `[tools].wasm_opt`.
TRUNK_VERSION=0.21.14 # 0.22 needs rustc 1.96.1
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_NPM_VERSION=132.0.0 # never Debian's binaryen 108: it silently breaks wasm-bindgen output
WASM_OPT_VERSION=version_132
MIN_RUSTC_MINOR=88 # leptos 0.8 msrv

DAKTELA_CTI_TOOLS="${DAKTELA_CTI_TOOLS:-$HOME/.cache/daktela-cti/tools}"
export PATH="$DAKTELA_CTI_TOOLS/npm/node_modules/.bin:$DAKTELA_CTI_TOOLS/bin:$HOME/.cargo/bin:$PATH"

say() { printf '[setup] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root for: $*"; return 1; fi
}

apt_missing=()
need_apt() { dpkg -s "$1" >/dev/null 2>&1 || apt_missing+=("$1"); }

# 1. Debian packages: the browser and its driver (same version), compression tools for the size
#    report, a C toolchain for crates that build C, and node/npm only when no node is present.
need_apt chromium
need_apt chromium-driver
need_apt brotli
need_apt ca-certificates
command -v cc >/dev/null || need_apt gcc
command -v npm >/dev/null || { need_apt nodejs; need_apt npm; }
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "apt-get install ${apt_missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi

# 2. Rust: the active toolchain must be new enough, with the wasm32 target.
if ! command -v cargo >/dev/null; then
  say "cargo is missing: install Rust with rustup (https://rustup.rs) and run this again"; exit 1
fi
rustc_minor=$(rustc --version | sed -E 's/^rustc 1\.([0-9]+).*/\1/')
if [ "$rustc_minor" -lt "$MIN_RUSTC_MINOR" ]; then
  say "rustc 1.$rustc_minor is too old (need 1.$MIN_RUSTC_MINOR or newer)"; exit 1
fi
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for comp in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$comp" || rustup component add "$comp"
done

# 3. Pinned Rust tools into our own root, so they never clash with other projects' versions.
mkdir -p "$DAKTELA_CTI_TOOLS"
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
  cargo install --quiet --locked trunk --version "$TRUNK_VERSION" --root "$DAKTELA_CTI_TOOLS"
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ] ||
  ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # No --locked: the published lockfile pins a webpki-roots the registry does not serve.
  cargo install --quiet --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$DAKTELA_CTI_TOOLS"
fi

# 4. wasm-opt from npm binaryen (a node script with embedded wasm; installs in seconds).
# `wasm-opt --version` prints `wasm-opt version 132 (version_132)`; Trunk.toml pins the last word.
if [ "$(wasm-opt --version 2>/dev/null | awk '{print $4}' | tr -d '()')" != "$WASM_OPT_VERSION" ]; then
  say "npm install binaryen@$BINARYEN_NPM_VERSION"
  npm install --silent --no-save --no-audit --no-fund --prefix "$DAKTELA_CTI_TOOLS/npm" "binaryen@$BINARYEN_NPM_VERSION" >/dev/null
fi

# 5. Browser variables for wasm-bindgen-test-runner and our e2e harness.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROME_BIN="${CHROME_BIN:-/usr/bin/chromium}"
export TRUNK_SKIP_VERSION_CHECK=true

say "ready: $(trunk --version), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), wasm-opt $(wasm-opt --version | awk '{print $3}'), $("$CHROME_BIN" --version 2>/dev/null | head -1)"
