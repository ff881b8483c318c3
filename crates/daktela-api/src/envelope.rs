//! The one pure function that turns any Daktela answer into `Result<T, Error>`.
//!
//! Daktela wraps everything in `{error, result, _time[, _serverTime, _timezone]}`. The rules,
//! from CONTRACT.md: 401/403/404 may come with an EMPTY body; `error` has four shapes; a 2xx whose
//! `error` is not empty FAILED; 429 carries `Retry-After`; some captures start with a UTF-8 BOM.

use serde_json::Value;

use crate::error::{Error, FieldError};
use crate::error_body::ErrorBody;
use crate::models::List;
use crate::read::{FromJson, ReadError};

/// Interprets one HTTP answer: `status`, its `headers` (only `Retry-After` is read) and the raw
/// `body`. `T` is the type of the envelope's `result`.
///
/// Never panics, whatever the bytes.
///
/// # Errors
/// The matching [`Error`] variant for 401, 403, 404, 429, validation errors, other statuses,
/// 2xx answers with a non-empty `error`, and bodies that do not decode into `T`
/// ([`Error::Decode`] names the JSON path, e.g. `result.data[0].name`).
pub fn interpret<T: FromJson>(
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
) -> Result<T, Error> {
    let result = interpret_result(status, headers, body)?;
    T::from_json(&result).map_err(decode_error_in_result)
}

/// A failure to read the envelope's `result`, with the path from the top of the body.
pub(crate) fn decode_error_in_result(e: ReadError) -> Error {
    let e = e.in_field("result");
    decode_error(e.path(), e.message())
}

/// [`interpret`] up to the envelope's `result`, as JSON: everything that does not depend on the
/// type read, in one non-generic function (the panel's wasm has one copy of it).
///
/// # Errors
/// As [`interpret`], but for the decoding of `result`. An empty 2xx body is a `null` result.
pub fn interpret_result(
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
) -> Result<Value, Error> {
    let body = strip_bom(body);
    let is_blank = body.iter().all(u8::is_ascii_whitespace);
    let parsed = (!is_blank).then(|| parse(body));

    if !(200..300).contains(&status) {
        let envelope = parsed.as_ref().and_then(|p| p.as_ref().ok());
        return Err(failure(status, headers, envelope));
    }
    let mut envelope = match parsed {
        // 204 No Content (DELETE) and friends: fine when the caller expects nothing.
        None => return Ok(Value::Null),
        Some(Err(e)) => return Err(e),
        Some(Ok(Value::Object(envelope))) => envelope,
        Some(Ok(_)) => return Err(decode_error("", "the answer is not a JSON object")),
    };
    let reported = envelope
        .get("error")
        .map(ErrorBody::from_value)
        .unwrap_or_default();
    if !reported.is_empty() {
        return Err(rejection(status, reported));
    }
    // Moved out, not copied: a list page can be large.
    Ok(envelope.remove("result").unwrap_or(Value::Null))
}

/// The body as JSON; broken JSON is a decode error of the whole body (its message says where).
fn parse(body: &[u8]) -> Result<Value, Error> {
    serde_json::from_slice(body).map_err(|e| decode_error("", &e.to_string()))
}

/// Checks one captured body for one record: `decode::<Contact>(200, &bytes)`.
///
/// # Errors
/// As [`interpret`].
pub fn decode<T: FromJson>(status: u16, body: &[u8]) -> Result<T, Error> {
    interpret(status, &[], body)
}

/// Checks one captured list body: returns the items and Daktela's `total`.
/// `result.data` may be an array or an object keyed by record name.
///
/// # Errors
/// As [`interpret`].
pub fn decode_list<T: FromJson>(status: u16, body: &[u8]) -> Result<(Vec<T>, u64), Error> {
    interpret::<List<T>>(status, &[], body).map(List::into_parts)
}

fn strip_bom(body: &[u8]) -> &[u8] {
    body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body)
}

fn decode_error(path: &str, message: &str) -> Error {
    Error::Decode {
        path: path.to_owned(),
        message: message.to_owned(),
    }
}

/// A 2xx (or other) answer whose `error` says it failed.
fn rejection(status: u16, reported: ErrorBody) -> Error {
    if reported.structured {
        Error::Validation {
            status,
            form: reported.form,
            primary: reported.messages,
        }
    } else {
        Error::Api {
            status,
            messages: reported.messages,
        }
    }
}

/// Any non-2xx answer. The body is optional and may be HTML from a proxy.
fn failure(status: u16, headers: &[(String, String)], envelope: Option<&Value>) -> Error {
    let reported = envelope
        .and_then(|e| e.get("error"))
        .map(ErrorBody::from_value)
        .unwrap_or_default();
    match status {
        401 => Error::Unauthorized {
            messages: reported.all_messages(),
        },
        403 => Error::Forbidden {
            messages: reported.all_messages(),
        },
        404 => Error::NotFound {
            messages: reported.all_messages(),
        },
        429 => Error::RateLimited {
            retry_after: retry_after(headers),
            messages: reported.all_messages(),
        },
        _ if !reported.is_empty() => rejection(status, reported),
        _ => match envelope.and_then(problem_violations) {
            Some(form) => Error::Validation {
                status,
                form,
                primary: Vec::new(),
            },
            None => Error::Api {
                status,
                messages: Vec::new(),
            },
        },
    }
}

/// `Retry-After` in delta-seconds. The HTTP-date form is not converted: that would need a clock,
/// and this function is pure.
fn retry_after(headers: &[(String, String)]) -> Option<u64> {
    headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("retry-after"))
        .and_then(|(_, value)| value.trim().parse().ok())
}

/// The OpenAPI export lists 422 `application/problem+json` with `violations[{propertyPath,
/// message}]` (research.md §3.5, no real sample): read it if it ever comes.
fn problem_violations(body: &Value) -> Option<Vec<FieldError>> {
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
    let form: Vec<FieldError> = body
        .get("violations")?
        .as_array()?
        .iter()
        .map(|v| FieldError {
            field: text(v, "propertyPath"),
            messages: vec![text(v, "message")],
        })
        .collect();
    (!form.is_empty()).then_some(form)
}
