//! The JSON path of a serde_json error, found again from the error's line and column.
//!
//! Why not `serde_path_to_error`: it wraps every deserializer in a tracking one, and in the
//! panel's wasm that generic wrapping was a fifth of the whole bundle. A decode error is rare;
//! re-reading the text up to the error's position when one happens costs nothing in the
//! normal case and a few hundred bytes of code.

/// The path of the value serde_json failed on, in `serde_path_to_error`'s notation:
/// `data[1].name`, or `.` for the top-level value. `json` is the text that `error` came from.
///
/// serde_json places an error just after the last byte it read. A wrong type stops right at
/// the value; a missing field at the `}` of the object that lacks it; an error raised by a
/// value's own deserializer (a validation, `deserialize_with`) only once the enclosing object
/// has been closed, so there the culprit is that object's last member.
#[must_use]
pub fn error_path(json: &str, error: &serde_json::Error) -> String {
    let end = byte_offset(json, error.line(), error.column());
    let scan = Scan::read(&json.as_bytes()[..end]);
    let at_closer = matches!(json.as_bytes()[..end].last(), Some(b'}' | b']'));
    let missing_field = error.to_string().starts_with("missing field");
    match (&scan.closed, at_closer && !missing_field) {
        (Some(member), true) => join(scan.path(), member),
        _ => scan.path(),
    }
}

/// The error's message without serde_json's ` at line L column C` suffix, for messages that
/// name the field instead (or whose position would mislead).
#[must_use]
pub fn message_without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&suffix) {
        Some(bare) => bare.to_owned(),
        None => message,
    }
}

/// The byte offset just after the last byte serde_json read.
fn byte_offset(json: &str, line: usize, column: usize) -> usize {
    let line_start = json
        .match_indices('\n')
        .nth(line.saturating_sub(2))
        .map_or(0, |(i, _)| i + 1);
    let line_start = if line <= 1 { 0 } else { line_start };
    line_start.saturating_add(column).min(json.len())
}

#[derive(Debug)]
enum Frame {
    /// The key of the member being read, once its name has been read.
    Object { key: Option<String> },
    /// The index of the element being read; `started` once any element has begun.
    Array { index: usize, started: bool },
}

impl Frame {
    /// The member being read, as a path segment (`None` before an object's first key).
    fn segment(&self) -> Option<String> {
        match self {
            Frame::Object { key } => key.clone(),
            Frame::Array { index, started } => started.then(|| format!("[{index}]")),
        }
    }
}

#[derive(Debug, Default)]
struct Scan {
    stack: Vec<Frame>,
    in_string: bool,
    /// The string being read; in an object without a key yet, it becomes the key.
    text: Vec<u8>,
    /// The last member of the container closed last.
    closed: Option<String>,
}

impl Scan {
    fn read(bytes: &[u8]) -> Scan {
        let mut scan = Scan::default();
        let mut bytes = bytes.iter().copied();
        while let Some(b) = bytes.next() {
            if scan.in_string {
                match b {
                    b'\\' => scan.text.extend(bytes.next()),
                    b'"' => scan.end_string(),
                    _ => scan.text.push(b),
                }
                continue;
            }
            if let Some(Frame::Array { started, .. }) = scan.stack.last_mut()
                && !matches!(b, b']' | b',' | b' ' | b'\t' | b'\n' | b'\r')
            {
                *started = true;
            }
            match b {
                b'"' => {
                    scan.in_string = true;
                    scan.text.clear();
                }
                b'{' => scan.stack.push(Frame::Object { key: None }),
                b'[' => scan.stack.push(Frame::Array {
                    index: 0,
                    started: false,
                }),
                b'}' | b']' => scan.closed = scan.stack.pop().and_then(|f| f.segment()),
                b',' => match scan.stack.last_mut() {
                    Some(Frame::Array { index, .. }) => *index += 1,
                    Some(Frame::Object { key }) => *key = None,
                    None => {}
                },
                _ => {}
            }
        }
        scan
    }

