//! The small regex dialect of libphonenumber's number patterns, matched without backtracking.
//!
//! The patterns only ever describe digit strings: digits, `\d`, classes like `[2-578]`, groups
//! `(?:…)` / `(…)`, `|`, and the quantifiers `?`, `*`, `+`, `{n}`, `{n,m}`. That is all this module
//! reads. A match runs over a set of positions (one bit per digit boundary), so its cost is the
//! pattern size times the number length, with no backtracking. The `regex` crate would add far
//! more to the wasm bundle than these ~150 lines.

/// A parsed pattern. Matching is always anchored at both ends (a full match).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pattern(Node);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    /// One digit out of a set (bit `d` set = digit `d` allowed).
    Class(u16),
    Seq(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u8,
        max: u8,
    },
}

/// Longest digit string a match is tried on: positions 0..=MAX_DIGITS must fit in a `u32`.
const MAX_DIGITS: usize = 30;
/// `max` of an open repeat (`*`, `+`, `{n,}`): no number is longer.
const OPEN: u8 = MAX_DIGITS as u8;

/// The pattern text could not be read (outside the supported subset, or unbalanced).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PatternError;

impl Pattern {
    /// Parses a libphonenumber number pattern. The empty pattern matches nothing.
    pub(crate) fn parse(text: &str) -> Result<Pattern, PatternError> {
        if text.is_empty() {
            return Ok(Pattern(Node::Alt(Vec::new())));
        }
        let mut parser = Parser {
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
        };
        let node = parser.alternation()?;
        if parser.pos == parser.bytes.len() {
            Ok(Pattern(node))
        } else {
            Err(PatternError)
        }
    }

    /// Whether the whole of `digits` (ASCII digits only) matches.
    pub(crate) fn matches(&self, digits: &[u8]) -> bool {
        if digits.len() > MAX_DIGITS || !digits.iter().all(u8::is_ascii_digit) {
            return false;
        }
        run(&self.0, 1, digits) & (1u32 << digits.len()) != 0
    }
}

