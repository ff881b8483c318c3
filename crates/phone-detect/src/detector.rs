//! The detector: configuration, the scan over a text, and what it finds.

use crate::context::{Label, Labels, currency_before, unit_after};
use crate::error::ConfigError;
use crate::exclude::{Exclusion, shape_covers};
use crate::extension::extension_after;
use crate::number::{Parsed, Written, parse};
use crate::plan::{NumberKind, Plans};
use crate::region::Region;
use crate::run::{Group, Run, run_at};
use crate::shape::{contains_date, whole_run_is_identifier};
use crate::text::is_word;

/// How a [`Detector`] reads text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetectorConfig {
    /// Region whose national numbers (no `+` / `00`) are recognised.
    pub default_region: Region,
    /// Tenant rules for digits that are never phone numbers, on top of the built-in ones.
    pub exclusions: Vec<Exclusion>,
}

impl DetectorConfig {
    /// A configuration for `default_region` with no tenant exclusions.
    pub fn new(default_region: Region) -> DetectorConfig {
        DetectorConfig {
            default_region,
            exclusions: Vec::new(),
        }
    }
}

/// A phone number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte offset of the first character of the number as written (`+`, `(` or a digit).
    pub start: usize,
    /// Byte offset just after the number as written, including its extension if it has one.
    pub end: usize,
    /// The number in E.164: `+` and 8 to 15 digits.
    pub e164: String,
    /// The extension written after it (`ext. 12`, `linka 305`), digits only.
    pub extension: Option<String>,
    /// The kind of line, as far as the numbering plan tells.
    pub kind: NumberKind,
    /// Whether a phone label ("tel", "mobil", "phone", …) stood right before it.
    pub labelled: bool,
}

impl Found {
    /// The number as written in `text` (the text given to [`Detector::find`]).
    pub fn raw<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or_default()
    }
}

/// Finds phone numbers in text. Build it once and reuse it: construction compiles the plans.
#[derive(Debug)]
pub struct Detector {
    region: Region,
    plans: Plans,
    labels: Labels,
    shapes: Vec<String>,
    prefixes: Vec<String>,
}

/// Runs with fewer digits are never a number worth dialling (E.164 needs 8 with the country code).
const MIN_RUN_DIGITS: usize = 6;
/// Most space-separated chunks one number may span (`+420 777 123 456` is four).
const MAX_CHUNKS: usize = 6;

impl Detector {
    /// Builds a detector.
    ///
    /// # Errors
    /// A [`ConfigError`] for an exclusion that cannot work (empty label, shape without `#`,
    /// prefix that is not `+` and digits).
    pub fn new(config: DetectorConfig) -> Result<Detector, ConfigError> {
        let mut detector = Detector {
            region: config.default_region,
            plans: Plans::compile()?,
            labels: Labels::new(&[]),
            shapes: Vec::new(),
            prefixes: Vec::new(),
        };
        let mut labels = Vec::new();
        for (index, exclusion) in config.exclusions.into_iter().enumerate() {
            exclusion.check(index)?;
            match exclusion {
                Exclusion::Label(word) => labels.push(word.trim().to_owned()),
                Exclusion::Shape(shape) => detector.shapes.push(shape),
                Exclusion::Prefix(prefix) => detector.prefixes.push(prefix),
            }
        }
        detector.labels = Labels::new(&labels);
        Ok(detector)
    }

    pub(crate) fn plans(&self) -> &Plans {
        &self.plans
    }

    /// The region national numbers are read in.
    pub fn region(&self) -> Region {
        self.region
    }

