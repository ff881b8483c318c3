//! Extensions written after a number: `ext. 12`, `x305`, `linka 22`, `kl. 5`, `wew. 31`.

use crate::text::{fold_char, is_word};

/// Markers that introduce an extension (lower case). Longer ones first where one is a prefix.
const MARKERS: &[&str] = &[
    "extension",
    "ext.",
    "ext",
    "linka",
    "l.",
    "klapka",
    "kl.",
    "wew.",
    "wew",
    "durchwahl",
    "dw.",
    "poste",
    "int.",
    "mellék",
    "x",
];

/// Longest extension we read.
const MAX_EXTENSION: usize = 6;

/// The extension after `end` and where it ends, if one is written there.
pub(crate) fn extension_after(text: &str, end: usize) -> Option<(String, usize)> {
    let rest = text.get(end..)?;
    let skipped = skip_blanks(rest, true);
    let lower_head: String = rest[skipped..].chars().take(12).map(fold_char).collect();
    let marker = MARKERS.iter().find(|m| lower_head.starts_with(*m))?;
    // Folding keeps byte lengths, so the marker's length is its length in `rest`.
    let mut pos = skipped + marker.len();
    if !rest.is_char_boundary(pos) {
        return None;
    }
    pos += rest[pos..].starts_with([':', '.']) as usize;
    pos += skip_blanks(&rest[pos..], false);
    let digits = rest[pos..].bytes().take_while(u8::is_ascii_digit).count();
    let after = rest[pos + digits..].chars().next();
    if digits == 0 || digits > MAX_EXTENSION || after.is_some_and(is_word) {
        return None;
    }
    Some((rest[pos..pos + digits].to_owned(), end + pos + digits))
}

/// Length in bytes of up to two blanks (and one comma, if `comma`) at the start of `text`.
fn skip_blanks(text: &str, comma: bool) -> usize {
    let mut len = 0;
    for (n, c) in text.chars().enumerate() {
        let blank =
            matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}') || (comma && c == ',' && n == 0);
        if !blank || n >= 3 {
            break;
        }
        len += c.len_utf8();
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ext(text: &str) -> Option<String> {
        extension_after(text, 0).map(|e| e.0)
    }

    #[test]
    fn extensions_in_several_languages_are_read() {
        assert_eq!(ext(" ext. 12").as_deref(), Some("12"));
        assert_eq!(ext(" x305").as_deref(), Some("305"));
        assert_eq!(ext(", linka 22").as_deref(), Some("22"));
        assert_eq!(ext(" kl. 5").as_deref(), Some("5"));
        assert_eq!(ext(" wew. 31").as_deref(), Some("31"));
        assert_eq!(ext(" Durchwahl: 40").as_deref(), Some("40"));
    }

    #[test]
    fn words_that_only_start_like_a_marker_are_no_extension() {
        assert_eq!(ext(" xyz 12"), None);
        assert_eq!(ext(" x 1234567"), None);
        assert_eq!(ext(" linka"), None);
        assert_eq!(ext(" ext 12a"), None);
    }
}
