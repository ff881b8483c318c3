//! The words around a run: labels that say "phone" or "not a phone", currencies and units.

use crate::text::{fold, fold_char, is_word};
use crate::words::{OTHER, PHONE, UNITS_AFTER, UNITS_BEFORE};

/// What the nearest label before a run says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    /// "tel", "mobil", "phone", "fax", …: a number here is a phone number.
    Phone,
    /// "IČO", "IBAN", "order", "faktura", "#", …: the digits are some other identifier.
    Other,
}

/// How far back (in bytes) a label may stand before the number.
const LOOK_BACK: usize = 40;

/// One label word, folded, with what it means.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    stem: bool,
    label: Label,
}

/// The label words, bucketed by first byte so each position in a window costs a few compares.
#[derive(Debug, Clone)]
pub(crate) struct Labels {
    by_first_byte: Vec<Vec<Word>>,
}

impl Labels {
    /// The built-in words plus tenant words (`extra`, meaning [`Label::Other`]).
    pub(crate) fn new(extra: &[String]) -> Labels {
        let mut by_first_byte = vec![Vec::new(); 256];
        let phone = PHONE.iter().map(|w| (*w, Label::Phone));
        let other = OTHER
            .iter()
            .copied()
            .chain(extra.iter().map(String::as_str));
        for (word, label) in phone.chain(other.map(|w| (w, Label::Other))) {
            let (text, stem) = word.strip_suffix('*').map_or((word, false), |w| (w, true));
            let text = fold(text);
            if let Some(&first) = text.as_bytes().first() {
                by_first_byte[usize::from(first)].push(Word { text, stem, label });
            }
        }
        Labels { by_first_byte }
    }

    /// The nearest label in the text before `start` (not looking past `floor`, the end of the
    /// previous run, nor past a line break or list separator).
    pub(crate) fn before(&self, text: &str, floor: usize, start: usize) -> Option<Label> {
        let mut from = start.saturating_sub(LOOK_BACK).max(floor);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let window = &text[from..start];
        // A label belongs to the value right after it: a list separator in between ends its reach.
        let window = &window[window
            .rfind(['\n', '\r', ';', '|', ',', '\t', '•'])
            .map_or(0, |i| i + 1)..];
        let lower = fold(window);
        // Backwards over positions: the first label found is the nearest.
        for (pos, c) in lower.char_indices().rev() {
            if c == '#' || c == '№' {
                return Some(Label::Other);
            }
            let before = lower[..pos].chars().next_back();
            if before.is_some_and(is_word) || !is_word(c) {
                continue;
            }
            let rest = &lower[pos..];
            let hit = self.by_first_byte[usize::from(rest.as_bytes()[0])]
                .iter()
                .find(|w| {
                    rest.starts_with(w.text.as_str())
                        && (w.stem
                            || !w.text.ends_with(is_word)
                            || !rest[w.text.len()..].starts_with(is_word))
                });
            if let Some(word) = hit {
                return Some(word.label);
            }
        }
        None
    }
}

/// Whether an amount unit or currency follows `end` (after optional blanks).
pub(crate) fn unit_after(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or_default();
    let rest = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}', '\u{2009}']);
    let head: String = rest.chars().take(12).map(fold_char).collect();
    UNITS_AFTER.iter().any(|unit| {
        let (unit, stem) = unit.strip_suffix('*').map_or((*unit, false), |u| (u, true));
        head.starts_with(unit)
            && (stem || !unit.ends_with(is_word) || !head[unit.len()..].starts_with(is_word))
    })
}

/// Whether a currency stands right before `start` (after optional blanks).
pub(crate) fn currency_before(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or_default();
    let before = before.trim_end_matches([' ', '\u{a0}', '\u{202f}', '\u{2009}']);
    let tail: String = before
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let tail = fold(&tail);
    UNITS_BEFORE.iter().any(|unit| {
        tail.ends_with(unit) && {
            let cut = &tail[..tail.len() - unit.len()];
            !unit.starts_with(is_word) || !cut.ends_with(is_word)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> Option<Label> {
        Labels::new(&[]).before(text, 0, text.len())
    }

    #[test]
    fn the_nearest_label_decides() {
        assert_eq!(label("Tel.: "), Some(Label::Phone));
        assert_eq!(label("IČO: "), Some(Label::Other));
        assert_eq!(label("Objednávka č. "), Some(Label::Other));
        assert_eq!(label("objednávka vyřízena, volejte "), Some(Label::Phone));
        assert_eq!(label("tel. č. "), Some(Label::Phone));
        assert_eq!(label("Ticket #"), Some(Label::Other));
        assert_eq!(label("Praha, "), None);
    }

    #[test]
    fn short_labels_match_only_whole_words() {
        assert_eq!(label("Video "), None);
        assert_eq!(label("ID: "), Some(Label::Other));
        assert_eq!(label("Hotel "), None);
        assert_eq!(label("Bellevue "), None);
        assert_eq!(label("bel ons: "), Some(Label::Phone));
    }

    #[test]
    fn a_line_break_or_list_separator_ends_the_look_back() {
        assert_eq!(label("IBAN\n"), None);
        assert_eq!(label("145996106 ks; "), None);
        assert_eq!(label("IČO, "), None);
    }

    #[test]
    fn amounts_are_recognised_by_their_currency_or_unit() {
        assert!(unit_after("123 456 789 Kč", 11));
        assert!(unit_after("123456789,-", 9));
        assert!(unit_after("123456789\u{a0}EUR", 9));
        assert!(!unit_after("777 123 456 Praha", 11));
        assert!(!unit_after("777 123 456 mobil", 11));
        assert!(currency_before("€ 123", 4));
        assert!(currency_before("cena: CZK 1", 10));
        assert!(!currency_before("tel. 1", 5));
    }
}
