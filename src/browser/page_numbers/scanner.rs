//! The scanner's state: the detector, the subtrees still to scan, and what was found.
//!
//! Found numbers are kept per text node in a JS `Map` (node → array of `[Range, e164]`): the
//! hover lookup goes from the node under the pointer straight to its numbers, a rescanned node
//! replaces its entries (so scanning a node twice never duplicates), and removed nodes are
//! pruned by asking each key whether it is still connected.

use std::collections::VecDeque;

use js_sys::{Array, Map};
use phone_detect::Detector;
use wasm_bindgen::{JsCast, JsValue};

use super::highlight::Highlight;
use super::segments::Segments;
use super::walk::Walk;

/// Most text nodes one batch reads: keeps a batch well under a frame's worth of main thread.
pub(super) const BATCH_NODES: usize = 3000;
/// Most bytes of text one batch hands to the detector.
pub(super) const BATCH_BYTES: usize = 96 * 1024;
/// Texts with fewer digits cannot hold a number (the detector needs 6): not worth a call.
const MIN_DIGITS: usize = 6;

/// One found number on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageNumber {
    /// The number in E.164.
    pub e164: String,
    /// The number as the page shows it.
    pub text: String,
}

/// Everything the scanner knows.
#[derive(Debug)]
pub(super) struct Scanner {
    pub(super) detector: Detector,
    /// Combined selector of what is never scanned.
    pub(super) skip: String,
    document: web_sys::Document,
    found: Map,
    highlight: Option<Highlight>,
    queue: VecDeque<Walk>,
    prune: bool,
}

impl Scanner {
    pub(super) fn new(detector: Detector, skip: String, document: web_sys::Document) -> Self {
        let highlight = Highlight::install(&document);
        Scanner {
            detector,
            skip,
            document,
            found: Map::new(),
            highlight,
            queue: VecDeque::new(),
            prune: false,
        }
    }

    /// Queues `node`'s subtree (an added element or a changed text node).
    pub(super) fn enqueue(&mut self, node: web_sys::Node) {
        if let Some(walk) = Walk::new(node, &self.skip) {
            self.queue.push_back(walk);
        }
    }

    /// Notes that nodes were removed: the next batch drops their numbers.
    pub(super) fn note_removal(&mut self) {
        self.prune = true;
    }

    /// Whether work is queued.
    pub(super) fn pending(&self) -> bool {
        !self.queue.is_empty() || self.prune
    }

    /// Scans up to one batch of queued text; returns whether work remains.
    pub(super) fn run_batch(&mut self) -> bool {
        if self.prune {
            self.prune = false;
            self.prune_disconnected();
        }
        let mut segments = Segments::new();
        let mut nodes = Vec::new();
        let mut read = 0;
        while read < BATCH_NODES && segments.bytes() < BATCH_BYTES {
            let Some(walk) = self.queue.front_mut() else {
                break;
            };
            let Some(text) = walk.next_text(&self.skip) else {
                self.queue.pop_front();
                continue;
            };
            read += 1;
            self.forget(&text);
            let data = text.data();
            if data.bytes().filter(u8::is_ascii_digit).count() >= MIN_DIGITS {
                segments.push(&data);
                nodes.push(text);
            }
        }
        if !segments.is_empty() {
            self.record(&segments, &nodes);
        }
        !self.queue.is_empty()
    }

    /// Runs the detector over one batch and keeps a range per number.
    fn record(&mut self, segments: &Segments, nodes: &[web_sys::Text]) {
        let mut current: Option<(usize, Array)> = None;
        for found in self.detector.find(segments.joined()) {
            let Some(at) = segments.locate(&found) else {
                continue;
            };
            let Some(node) = nodes.get(at.segment) else {
                continue;
            };
            let Ok(range) = self.document.create_range() else {
                continue;
            };
            if range.set_start(node, at.start16).is_err() || range.set_end(node, at.end16).is_err()
            {
                continue;
            }
            if let Some(h) = &self.highlight {
                h.add(&range);
            }
            let hit = Array::of2(&range, &JsValue::from_str(&found.e164));
            match &mut current {
                Some((segment, hits)) if *segment == at.segment => {
                    hits.push(&hit);
                }
                _ => {
                    let hits = Array::of1(&hit);
                    self.found.set(node, &hits);
                    current = Some((at.segment, hits));
                }
            }
        }
    }

    /// Drops the numbers recorded for `node` (before a rescan or after its removal).
    fn forget(&self, node: &web_sys::Node) {
        let hits = self.found.get(node);
        if hits.is_undefined() {
            return;
        }
        if let Some(h) = &self.highlight {
            for hit in Array::from(&hits).iter() {
                if let Ok(range) = Array::from(&hit).get(0).dyn_into::<web_sys::Range>() {
                    h.delete(&range);
                }
            }
        }
        self.found.delete(node);
    }

    /// Drops the numbers of every text node no longer in the document.
    fn prune_disconnected(&self) {
        let gone: Vec<web_sys::Node> = self
            .found
            .keys()
            .into_iter()
            .filter_map(Result::ok)
            .filter_map(|k| k.dyn_into::<web_sys::Node>().ok())
            .filter(|n| !n.is_connected())
            .collect();
        for node in gone {
            self.forget(&node);
        }
    }

    /// The numbers recorded for `node`, as `(range, e164)`.
    pub(super) fn hits(&self, node: &web_sys::Node) -> Vec<(web_sys::Range, String)> {
        let hits = self.found.get(node);
        if hits.is_undefined() {
            return Vec::new();
        }
        Array::from(&hits)
            .iter()
            .filter_map(|hit| split(&hit))
            .collect()
    }

    /// Every recorded number still in the page, in no particular order.
    pub(super) fn all(&self) -> Vec<PageNumber> {
        let mut out = Vec::new();
        for hits in self.found.values().into_iter().filter_map(Result::ok) {
            for (range, e164) in Array::from(&hits).iter().filter_map(|hit| split(&hit)) {
                let connected = range.start_container().is_ok_and(|n| n.is_connected());
                if connected {
                    let text = String::from(range.to_string());
                    out.push(PageNumber { e164, text });
                }
            }
        }
        out
    }

    /// Unmarks everything (the scanner is being removed).
    pub(super) fn clear(&mut self) {
        if let Some(h) = self.highlight.take() {
            h.remove();
        }
        self.found.clear();
        self.queue.clear();
    }
}

fn split(hit: &JsValue) -> Option<(web_sys::Range, String)> {
    let hit = Array::from(hit);
    let range = hit.get(0).dyn_into::<web_sys::Range>().ok()?;
    let e164 = hit.get(1).as_string()?;
    Some((range, e164))
}