/// The set of end positions reachable by matching `node` from any position in `starts`.
fn run(node: &Node, starts: u32, digits: &[u8]) -> u32 {
    if starts == 0 {
        // Nothing to continue from: big alternations are skipped whole.
        return 0;
    }
    match node {
        Node::Class(set) => {
            let mut ends = 0;
            for (pos, digit) in digits.iter().enumerate() {
                if starts & (1 << pos) != 0 && set & (1 << (digit - b'0')) != 0 {
                    ends |= 1 << (pos + 1);
                }
            }
            ends
        }
        Node::Seq(nodes) => nodes.iter().fold(starts, |at, n| run(n, at, digits)),
        Node::Alt(nodes) => nodes.iter().fold(0, |acc, n| acc | run(n, starts, digits)),
        Node::Repeat { node, min, max } => {
            let mut at = starts;
            for _ in 0..*min {
                at = run(node, at, digits);
            }
            let mut reached = at;
            for _ in *min..*max {
                at = run(node, at, digits);
                // Nothing new: every later step is a subset of what is already reached.
                if at & !reached == 0 {
                    break;
                }
                reached |= at;
            }
            reached
        }
    }
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let hit = self.peek() == Some(byte);
        self.pos += usize::from(hit);
        hit
    }

    fn alternation(&mut self) -> Result<Node, PatternError> {
        self.depth += 1;
        if self.depth > 32 {
            return Err(PatternError);
        }
        let mut branches = vec![self.sequence()?];
        while self.eat(b'|') {
            branches.push(self.sequence()?);
        }
        self.depth -= 1;
        Ok(if branches.len() == 1 {
            branches.remove(0)
        } else {
            Node::Alt(branches)
        })
    }

    fn sequence(&mut self) -> Result<Node, PatternError> {
        let mut items = Vec::new();
        while let Some(b) = self.peek() {
            if b == b'|' || b == b')' {
                break;
            }
            let atom = self.atom()?;
            items.push(self.quantified(atom)?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Node::Seq(items)
        })
    }

    fn atom(&mut self) -> Result<Node, PatternError> {
        let b = self.peek().ok_or(PatternError)?;
        self.pos += 1;
        match b {
            b'0'..=b'9' => Ok(Node::Class(1 << (b - b'0'))),
            b'\\' if self.eat(b'd') => Ok(Node::Class(0x3ff)),
            b'[' => self.class(),
            b'(' => {
                // `(?:` and plain capture groups mean the same here.
                if self.eat(b'?') && !self.eat(b':') {
                    return Err(PatternError);
                }
                let inner = self.alternation()?;
                if self.eat(b')') {
                    Ok(inner)
                } else {
                    Err(PatternError)
                }
            }
            _ => Err(PatternError),
        }
    }

    fn class(&mut self) -> Result<Node, PatternError> {
        let mut set = 0u16;
        loop {
            let b = self.peek().ok_or(PatternError)?;
            self.pos += 1;
            match b {
                b']' => return Ok(Node::Class(set)),
                b'\\' if self.eat(b'd') => set |= 0x3ff,
                b'0'..=b'9' if self.peek() == Some(b'-') => {
                    self.pos += 1;
                    let end = self.peek().filter(u8::is_ascii_digit).ok_or(PatternError)?;
                    self.pos += 1;
                    for d in b..=end {
                        set |= 1 << (d - b'0');
                    }
                }
                b'0'..=b'9' => set |= 1 << (b - b'0'),
                _ => return Err(PatternError),
            }
        }
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, PatternError> {
        let (min, max) = match self.peek() {
            Some(b'?') => (0, 1),
            Some(b'*') => (0, OPEN),
            Some(b'+') => (1, OPEN),
            Some(b'{') => {
                self.pos += 1;
                let min = self.number()?;
                let max = if self.eat(b',') {
                    if self.peek() == Some(b'}') {
                        OPEN
                    } else {
                        self.number()?
                    }
                } else {
                    min
                };
                if self.peek() != Some(b'}') || max < min {
                    return Err(PatternError);
                }
                (min, max)
            }
            _ => return Ok(atom),
        };
        self.pos += 1;
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
        })
    }

    fn number(&mut self) -> Result<u8, PatternError> {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        let text = std::str::from_utf8(&self.bytes[start..self.pos]).map_err(|_| PatternError)?;
        text.parse::<u8>()
            .ok()
            .filter(|n| usize::from(*n) <= MAX_DIGITS)
            .ok_or(PatternError)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn m(pattern: &str, digits: &str) -> bool {
        Pattern::parse(pattern).unwrap().matches(digits.as_bytes())
    }

    #[test]
    fn czech_general_pattern_accepts_real_lengths_and_leading_digits_only() {
        let p = "(?:[2-578]\\d|60)\\d{7}|9\\d{8,11}";
        assert!(m(p, "777123456"));
        assert!(m(p, "601123456"));
        assert!(!m(p, "611123456"));
        assert!(!m(p, "77712345"));
        assert!(!m(p, "7771234567"));
        assert!(m(p, "912345678901"));
        assert!(!m(p, "1234567890"));
    }

    #[test]
    fn quantifiers_and_optional_groups_behave_like_regex() {
        assert!(m("1(?:23)?4", "14"));
        assert!(m("1(?:23)?4", "1234"));
        assert!(!m("1(?:23)?4", "12234"));
        assert!(m("5\\d{2,4}", "5123"));
        assert!(!m("5\\d{2,4}", "51"));
        assert!(m("8+9", "8889"));
        assert!(m("8*9", "9"));
        assert!(m("1\\d{3,}", "1234567"));
        assert!(!m("", ""));
        assert!(!m("", "1"));
    }

    #[test]
    fn unsupported_syntax_is_an_error_not_a_panic() {
        for bad in [
            "[", "(?:12", "1{3", "a", "\\w", "1{5,2}", "(?=1)", "[a-z]", "1{99}",
        ] {
            assert_eq!(Pattern::parse(bad), Err(PatternError), "{bad}");
        }
    }
}
