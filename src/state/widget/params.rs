//! The widget's four GET parameters, read as untrusted input: anyone can open the widget's URL
//! with anything in it, so every value is checked before it reaches a lookup, a link or a write.
//!
//! Rules:
//! - each of `clid`, `direction`, `callid`, `activity` at most once (a repeat is refused, not
//!   resolved: two values mean the URL was tampered with or built wrongly);
//! - `activity` and `callid`: 1 to [`MAX_ID_CHARS`] characters out of `A-Z a-z 0-9 _ . - :`;
//! - `direction`: `in`, `out` or `internal` (any case);
//! - `clid`: for `in` and `out` a phone number, normalised to E.164 with the configured default
//!   country; for `internal` an extension, kept as text (no lookup is made);
//! - other parameters are ignored (Daktela or the integrator may add their own).
//!
//! UNCONFIRMED(D8, proposed: not yet in CONTRACT.md): the white paper (§3.1) names the four
//! parameters and gives one example (`clid=773794604&direction=in&callid=1WS.58184&activity=
//! activities_181sd845a16ds84612sd84`) but not the values' formats. This module reads them as:
//! ids are opaque tokens of the characters above; `clid` is the remote party's number as Daktela
//! stores it (`00420…` or national) for both directions, i.e. the dialled number for `out`; a
//! withheld caller arrives as an empty or non-numeric `clid` and is refused as unreadable.

use std::fmt;

use crate::state::phone::{E164, PhoneError, Region, normalize};

/// The longest `activity` or `callid` accepted.
pub const MAX_ID_CHARS: usize = 100;
/// The longest `clid` accepted.
pub const MAX_CLID_CHARS: usize = 40;

/// A call's direction, as Daktela passes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// An inbound call: `clid` is the caller.
    In,
    /// An outbound call: `clid` is the dialled party.
    Out,
    /// A call between users: no customer, no lookup.
    Internal,
}

impl Direction {
    /// `in`, `out` or `internal`.
    pub fn token(self) -> &'static str {
        match self {
            Self::In => "in",
            Self::Out => "out",
            Self::Internal => "internal",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        match text.to_ascii_lowercase().as_str() {
            "in" => Some(Self::In),
            "out" => Some(Self::Out),
            "internal" => Some(Self::Internal),
            _ => None,
        }
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.token())
    }
}

/// What is wrong with a parameter's value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// Not valid percent-encoded UTF-8.
    #[error("it is not valid percent-encoded UTF-8")]
    Encoding,
    /// Longer than allowed.
    #[error("it is longer than {0} characters")]
    TooLong(usize),
    /// A character an id never has.
    #[error("{0:?} is not allowed: use letters, digits, _ . - and :")]
    Character(char),
    /// `direction` is not one of the three.
    #[error("it must be in, out or internal")]
    Direction,
    /// `clid` is not a phone number.
    #[error("{0}")]
    Phone(PhoneError),
}

/// Why the widget cannot work with the URL it was opened with. Each names the parameter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParamError {
    /// Absent or empty.
    #[error(
        "the widget's address lacks the parameter `{0}`: check the URL in Daktela's queue settings"
    )]
    Missing(&'static str),
    /// Given more than once.
    #[error("the parameter `{0}` is given more than once in the widget's address")]
    Repeated(&'static str),
    /// Present but unusable.
    #[error("the parameter `{param}` is not valid: {problem}")]
    Malformed {
        /// `clid`, `direction`, `callid` or `activity`.
        param: &'static str,
        /// What is wrong.
        problem: Problem,
    },
}

impl ParamError {
    /// The parameter to blame.
    pub fn param(&self) -> &'static str {
        match self {
            Self::Missing(p) | Self::Repeated(p) | Self::Malformed { param: p, .. } => p,
        }
    }
}

/// The parameters, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetParams {
    /// `clid` as given (trimmed): shown to the agent as text.
    pub clid: String,
    /// The number to look up: `clid` normalised for `in` and `out`, `None` for `internal`.
    pub number: Option<E164>,
    /// `direction`.
    pub direction: Direction,
    /// `callid`: the same through every transfer of the call.
    pub call_id: String,
    /// `activity`: one per agent the call reaches.
    pub activity: String,
}

/// The parameter names, in the order errors are reported.
const NAMES: [&str; 4] = ["activity", "callid", "direction", "clid"];

impl WidgetParams {
    /// Reads `location.search` (with or without the leading `?`); national `clid` numbers are
    /// read in `region` (the configuration's `default_country`).
    ///
    /// # Errors
    /// The first problem found, checking `activity`, `callid`, `direction`, then `clid`.
    pub fn from_query(query: &str, region: Region) -> Result<Self, ParamError> {
        let mut values: [Option<Result<String, Problem>>; 4] = [None, None, None, None];
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            // Parameter names are ours and plain ASCII; an encoded name is someone else's.
            let Some(i) = NAMES.iter().position(|n| *n == name) else {
                continue;
            };
            if values[i].is_some() {
                return Err(ParamError::Repeated(NAMES[i]));
            }
            values[i] = Some(percent_decode(value).ok_or(Problem::Encoding));
        }
        let [activity, call_id, direction, clid] = values;
        let activity = id("activity", activity)?;
        let call_id = id("callid", call_id)?;
        let direction = present("direction", direction)?;
        let direction = Direction::parse(&direction).ok_or(ParamError::Malformed {
            param: "direction",
            problem: Problem::Direction,
        })?;
        let clid = match (direction, clid) {
            // An internal call may come without a caller id; nothing is looked up.
            (Direction::Internal, None) => String::new(),
            (_, clid) => present("clid", clid)?,
        };
        let malformed = |problem| ParamError::Malformed {
            param: "clid",
            problem,
        };
        if clid.chars().count() > MAX_CLID_CHARS {
            return Err(malformed(Problem::TooLong(MAX_CLID_CHARS)));
        }
        if let Some(c) = clid.chars().find(|c| c.is_control()) {
            return Err(malformed(Problem::Character(c)));
        }
        let number = match direction {
            Direction::Internal => None,
            Direction::In | Direction::Out => {
                Some(normalize(&clid, region).map_err(|e| malformed(Problem::Phone(e)))?)
            }
        };
        Ok(Self {
            clid,
            number,
            direction,
            call_id,
            activity,
        })
    }
}

/// A value that must be there and not blank, trimmed.
fn present(
    param: &'static str,
    value: Option<Result<String, Problem>>,
) -> Result<String, ParamError> {
    match value {
        None => Err(ParamError::Missing(param)),
        Some(Err(problem)) => Err(ParamError::Malformed { param, problem }),
        Some(Ok(v)) if v.trim().is_empty() => Err(ParamError::Missing(param)),
        Some(Ok(v)) => Ok(v.trim().to_owned()),
    }
}

/// An opaque Daktela id (module docs).
fn id(param: &'static str, value: Option<Result<String, Problem>>) -> Result<String, ParamError> {
    let value = present(param, value)?;
    let malformed = |problem| ParamError::Malformed { param, problem };
    if value.chars().count() > MAX_ID_CHARS {
        return Err(malformed(Problem::TooLong(MAX_ID_CHARS)));
    }
    match value
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | ':')))
    {
        Some(c) => Err(malformed(Problem::Character(c))),
        None => Ok(value),
    }
}

/// Decodes `application/x-www-form-urlencoded` text (`+` is a space); `None` for a broken
/// `%` escape or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                // `from_str_radix` would also take a sign: `%+1` is not an escape.
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
#[path = "params_tests.rs"]
mod tests;
