//! Tokens and where they go on a request.

use std::fmt;

use serde_json::Value;

use crate::read::{Fields, FromJson, ReadError, deserialize_with_reader};

macro_rules! secret {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// Its `Debug` prints `***` and it has no `Display`, so it cannot leak into a log line by
        /// accident; call [`Self::expose`] where the wire needs it.
        #[derive(Clone, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            /// Wraps a token.
            pub fn new(token: impl Into<String>) -> Self {
                Self(token.into())
            }
            /// The token itself, for the one place that puts it on the wire.
            pub fn expose(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "(***)"))
            }
        }
    };
}

secret!(
    /// A Daktela access token (from `login.json` or the user's detail page).
    AccessToken
);
secret!(
    /// A refresh token, exchanged for a new access token by `PUT login.json`.
    RefreshToken
);

/// Where the access token goes on each request.
///
/// UNCONFIRMED(D5): Daktela enables cross-origin JSON per instance; which request headers its
/// CORS answer allows is not public. `Header` assumes `X-AUTH-TOKEN` is allowed (or a
/// same-origin proxy path is used as the base URL); `Query` is the fallback when it is not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TokenPlacement {
    /// `X-AUTH-TOKEN: <token>` header: the default; keeps the token out of URLs and logs.
    #[default]
    Header,
    /// `?accessToken=<token>` query parameter: Daktela's classic form. Without the custom header
    /// a GET is a "simple" CORS request and needs no preflight (writes with a JSON body still
    /// preflight). The token then appears in URLs, so only use it when CORS requires it.
    Query,
}

/// The `result` of a login or refresh. Servers disagree (research.md §2.2): older ones send the
/// token as a bare string, newer ones `{accessToken, refreshToken, ...}`. Both read here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginTokens {
    /// The access token.
    pub access_token: AccessToken,
    /// The refresh token, when the server gave one.
    pub refresh_token: Option<RefreshToken>,
}

impl FromJson for LoginTokens {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        const EXPECTED: &str = "a token string or {accessToken, refreshToken}";
        let (access, refresh) = match value {
            Value::String(token) => (Some(token.clone()), None),
            Value::Object(_) => {
                let f = Fields::of(value, EXPECTED)?;
                (f.string("accessToken")?, f.string("refreshToken")?)
            }
            other => return Err(ReadError::expected(EXPECTED, other)),
        };
        let access = access
            .filter(|t| !t.is_empty())
            .ok_or_else(|| ReadError::new("missing field `accessToken`"))?;
        Ok(Self {
            access_token: AccessToken::new(access),
            refresh_token: refresh.filter(|t| !t.is_empty()).map(RefreshToken::new),
        })
    }
}

deserialize_with_reader!(LoginTokens);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_token() {
        let token = AccessToken::new("s3cr3t");
        assert_eq!(format!("{token:?}"), "AccessToken(***)");
        let tokens = LoginTokens {
            access_token: token,
            refresh_token: Some(RefreshToken::new("r3fr3sh")),
        };
        let printed = format!("{tokens:?}");
        assert!(
            !printed.contains("s3cr3t") && !printed.contains("r3fr3sh"),
            "{printed}"
        );
    }

    #[test]
    fn login_result_reads_both_the_string_and_the_object_form() {
        let bare: LoginTokens = serde_json::from_str("\"abc\"").unwrap();
        assert_eq!(bare.access_token.expose(), "abc");
        assert!(bare.refresh_token.is_none());
        let object: LoginTokens =
            serde_json::from_str(r#"{"accessToken":"abc","refreshToken":"def","expiresIn":3600}"#)
                .unwrap();
        assert_eq!(
            object
                .refresh_token
                .map(|r| r.expose().to_owned())
                .as_deref(),
            Some("def")
        );
        assert!(serde_json::from_str::<LoginTokens>(r#"{"refreshToken":"def"}"#).is_err());
    }
}
