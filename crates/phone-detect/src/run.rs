//! Cutting text into runs: digits joined by the separators people put inside phone numbers.

/// One group of consecutive ASCII digits inside a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Group {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The separator before this group (`None` for the first group).
    pub(crate) sep: Option<Sep>,
}

/// What stood between two digit groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Sep {
    /// The one `-`, `.` or `/` (dashes normalised to `-`), if any.
    pub(crate) punct: Option<u8>,
    pub(crate) space: bool,
    pub(crate) paren: bool,
}

/// Digits and separators in a row, e.g. `+420 777 123 456` or `12.3.2024 10`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Run {
    /// Byte offset of the first character shown as part of the number (`+`, `(` or a digit).
    pub(crate) start: usize,
    /// Byte offset just after the last digit.
    pub(crate) end: usize,
    pub(crate) plus: bool,
    pub(crate) groups: Vec<Group>,
}

impl Run {
    pub(crate) fn digit_count(&self) -> usize {
        self.groups.iter().map(|g| g.end - g.start).sum()
    }
}

/// At most this many separator characters between two groups (`" / "`, `") "`, `" (0)"`).
const MAX_SEP_CHARS: usize = 3;

/// The separator at `pos` and its length in bytes: (`kind`, len) where kind is b' ', b'(', b')',
/// or the punctuation byte.
pub(crate) fn separator_at(text: &str, pos: usize) -> Option<(u8, usize)> {
    let c = text.get(pos..)?.chars().next()?;
    let kind = match c {
        ' ' | '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}' => b' ',
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => b'-',
        '.' => b'.',
        '/' => b'/',
        '(' => b'(',
        ')' => b')',
        _ => return None,
    };
    Some((kind, c.len_utf8()))
}

/// The run starting at `at` (a digit, `+` or `(`), or `None` if no digit follows.
pub(crate) fn run_at(text: &str, at: usize) -> Option<Run> {
    let bytes = text.as_bytes();
    let mut pos = at;
    let opened = bytes.get(pos) == Some(&b'(');
    pos += usize::from(opened);
    let plus = bytes.get(pos) == Some(&b'+');
    let plus_at = pos;
    pos += usize::from(plus);
    if !bytes.get(pos).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut groups = Vec::new();
    let mut sep = None;
    let mut closed = false;
    loop {
        let start = pos;
        while bytes.get(pos).is_some_and(u8::is_ascii_digit) {
            pos += 1;
        }
        groups.push(Group {
            start,
            end: pos,
            sep,
        });
        let (next, found) = separator_after(text, pos);
        match found {
            Some(found) if bytes.get(next).is_some_and(u8::is_ascii_digit) => {
                closed |= found.paren && text[pos..next].contains(')');
                sep = Some(found);
                pos = next;
            }
            _ => break,
        }
    }
    let end = pos;
    // A `(` belongs to the number only if it is closed inside it: `(212) 555-0100`.
    let start = if opened && closed {
        at
    } else if plus {
        plus_at
    } else {
        groups[0].start
    };
    Some(Run {
        start,
        end,
        plus,
        groups,
    })
}

/// Reads separators after `pos`: where they end, and what they were (if they may join groups).
fn separator_after(text: &str, mut pos: usize) -> (usize, Option<Sep>) {
    let mut sep = Sep::default();
    let mut spaces = 0;
    for _ in 0..MAX_SEP_CHARS {
        let Some((kind, len)) = separator_at(text, pos) else {
            break;
        };
        match kind {
            b' ' => {
                spaces += 1;
                sep.space = true;
            }
            b'(' | b')' => sep.paren = true,
            punct if sep.punct.is_none() => sep.punct = Some(punct),
            _ => return (pos, None),
        }
        pos += len;
    }
    let ok = spaces <= 2 && (sep.space || sep.paren || sep.punct.is_some());
    (pos, ok.then_some(sep))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn raw(text: &str, at: usize) -> &str {
        let run = run_at(text, at).unwrap();
        &text[run.start..run.end]
    }

    #[test]
    fn a_run_takes_every_usual_separator_and_stops_at_the_first_other_character() {
        assert_eq!(raw("+420 777 123 456, x", 0), "+420 777 123 456");
        assert_eq!(raw("(212) 555-0100!", 0), "(212) 555-0100");
        assert_eq!(raw("+44 (0)20 7946 0958", 0), "+44 (0)20 7946 0958");
        assert_eq!(raw("777\u{a0}123\u{202f}456", 0), "777\u{a0}123\u{202f}456");
        assert_eq!(raw("02/123 456 78", 0), "02/123 456 78");
        assert_eq!(raw("777 123 456\n602", 0), "777 123 456");
        assert_eq!(raw("10:30", 0), "10");
    }

    #[test]
    fn two_punctuation_marks_or_three_spaces_end_a_run() {
        assert_eq!(raw("12.-15.3.", 0), "12");
        assert_eq!(raw("777   123", 0), "777");
        assert_eq!(raw("(777 123 456", 0), "777 123 456");
    }

    #[test]
    fn a_plus_or_bracket_without_digits_is_no_run() {
        assert!(run_at("+ 420", 0).is_none());
        assert!(run_at("(a)", 0).is_none());
        assert!(run_at("+", 0).is_none());
    }
}
