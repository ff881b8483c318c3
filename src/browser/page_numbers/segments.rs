//! The texts of many text nodes scanned as one string, and the detector's byte ranges mapped
//! back to (node, UTF-16 offsets).
//!
//! One detector call per batch instead of one per text node: the detector's per-call work (and
//! the crossing into it) is paid once. The texts are joined with `\n`, which the detector treats
//! as a hard stop: no number and no label reaches across two text nodes, so two table cells
//! (`<td>602</td><td>987 654</td>`) never make one number. The price: a label in another element
//! (`<th>IČO</th><td>…</td>`) is not seen; tenants add `exclude_selectors` for such columns.
//!
//! The detector speaks UTF-8 byte offsets, the DOM speaks UTF-16 code units: Czech letters are
//! 2 bytes and 1 unit, an emoji 4 bytes and 2 units. [`Segments::locate`] converts.

use phone_detect::Found;

/// Texts joined for one detector call.
#[derive(Debug, Default)]
pub struct Segments {
    joined: String,
    /// Byte offset in `joined` where each text starts.
    starts: Vec<usize>,
}

/// A found number inside one of the joined texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// Which text (in the order they were pushed).
    pub segment: usize,
    /// UTF-16 offset of the number's first character in that text.
    pub start16: u32,
    /// UTF-16 offset just after the number in that text.
    pub end16: u32,
}

impl Segments {
    /// No texts yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the next text.
    pub fn push(&mut self, text: &str) {
        if !self.starts.is_empty() {
            self.joined.push('\n');
        }
        self.starts.push(self.joined.len());
        self.joined.push_str(text);
    }

    /// Number of texts pushed.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether no text was pushed.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Bytes of text so far (the work a detector call will do).
    pub fn bytes(&self) -> usize {
        self.joined.len()
    }

    /// All texts, joined: what the detector reads.
    pub fn joined(&self) -> &str {
        &self.joined
    }

    /// Where `found` (a range in [`Segments::joined`]) lies, or `None` if it is out of range or
    /// spans two texts (the detector never does either; the DOM must not get a wrong range).
    pub fn locate(&self, found: &Found) -> Option<Located> {
        let segment = self
            .starts
            .partition_point(|&s| s <= found.start)
            .checked_sub(1)?;
        let seg_start = self.starts[segment];
        let seg_end = self
            .starts
            .get(segment + 1)
            .map_or(self.joined.len(), |next| next - 1);
        if found.end > seg_end || found.start >= found.end {
            return None;
        }
        let text = self.joined.get(seg_start..seg_end)?;
        let start = found.start - seg_start;
        let end = found.end - seg_start;
        Some(Located {
            segment,
            start16: utf16_len(text.get(..start)?),
            end16: utf16_len(text.get(..end)?),
        })
    }
}

/// Length of `text` in UTF-16 code units (what DOM offsets count).
pub fn utf16_len(text: &str) -> u32 {
    let units: usize = text.chars().map(char::len_utf16).sum();
    u32::try_from(units).unwrap_or(u32::MAX)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use phone_detect::{Detector, DetectorConfig, Region};

    fn scan(texts: &[&str]) -> Vec<(usize, u32, u32, String)> {
        let detector = Detector::new(DetectorConfig::new(Region::Cz)).unwrap();
        let mut segments = Segments::new();
        for t in texts {
            segments.push(t);
        }
        detector
            .find(segments.joined())
            .iter()
            .filter_map(|f| segments.locate(f).map(|l| (l, f.e164.clone())))
            .map(|(l, e)| (l.segment, l.start16, l.end16, e))
            .collect()
    }

    #[test]
    fn offsets_count_utf16_units_after_czech_letters_and_emoji() {
        // "Žluťoučký kůň 📞: " is 18 UTF-16 units (the emoji is 2) and 26 bytes.
        let text = "Žluťoučký kůň 📞: 602 987 654";
        let found = scan(&["nic", text]);
        assert_eq!(found, [(1, 18, 29, "+420602987654".to_owned())]);
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&units[18..29]).unwrap(), "602 987 654");
    }

    #[test]
    fn numbers_never_reach_across_two_texts() {
        assert!(scan(&["602", "987 654"]).is_empty());
        let found = scan(&["Tel.", "777 123 456", "IČO 27082440"]);
        assert_eq!(found, [(1, 0, 11, "+420777123456".to_owned())]);
    }

    #[test]
    fn a_range_spanning_two_texts_or_out_of_bounds_is_not_located() {
        let mut segments = Segments::new();
        segments.push("ab");
        segments.push("cd");
        let found = |start, end| Found {
            start,
            end,
            e164: "+420602987654".into(),
            extension: None,
            kind: phone_detect::NumberKind::Mobile,
            labelled: false,
        };
        assert_eq!(segments.locate(&found(1, 4)), None);
        assert_eq!(segments.locate(&found(3, 9)), None);
        assert_eq!(segments.locate(&found(2, 2)), None);
        assert_eq!(
            segments.locate(&found(3, 5)),
            Some(Located {
                segment: 1,
                start16: 0,
                end16: 2
            })
        );
    }
}
