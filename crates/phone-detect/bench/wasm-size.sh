#!/usr/bin/env bash
# What phone-detect adds to a wasm module: a throw-away cdylib that calls Detector::find, built
# like the panel (wasm32-unknown-unknown, opt-level z, LTO, panic=abort), minus the same
# cdylib without the detector. Prints raw and gzip bytes. Needs the wasm32-unknown-unknown target.
set -euo pipefail
crate="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
build() { # $1 = name, $2 = body of scan()
  mkdir -p "$tmp/$1/src"
  cat >"$tmp/$1/Cargo.toml" <<TOML
[package]
name = "$1"
version = "0.0.0"
edition = "2024"
[lib]
crate-type = ["cdylib"]
[dependencies]
phone-detect = { path = "$crate" }
[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"
[workspace]
TOML
  cat >"$tmp/$1/src/lib.rs" <<RS
#[unsafe(no_mangle)]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut v = Vec::<u8>::with_capacity(len);
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}
#[unsafe(no_mangle)]
pub extern "C" fn scan(ptr: *const u8, len: usize) -> usize {
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    $2
}
RS
  (cd "$tmp/$1" && CARGO_TARGET_DIR="$tmp/target" cargo build -q --release --target wasm32-unknown-unknown)
  local wasm="$tmp/target/wasm32-unknown-unknown/release/$1.wasm"
  echo "$(wc -c <"$wasm") $(gzip -9 -c "$wasm" | wc -c)"
}
# The baseline already has what any panel has: allocation and core::fmt (panic messages, format!).
base=($(build size_base 'format!("{}{}", text, len).len()'))
with=($(build size_detect 'format!("{}{}", text, len).len() + phone_detect::Detector::new(phone_detect::DetectorConfig::new(phone_detect::Region::Cz)).map_or(0, |d| d.find(text).len())'))
echo "wasm size added by phone-detect: $((with[0] - base[0])) bytes raw, $((with[1] - base[1])) bytes gzip (module ${with[0]} / ${with[1]} gzip, without wasm-opt)"
