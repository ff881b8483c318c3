//! Logging in and out, and who is logged in.

use crate::auth::LoginTokens;
use crate::envelope::decode_error_in_result;
use crate::error::Error;
use crate::models::{User, Whoim};
use crate::read::FromJson;
use crate::requests;
use crate::transport::Transport;

use super::Client;

impl<T: Transport> Client<T> {
    /// Logs in with a username and password and keeps the tokens for every later call.
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// let tokens = client.login("jnovak", "secret").await?;
    /// // Store `tokens.access_token.expose()` if the panel should survive a page reload.
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::Unauthorized`] for wrong credentials; any other [`Error`].
    pub async fn login(&self, username: &str, password: &str) -> Result<LoginTokens, Error> {
        let tokens: LoginTokens = self.execute(requests::login(username, password)).await?;
        self.store(&tokens);
        Ok(tokens)
    }

    /// Exchanges the held refresh token for new tokens (`PUT login.json {refreshToken}`) and keeps
    /// them. [`Client::execute`] already does this once on a 401.
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// client.refresh().await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotLoggedIn`] when no refresh token is held; [`Error::Unauthorized`] when it is no
    /// longer valid; any other [`Error`].
    pub async fn refresh(&self) -> Result<LoginTokens, Error> {
        let refresh = self.tokens().refresh.clone().ok_or(Error::NotLoggedIn)?;
        // `send_once`, not `execute`: a refresh never triggers another refresh.
        let result = self.send_once(&requests::refresh(&refresh)).await?;
        let tokens = LoginTokens::from_json(&result).map_err(decode_error_in_result)?;
        self.store(&tokens);
        Ok(tokens)
    }

    /// `GET whoim.json` as it is: `user` is `None` when the token is missing or not accepted
    /// (Daktela still answers 200). See [`Client::current_user`] for the strict form.
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// let whoim = client.whoim().await?;
    /// println!("Daktela {:?}, logged in: {}", whoim.version, whoim.user.is_some());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// Any [`Error`] (a 401 for an invalid token is possible too).
    pub async fn whoim(&self) -> Result<Whoim, Error> {
        self.execute(requests::whoim()).await
    }

    /// The logged-in user.
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// let me = client.current_user().await?;
    /// let login = me.name.expect("whoim names the user");
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotLoggedIn`] when `whoim` says `user: null`; any other [`Error`].
    pub async fn current_user(&self) -> Result<User, Error> {
        self.whoim().await?.user.ok_or(Error::NotLoggedIn)
    }

    fn store(&self, tokens: &LoginTokens) {
        let mut held = self.tokens();
        held.access = Some(tokens.access_token.clone());
        if let Some(refresh) = &tokens.refresh_token {
            held.refresh = Some(refresh.clone());
        }
    }
}
