//! The panel's page scanner (`daktela_cti::browser::page_numbers`), callable from the benchmark
//! page: start it on a root and finish its first scan at once, then flush queued mutations.
#![deny(missing_docs)]

use daktela_cti::browser::page_numbers::{Options, PageNumbers, install_page_numbers};
use phone_detect::{DetectorConfig, Region};
use wasm_bindgen::prelude::*;

/// A running scanner.
#[wasm_bindgen]
pub struct Scan {
    numbers: PageNumbers,
}

#[wasm_bindgen]
impl Scan {
    /// Starts the scanner on the elements matching `root`, numbers read in `region` (`"CZ"`),
    /// and scans them completely before returning (the panel does this in timed batches).
    #[wasm_bindgen(constructor)]
    pub fn new(root: &str, region: &str) -> Result<Scan, JsValue> {
        let region = Region::from_code(region).map_err(|e| JsValue::from_str(&e.to_string()))?;
        let options = Options {
            roots: vec![root.to_owned()],
            exclude_selectors: Vec::new(),
            detector: DetectorConfig::new(region),
            call_label: "Call".into(),
            call_title: "Call {number}".into(),
        };
        let numbers =
            install_page_numbers(options, |_| {}).map_err(|e| JsValue::from_str(&e.to_string()))?;
        numbers.flush();
        Ok(Scan { numbers })
    }

    /// Scans what changed since the last scan (the MutationObserver's pending records).
    pub fn flush(&self) {
        self.numbers.flush();
    }

    /// How many numbers are marked on the page.
    pub fn count(&self) -> usize {
        self.numbers.found().len()
    }
}
