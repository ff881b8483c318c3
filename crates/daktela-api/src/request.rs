//! Requests are data: an [`ApiRequest`] says what to ask Daktela; [`ApiRequest::build`] turns it,
//! purely, into the exact [`HttpRequest`] a transport sends.

use std::time::Duration;

use serde_json::Value;

use crate::auth::{AccessToken, TokenPlacement};

/// The HTTP methods Daktela uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Read.
    Get,
    /// Create (201).
    Post,
    /// Update (200).
    Put,
    /// Delete (204).
    Delete,
}

impl Method {
    /// The method as sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Delete => "DELETE",
        }
    }
}

/// One Daktela API call, before the base URL and the token are known.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiRequest {
    /// The method.
    pub method: Method,
    /// The path below the instance root, already encoded: `/api/v6/activities.json`.
    pub path: String,
    /// Query pairs, unencoded.
    pub query: Vec<(String, String)>,
    /// The JSON body.
    pub body: Option<Value>,
    /// Whether the access token goes with it (not for login / refresh).
    pub authenticated: bool,
    /// A timeout for this call only (the long-poll pull data needs more than the default).
    pub timeout: Option<Duration>,
}

impl ApiRequest {
    /// `{method} /api/v6/{model}.json`, authenticated, no query, no body.
    pub fn collection(method: Method, model: &str) -> Self {
        Self::at(method, format!("/api/v6/{}.json", encode_segment(model)))
    }

    /// `{method} /api/v6/{model}/{name}.json`, the name percent-encoded as one path segment.
    pub fn record(method: Method, model: &str, name: &str) -> Self {
        Self::at(
            method,
            format!(
                "/api/v6/{}/{}.json",
                encode_segment(model),
                encode_segment(name)
            ),
        )
    }

    fn at(method: Method, path: String) -> Self {
        Self {
            method,
            path,
            query: Vec::new(),
            body: None,
            authenticated: true,
            timeout: None,
        }
    }

    /// Adds query pairs.
    #[must_use]
    pub fn with_query(mut self, pairs: Vec<(String, String)>) -> Self {
        self.query.extend(pairs);
        self
    }

    /// Sets the JSON body.
    #[must_use]
    pub fn with_body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// Sends it without the access token.
    #[must_use]
    pub fn anonymous(mut self) -> Self {
        self.authenticated = false;
        self
    }

    /// Sets a per-call timeout.
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The exact HTTP request: `base` is the instance root (`https://x.daktela.com`, or a
    /// same-origin proxy path such as `/daktela`); the token goes where `placement` says.
    pub fn build(
        &self,
        base: &str,
        token: Option<&AccessToken>,
        placement: TokenPlacement,
    ) -> HttpRequest {
        let mut headers = vec![("Accept".to_owned(), "application/json".to_owned())];
        let mut query = self.query.clone();
        if let Some(token) = token.filter(|_| self.authenticated) {
            match placement {
                TokenPlacement::Header => {
                    headers.push(("X-AUTH-TOKEN".to_owned(), token.expose().to_owned()))
                }
                TokenPlacement::Query => {
                    query.push(("accessToken".to_owned(), token.expose().to_owned()))
                }
            }
        }
        let body = self.body.as_ref().map(Value::to_string);
        if body.is_some() {
            headers.push(("Content-Type".to_owned(), "application/json".to_owned()));
        }
        let mut url = format!("{}{}", base.trim_end_matches('/'), self.path);
        if !query.is_empty() {
            url.push('?');
            url.push_str(&encode_query(&query));
        }
        HttpRequest {
            method: self.method,
            url,
            headers,
            body,
            timeout: self.timeout,
        }
    }
}

/// What a transport sends: everything resolved.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// The full URL, query included.
    pub url: String,
    /// Headers, in order.
    pub headers: Vec<(String, String)>,
    /// The body (JSON text).
    pub body: Option<String>,
    /// A per-call timeout overriding the transport's default.
    pub timeout: Option<Duration>,
}

impl HttpRequest {
    /// The first header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Redacts the token wherever it may sit (header or `accessToken=` in the URL).
impl std::fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str(),
                    if k.eq_ignore_ascii_case("x-auth-token") {
                        "***"
                    } else {
                        v.as_str()
                    },
                )
            })
            .collect();
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &redact_url(&self.url))
            .field("headers", &headers)
            .field("body", &self.body.as_ref().map(|b| b.len()))
            .field("timeout", &self.timeout)
            .finish()
    }
}

fn redact_url(url: &str) -> String {
    match url.find("accessToken=") {
        Some(at) => {
            let start = at + "accessToken=".len();
            let end = url[start..].find('&').map_or(url.len(), |i| start + i);
            format!("{}***{}", &url[..start], &url[end..])
        }
        None => url.to_owned(),
    }
}

/// Percent-encodes everything except RFC 3986 unreserved characters.
fn encode_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn encode_query(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode_segment(k), encode_segment(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_names_are_encoded_as_one_path_segment() {
        let request = ApiRequest::record(Method::Get, "contacts", "a b/c?d").build(
            "https://x.daktela.com/",
            None,
            TokenPlacement::Header,
        );
        assert_eq!(
            request.url,
            "https://x.daktela.com/api/v6/contacts/a%20b%2Fc%3Fd.json"
        );
    }

    #[test]
    fn debug_hides_the_token_in_headers_and_urls() {
        let token = AccessToken::new("s3cr3t");
        let get = ApiRequest::collection(Method::Get, "whoim");
        for placement in [TokenPlacement::Header, TokenPlacement::Query] {
            let printed = format!("{:?}", get.build("/daktela", Some(&token), placement));
            assert!(!printed.contains("s3cr3t"), "{printed}");
        }
    }
}
