//! The one pure function that turns any Daktela answer into `Result<T, Error>`.
//!
//! Daktela wraps everything in `{error, result, _time[, _serverTime, _timezone]}`. The rules,
//! from CONTRACT.md: 401/403/404 may come with an EMPTY body; `error` has four shapes; a 2xx whose
//! `error` is not empty FAILED; 429 carries `Retry-After`; some captures start with a UTF-8 BOM.

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_json::value::RawValue;

use crate::error::{Error, FieldError};
use crate::error_body::ErrorBody;
use crate::json_path::error_path;
use crate::models::List;

/// The envelope, with `result` kept as raw JSON until we know the answer is a success, so a
/// rejected record in `result` never hides the error beside it.
#[derive(Deserialize)]
struct RawEnvelope<'a> {
    #[serde(default)]
    error: Value,
    #[serde(default, borrow)]
    result: Option<&'a RawValue>,
}

/// Interprets one HTTP answer: `status`, its `headers` (only `Retry-After` is read) and the raw
/// `body`. `T` is the type of the envelope's `result`.
///
/// Never panics, whatever the bytes.
///
/// # Errors
/// The matching [`Error`] variant for 401, 403, 404, 429, validation errors, other statuses,
/// 2xx answers with a non-empty `error`, and bodies that do not decode into `T`
/// ([`Error::Decode`] names the JSON path, e.g. `result.data[0].name`).
pub fn interpret<T: DeserializeOwned>(
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
) -> Result<T, Error> {
    let body = strip_bom(body);
    let is_blank = body.iter().all(u8::is_ascii_whitespace);
    let parsed = (!is_blank).then(|| serde_json::from_slice::<RawEnvelope<'_>>(body));

    if !(200..300).contains(&status) {
        let envelope = parsed.as_ref().and_then(|p| p.as_ref().ok());
        return Err(failure(status, headers, body, envelope));
    }
    let envelope = match parsed {
        // 204 No Content (DELETE) and friends: fine when the caller expects nothing.
        None => {
            return decode_result::<T>("null")
                .map_err(|_| decode_error("", "the answer was empty"));
        }
        Some(Err(e)) => return Err(decode_error("", &e.to_string())),
        Some(Ok(envelope)) => envelope,
    };
    let reported = ErrorBody::from_value(&envelope.error);
    if !reported.is_empty() {
        return Err(rejection(status, reported));
    }
    decode_result(envelope.result.map_or("null", RawValue::get))
}

/// Checks one captured body for one record: `decode::<Contact>(200, &bytes)`.
///
/// # Errors
/// As [`interpret`].
pub fn decode<T: DeserializeOwned>(status: u16, body: &[u8]) -> Result<T, Error> {
    interpret(status, &[], body)
}

/// Checks one captured list body: returns the items and Daktela's `total`.
/// `result.data` may be an array or an object keyed by record name.
///
/// # Errors
/// As [`interpret`].
pub fn decode_list<T: DeserializeOwned>(status: u16, body: &[u8]) -> Result<(Vec<T>, u64), Error> {
    interpret::<List<T>>(status, &[], body).map(List::into_parts)
}

fn strip_bom(body: &[u8]) -> &[u8] {
    body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body)
}

fn decode_result<T: DeserializeOwned>(raw: &str) -> Result<T, Error> {
    serde_json::from_str(raw).map_err(|e| result_error(raw, &e))
}

/// Kept out of the generic [`decode_result`] so its code exists once, not once per `T`.
fn result_error(raw: &str, e: &serde_json::Error) -> Error {
    let inner = error_path(raw, e);
    let path = match inner.as_str() {
        "." => "result".to_owned(),
        p if p.starts_with('[') => format!("result{p}"),
        p => format!("result.{p}"),
    };
    decode_error(&path, &e.to_string())
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
fn failure(
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
    envelope: Option<&RawEnvelope<'_>>,
) -> Error {
    let reported = envelope
        .map(|e| ErrorBody::from_value(&e.error))
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
        _ => match problem_violations(body) {
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
fn problem_violations(body: &[u8]) -> Option<Vec<FieldError>> {
    #[derive(Deserialize)]
    struct Problem {
        violations: Vec<Violation>,
    }
    #[derive(Deserialize)]
    struct Violation {
        #[serde(rename = "propertyPath", default)]
        property_path: String,
        #[serde(default)]
        message: String,
    }
    let problem: Problem = serde_json::from_slice(body).ok()?;
    let form: Vec<FieldError> = problem
        .violations
        .into_iter()
        .map(|v| FieldError {
            field: v.property_path,
            messages: vec![v.message],
        })
        .collect();
    (!form.is_empty()).then_some(form)
}