    fn end_string(&mut self) {
        self.in_string = false;
        if let Some(Frame::Object { key }) = self.stack.last_mut()
            && key.is_none()
        {
            *key = Some(String::from_utf8_lossy(&self.text).into_owned());
        }
    }

    /// The path of the member being read (`.` at the top).
    fn path(&self) -> String {
        let mut out = String::new();
        for segment in self.stack.iter().map(Frame::segment) {
            match segment {
                Some(segment) => out = join(out, &segment),
                None => break,
            }
        }
        if out.is_empty() { ".".to_owned() } else { out }
    }
}

/// `a` + `b` → `a.b`; `a` + `[0]` → `a[0]`; `.` stands for the top.
fn join(path: String, segment: &str) -> String {
    match path.as_str() {
        "" | "." => segment.to_owned(),
        _ if segment.starts_with('[') => path + segment,
        _ => format!("{path}.{segment}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{Scan, byte_offset, error_path};
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        name: String,
        count: Option<u32>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Page {
        data: Vec<Item>,
        inner: Option<Item>,
    }

    fn path_of(json: &str) -> String {
        let e = serde_json::from_str::<Page>(json).unwrap_err();
        error_path(json, &e)
    }

    #[test]
    fn a_wrong_type_in_an_array_element_names_the_index_and_key() {
        let json = r#"{"data":[{"name":"a"},{"name":{"oops":1}}]}"#;
        assert_eq!(path_of(json), "data[1].name");
    }

    #[test]
    fn a_wrong_scalar_names_its_key_across_lines() {
        let json = "{\n  \"data\": [],\n  \"inner\": {\"name\": \"x\",\n \"count\": \"many\"}\n}";
        assert_eq!(path_of(json), "inner.count");
    }

    #[test]
    fn a_missing_field_names_the_object_that_lacks_it() {
        assert_eq!(path_of(r#"{"data":[{"count":1}]}"#), "data[0]");
        assert_eq!(path_of(r#"{"inner":{"name":"x"}}"#), ".");
    }

    #[test]
    fn an_unknown_field_names_the_key_itself() {
        assert_eq!(
            path_of(r#"{"data":[], "inner":{"name":"x","nmae":"y"}}"#),
            "inner.nmae"
        );
    }

    #[test]
    fn escaped_quotes_in_strings_do_not_derail_the_scan() {
        let json = r#"{"data":[{"name":"say \"hi\", [ok]"},{"name":5}]}"#;
        assert_eq!(path_of(json), "data[1].name");
    }

    fn even<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
        let n = u32::deserialize(d)?;
        if n % 2 == 0 {
            Ok(n)
        } else {
            Err(serde::de::Error::custom("must be even"))
        }
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Checked {
        #[serde(default, deserialize_with = "even")]
        first: u32,
        #[serde(default, deserialize_with = "even")]
        last: u32,
    }

    #[test]
    fn a_validation_error_names_the_member_even_when_it_ends_the_object() {
        let path = |json: &str| {
            let e = serde_json::from_str::<Vec<Checked>>(json).unwrap_err();
            error_path(json, &e)
        };
        assert_eq!(path(r#"[{"first":2,"last":3}]"#), "[0].last");
        assert_eq!(path(r#"[{"first":3,"last":2}]"#), "[0].first");
        assert_eq!(path(r#"[{"first":2}, {"last": 5} ]"#), "[1].last");
    }

    #[test]
    fn positions_past_the_end_or_at_zero_do_not_panic() {
        assert_eq!(
            Scan::read(&b"{\"a\":1"[..byte_offset("{\"a\":1", 99, 99)]).path(),
            "a"
        );
        assert_eq!(byte_offset("", 0, 0), 0);
        assert_eq!(byte_offset("ä\n\"", 2, 5), 4);
    }
}