    /// Every phone number in `text`, in ascending, non-overlapping byte ranges.
    ///
    /// One pass over the text: each run of digits and separators is looked at once, with a
    /// bounded look at the words around it.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let (mut at, mut floor) = (0, 0);
        while let Some(&b) = bytes.get(at) {
            let run = match b {
                b'0'..=b'9' | b'+' | b'(' => run_at(text, at),
                _ => None,
            };
            let Some(run) = run else {
                at += 1;
                continue;
            };
            let next = self.take_run(text, &run, floor, &mut found);
            floor = run.end;
            at = next.max(at + 1);
        }
        found
    }

    /// Adds the numbers in `run` to `found`; returns where scanning goes on.
    fn take_run(&self, text: &str, run: &Run, floor: usize, found: &mut Vec<Found>) -> usize {
        let extension = extension_after(text, run.end);
        let tail = extension.as_ref().map_or(run.end, |e| e.1);
        if run.digit_count() < MIN_RUN_DIGITS || glued_after(text, tail) {
            return tail;
        }
        let label = self.labels.before(text, floor, run.start);
        if label == Some(Label::Other)
            || glued_before(text, run.start, label == Some(Label::Phone))
            || unit_after(text, run.end)
            || currency_before(text, run.start)
            || whole_run_is_identifier(text, run)
            || self
                .shapes
                .iter()
                .any(|s| shape_covers(text, s, run.start, run.end))
        {
            return tail;
        }
        // Chunks are split at plain blanks only: `12.3.2024 777 123 456` is two chunks.
        let chunk_starts: Vec<usize> = (0..run.groups.len())
            .filter(|&i| {
                run.groups[i]
                    .sep
                    .is_none_or(|s| s.space && s.punct.is_none() && !s.paren)
            })
            .collect();
        let chunks = chunk_starts.len();
        let mut s = 0;
        while s < chunks {
            let hit = (s + 1..=chunks.min(s + MAX_CHUNKS)).rev().find_map(|e| {
                let last = chunk_starts.get(e).map_or(run.groups.len(), |&g| g);
                let groups = &run.groups[chunk_starts[s]..last];
                let written = if run.plus && s == 0 {
                    Written::Plus
                } else {
                    Written::Plain
                };
                self.candidate(text, groups, written)
                    .map(|parsed| (e, parsed))
            });
            let Some((e, parsed)) = hit else {
                s += 1;
                continue;
            };
            let first = &run.groups[chunk_starts[s]];
            let at_end = e == chunks;
            let end = chunk_starts
                .get(e)
                .map_or(run.end, |&g| run.groups[g - 1].end);
            found.push(Found {
                start: if s == 0 { run.start } else { first.start },
                end: if at_end { tail } else { end },
                e164: parsed.e164,
                extension: extension.as_ref().filter(|_| at_end).map(|e| e.0.clone()),
                kind: parsed.kind,
                labelled: label == Some(Label::Phone),
            });
            s = e;
        }
        tail
    }

    fn candidate(&self, text: &str, groups: &[Group], written: Written) -> Option<Parsed> {
        if contains_date(text, groups) {
            return None;
        }
        let mut digits = Vec::with_capacity(20);
        for g in groups {
            digits.extend_from_slice(text.as_bytes().get(g.start..g.end)?);
            if digits.len() > 20 {
                return None;
            }
        }
        let parsed = parse(&self.plans, self.region, &digits, written)?;
        let excluded = self
            .prefixes
            .iter()
            .any(|p| parsed.e164.starts_with(p.as_str()));
        (!excluded).then_some(parsed)
    }
}

/// Whether the run at `start` is the tail of a longer token (`CZ65 0800…`, `TCK-123456789`,
/// `v1.2.3`, the `5` of `1,5`). Behind a phone label, `tel.777…` is fine.
fn glued_before(text: &str, start: usize, after_phone_label: bool) -> bool {
    let mut before = text[..start].chars().rev();
    let (Some(c1), c2) = (before.next(), before.next()) else {
        return false;
    };
    let word = |c: Option<char>| c.is_some_and(is_word);
    if word(Some(c1)) {
        return true;
    }
    match c1 {
        '-' | '/' | '.' | '@' | '=' | '&' | '\\' | '°' => word(c2) && !after_phone_label,
        ',' | ':' => c2.is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Whether the text right after `end` continues the token: letters, `%`, `.5`, `:30`, `-A`.
fn glued_after(text: &str, end: usize) -> bool {
    let mut after = text[end..].chars();
    let (Some(c1), c2) = (after.next(), after.next()) else {
        return false;
    };
    match c1 {
        c if is_word(c) || c == '%' || c == '‰' => true,
        '.' | ',' | ':' => c2.is_some_and(|c| c.is_ascii_digit()),
        '-' | '/' | '@' | '\\' => c2.is_some_and(is_word),
        _ => false,
    }
}
