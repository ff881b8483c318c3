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

/// The nearest label in the text before `start` (not looking past `floor`, the end of the
/// previous run, nor past a line break). `extra` are tenant labels meaning [`Label::Other`].
pub(crate) fn label_before(
    text: &str,
    floor: usize,
    start: usize,
    extra: &[String],
) -> Option<Label> {
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
    let mut best: Option<(usize, Label)> = None;
    let mut consider = |pos: Option<usize>, label| {
        if let Some(pos) = pos.filter(|p| best.is_none_or(|(b, _)| *p > b)) {
            best = Some((pos, label));
        }
    };
    for word in PHONE {
        consider(find_word(&lower, word), Label::Phone);
    }
    for word in OTHER
        .iter()
        .copied()
        .chain(extra.iter().map(String::as_str))
    {
        consider(find_word(&lower, word), Label::Other);
    }
    consider(lower.rfind('#'), Label::Other);
    consider(lower.rfind('№'), Label::Other);
    best.map(|(_, label)| label)
}

/// The last position of `word` in `hay` as a whole word (or a stem, with a trailing `*`).
fn find_word(hay: &str, word: &str) -> Option<usize> {
    let (needle, stem) = match word.strip_suffix('*') {
        Some(stem) => (stem, true),
        None => (word, false),
    };
    let needle = fold(needle);
    let mut end = hay.len();
    while let Some(pos) = hay[..end].rfind(needle.as_str()) {
        let before = hay[..pos].chars().next_back();
        let after = hay[pos + needle.len()..].chars().next();
        let word_char = |c: Option<char>| c.is_some_and(is_word);
        let tail_ok = stem || !needle.ends_with(is_word) || !word_char(after);
        if !word_char(before) && tail_ok {
            return Some(pos);
        }
        end = pos;
        while end > 0 && !hay.is_char_boundary(end) {
            end -= 1;
        }
    }
    None
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
        label_before(text, 0, text.len(), &[])
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
