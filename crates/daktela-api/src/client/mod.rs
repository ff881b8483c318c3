//! [`Client`]: sends the pure requests of [`crate::requests`] through a [`Transport`] and
//! interprets every answer with [`crate::interpret`].

mod agent;
mod calls;
mod session;

use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use serde_json::Value;

use crate::auth::{AccessToken, RefreshToken, TokenPlacement};
use crate::envelope::{decode_error_in_result, interpret_result};
use crate::error::Error;
use crate::models::List;
use crate::pager::Pager;
use crate::query::ListQuery;
use crate::read::FromJson;
use crate::request::ApiRequest;
use crate::requests;
use crate::transport::Transport;

/// A Daktela V6 client. Cheap to clone (clones share the transport and the tokens), so a Leptos
/// app can put one in context; its futures are not `Send`, which CSR does not need.
pub struct Client<T> {
    inner: Arc<Inner<T>>,
}

struct Inner<T> {
    base: String,
    transport: T,
    placement: TokenPlacement,
    tokens: Mutex<Tokens>,
}

#[derive(Default)]
struct Tokens {
    access: Option<AccessToken>,
    refresh: Option<RefreshToken>,
}

impl<T> Clone for Client<T> {
    fn clone(&self) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<T> fmt::Debug for Client<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let logged_in = self
            .inner
            .tokens
            .lock()
            .map(|t| t.access.is_some())
            .unwrap_or(false);
        f.debug_struct("Client")
            .field("base", &self.inner.base)
            .field("placement", &self.inner.placement)
            .field("logged_in", &logged_in)
            .finish_non_exhaustive()
    }
}

impl<T: Transport> Client<T> {
    /// A client for the instance at `base_url`: its root (`https://x.daktela.com`) or a
    /// same-origin proxy path (`/daktela`); requests go to `{base_url}/api/v6/...`. The token goes
    /// in the `X-AUTH-TOKEN` header.
    pub fn new(base_url: impl Into<String>, transport: T) -> Self {
        Self::with_placement(base_url, transport, TokenPlacement::Header)
    }

    /// As [`Client::new`], choosing where the token goes (see [`TokenPlacement::Query`]).
    pub fn with_placement(
        base_url: impl Into<String>,
        transport: T,
        placement: TokenPlacement,
    ) -> Self {
        let base = base_url.into().trim_end_matches('/').to_owned();
        let tokens = Mutex::new(Tokens::default());
        Self {
            inner: Arc::new(Inner {
                base,
                transport,
                placement,
                tokens,
            }),
        }
    }

    /// Uses an existing access token (a static token from the user's detail page, or one kept
    /// from an earlier login).
    #[must_use]
    pub fn with_token(self, token: AccessToken) -> Self {
        self.set_token(Some(token));
        self
    }

    /// Replaces (or with `None`, forgets) the access token. Clones see the change.
    pub fn set_token(&self, token: Option<AccessToken>) {
        self.tokens().access = token;
    }

    /// The access token in use, e.g. to store it for the next page load.
    pub fn token(&self) -> Option<AccessToken> {
        self.tokens().access.clone()
    }

    /// Replaces (or forgets) the refresh token.
    pub fn set_refresh_token(&self, token: Option<RefreshToken>) {
        self.tokens().refresh = token;
    }

    /// The refresh token in use, e.g. to store it beside the access token for the next page
    /// load (it changes when the client refreshes).
    pub fn refresh_token(&self) -> Option<RefreshToken> {
        self.tokens().refresh.clone()
    }

    /// Forgets both tokens (logout).
    pub fn forget_tokens(&self) {
        *self.tokens() = Tokens::default();
    }

    /// The instance root this client talks to.
    pub fn base_url(&self) -> &str {
        &self.inner.base
    }

    /// The transport, e.g. to call `BrowserTransport::abort_all`.
    pub fn transport(&self) -> &T {
        &self.inner.transport
    }

    /// Sends any request and interprets the answer's `result` as `R`.
    ///
    /// # Errors
    /// Any [`Error`]: see [`crate::interpret`].
    pub async fn execute<R: FromJson>(&self, request: ApiRequest) -> Result<R, Error> {
        let result = self.execute_result(request).await?;
        R::from_json(&result).map_err(decode_error_in_result)
    }

    /// Sends any request and returns the answer's `result` as JSON. [`Client::execute`] is this
    /// plus reading `R`: every request shares this one (non-generic) async path.
    ///
    /// UNCONFIRMED(D6): token lifetime is unknown. On a 401 to an authenticated request, if a
    /// refresh token is held, the client refreshes ONCE and repeats the request; otherwise (or if
    /// that fails) the 401 is returned and the agent must log in again. The ONE place for D6.
    ///
    /// # Errors
    /// Any [`Error`]: see [`crate::interpret_result`].
    pub async fn execute_result(&self, request: ApiRequest) -> Result<Value, Error> {
        let first = self.send_once(&request).await;
        match first {
            Err(Error::Unauthorized { .. })
                if request.authenticated && self.tokens().refresh.is_some() =>
            {
                match self.refresh().await {
                    Ok(_) => self.send_once(&request).await,
                    Err(_) => first,
                }
            }
            other => other,
        }
    }

    async fn send_once(&self, request: &ApiRequest) -> Result<Value, Error> {
        let token = self.token();
        let http = request.build(&self.inner.base, token.as_ref(), self.inner.placement);
        let response = self.inner.transport.send(http).await?;
        interpret_result(response.status, &response.headers, &response.body)
    }

    /// One page of `model`: the records and the total.
    ///
    /// # Errors
    /// Any [`Error`].
    pub async fn list<R: FromJson>(
        &self,
        model: &str,
        query: &ListQuery,
    ) -> Result<(Vec<R>, u64), Error> {
        self.list_request(requests::list(model, query)).await
    }

    async fn list_request<R: FromJson>(&self, request: ApiRequest) -> Result<(Vec<R>, u64), Error> {
        self.execute::<List<R>>(request).await.map(List::into_parts)
    }

    /// Every record of `model` matching `query`, page by page (see [`Pager`]).
    ///
    /// # Errors
    /// The first [`Error`] of any page.
    pub async fn list_all<R: FromJson>(
        &self,
        model: &str,
        query: ListQuery,
    ) -> Result<Vec<R>, Error> {
        let mut pager = Pager::new(query);
        let mut all = Vec::new();
        while let Some(page) = pager.next_query() {
            let (items, total) = self.list::<R>(model, &page).await?;
            pager.advance(items.len(), total);
            all.extend(items);
        }
        Ok(all)
    }

    /// One record of `model` by name.
    ///
    /// # Errors
    /// [`Error::NotFound`] when it does not exist; any other [`Error`].
    pub async fn get<R: FromJson>(&self, model: &str, name: &str) -> Result<R, Error> {
        self.execute(requests::get(model, name)).await
    }

    fn tokens(&self) -> MutexGuard<'_, Tokens> {
        // Nothing panics while holding the lock, and the state stays consistent anyway.
        self.inner
            .tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}
