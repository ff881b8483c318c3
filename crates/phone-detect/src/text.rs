//! Letter tests and lower-casing for the Latin scripts of the supported regions.
//!
//! `char::to_lowercase` and `char::is_alphanumeric` pull Unicode tables of several KB into the
//! wasm bundle. Labels are Latin (with Czech, Polish, Hungarian … diacritics), so folding ASCII,
//! Latin-1 and Latin Extended-A is enough. Every mapping keeps the UTF-8 length, so byte offsets
//! in folded text are offsets in the original.

/// Lower case for ASCII, Latin-1 and Latin Extended-A letters; other characters unchanged.
pub(crate) fn fold_char(c: char) -> char {
    let u = u32::from(c);
    let folded = match u {
        0x41..=0x5a => u + 0x20,
        0xc0..=0xde if u != 0xd7 => u + 0x20,
        // Latin Extended-A pairs upper/lower as even/odd, except in 0x139..=0x148 and
        // 0x179..=0x17e where upper is odd; 0x130..=0x138 and 0x149 are left alone.
        0x100..=0x12f | 0x14a..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17e if u % 2 == 1 => u + 1,
        0x178 => 0xff,
        _ => u,
    };
    char::from_u32(folded).unwrap_or(c)
}

/// `text` folded with [`fold_char`] (same byte length as `text`).
pub(crate) fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Whether `c` is part of a word: ASCII letters and digits, `_`, and non-ASCII letters.
///
/// Beyond ASCII, anything from U+00C0 that is not a known symbol, space or punctuation block
/// counts as a letter: wrong only for rare symbols, and then only in the safe direction (a
/// number glued to it is skipped).
pub(crate) fn is_word(c: char) -> bool {
    match u32::from(c) {
        0..=0x7f => c.is_ascii_alphanumeric() || c == '_',
        0x80..=0xbf | 0xd7 | 0xf7 => false,
        // General punctuation, super/subscripts, currency, letterlike, arrows, math, technical,
        // box drawing, shapes, dingbats, misc symbols and arrows; CJK punctuation; fullwidth
        // ASCII punctuation; specials.
        0x2000..=0x2bff | 0x3000..=0x303f | 0xff00..=0xff0f | 0xfff0..=0xffff => false,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_lowers_latin_letters_and_keeps_byte_lengths() {
        assert_eq!(fold("IČO DIČ Účet ŘÍZENÍ"), "ičo dič účet řízení");
        assert_eq!(fold("ZAMÓWIENIE Łódź ŻÓŁW"), "zamówienie łódź żółw");
        assert_eq!(fold("ADÓSZÁM Őr Ű"), "adószám őr ű");
        assert_eq!(fold("STRAẞE İ"), "straẞe İ");
        for s in ["ĽUBICA Ĺ Ň Ť Ď Ś Ź Ÿ", "×÷", "€ ⟦ 漢"] {
            assert_eq!(fold(s).len(), s.len(), "{s}");
        }
    }

    #[test]
    fn words_are_letters_and_digits_not_symbols_or_spaces() {
        for c in ['a', 'Z', '7', '_', 'č', 'ß', 'ł', 'ő', 'я', '漢'] {
            assert!(is_word(c), "{c}");
        }
        for c in [' ', '-', '€', '\u{a0}', '\u{202f}', '–', '×', '⟦', '%', '°'] {
            assert!(!is_word(c), "{c}");
        }
    }
}
