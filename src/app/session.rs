//! Logging in and out, and resuming a session kept in this tab.
//!
//! The tokens live in `sessionStorage` (never `localStorage`): a reload of the same tab keeps the
//! agent logged in, a new tab or a closed browser does not. Queued CRM logs are kept across
//! logouts and expiry (CONTRACT D6): they live in the outbox, not in the session.

use daktela_api::models::QueueName;
use daktela_api::{AccessToken, Error, RefreshToken};
use leptos::prelude::*;

use super::Ctl;
use crate::state::ConnectionState;
use crate::state::config::Login;
use crate::state::i18n::Text;

const TOKEN: &str = "token";
const REFRESH: &str = "refresh";
const QUEUES: &str = "queues";

impl Ctl {
    /// Logs in with a username and password (the `password` login mode).
    pub fn login(self, username: String, password: String) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.connection.set(ConnectionState::Connecting);
        leptos::task::spawn_local(async move {
            let result = self.client().login(&username, &password).await;
            self.busy.set(false);
            match result {
                Ok(_) => {
                    self.persist_tokens();
                    self.notice.set(None);
                    if self.leads() {
                        self.resume();
                    } else if let Some(access) = self.client().token() {
                        // The leader runs the session; its state comes back to this tab.
                        let refresh = self.client().refresh_token();
                        self.post(&crate::state::tabs::message::TabMessage::LoggedIn {
                            tokens: crate::state::tabs::mirror::SharedTokens {
                                access: access.expose().to_owned(),
                                refresh: refresh.map(|r| r.expose().to_owned()),
                            },
                        });
                    }
                }
                Err(Error::Unauthorized { .. } | Error::Validation { .. } | Error::Api { .. }) => {
                    self.connection.set(ConnectionState::NotConnected);
                    self.error(self.t(Text::WrongCredentials));
                }
                Err(err) => {
                    self.connection.set(ConnectionState::NotConnected);
                    self.report(&err);
                }
            }
        });
    }

    /// Logs out of the panel, in every tab: forgets the tokens and stops every loop. The outbox
    /// stays.
    pub fn logout(self) {
        self.post(&crate::state::tabs::message::TabMessage::LoggedOut);
        self.logout_here();
    }

    /// Logs out in this tab (the agent logged out here or in another tab).
    pub(super) fn logout_here(self) {
        self.generation.update_value(|g| *g += 1);
        self.client().transport().abort_all();
        self.forget_session();
        self.me.set(None);
        self.session.set(None);
        self.logged_in.set(Vec::new());
        self.connection.set(ConnectionState::NotConnected);
    }

    /// Forgets the tokens and the queues kept in this tab.
    pub(super) fn forget_session(&self) {
        self.client().forget_tokens();
        for key in [TOKEN, REFRESH, QUEUES] {
            super::store::session_remove(key);
        }
    }

    /// Resumes with whatever token the panel has (configured, kept in this tab, or just
    /// obtained): reads who the agent is, then the catalog, then starts following the state.
    pub(super) fn resume(self) {
        let client = self.client();
        if let Login::Token(token) = self.config.with_value(|c| c.login.clone()) {
            client.set_token(Some(token));
        } else if client.token().is_none() {
            match super::store::session_get(TOKEN) {
                Some(token) => client.set_token(Some(AccessToken::new(token))),
                None => return,
            }
            client.set_refresh_token(super::store::session_get(REFRESH).map(RefreshToken::new));
        }
        if let Some(queues) = super::store::session_get(QUEUES)
            .and_then(|q| serde_json::from_str::<Vec<String>>(&q).ok())
        {
            self.logged_in
                .set(queues.into_iter().map(QueueName::new).collect());
        }
        self.connection.set(ConnectionState::Connecting);
        let generation = self.next_generation();
        leptos::task::spawn_local(async move {
            let me = match client.current_user().await {
                Ok(me) => me,
                // A token that whoim no longer knows: try the refresh token once (D6), else the
                // agent logs in again.
                Err(Error::NotLoggedIn | Error::Unauthorized { .. }) => {
                    match client.refresh().await {
                        Ok(_) => match client.current_user().await {
                            Ok(me) => me,
                            Err(_) => return self.expired(),
                        },
                        Err(_) => return self.expired(),
                    }
                }
                Err(err) => {
                    self.connection.set(ConnectionState::NotConnected);
                    return self.report(&err);
                }
            };
            self.persist_tokens();
            self.me.set(Some(me));
            if let Err(err) = self.load_catalog().await {
                self.report(&err);
            }
            self.sync_loop(generation);
        });
    }

    /// Reads the instance's pauses, queues and statuses (once per login).
    async fn load_catalog(self) -> Result<(), Error> {
        let client = self.client();
        let pauses = client.pauses().await?;
        let queues = client.queues().await?;
        let statuses = client.statuses().await?;
        self.pauses.set(pauses);
        self.queues.set(queues);
        self.statuses.set(statuses);
        self.derive_agent();
        Ok(())
    }

    /// The login expired and could not be refreshed: ask the agent to log in again, keeping the
    /// call cards and the outbox (D6).
    pub(super) fn expired(self) {
        self.generation.update_value(|g| *g += 1);
        self.client().forget_tokens();
        super::store::session_remove(TOKEN);
        super::store::session_remove(REFRESH);
        let configured_token = self
            .config
            .with_value(|c| matches!(c.login, Login::Token(_)));
        self.connection.set(ConnectionState::LoginExpired);
        self.error(self.t(Text::SessionExpired));
        if configured_token {
            // A static token cannot be renewed from the panel; the integrator must replace it.
            self.me.set(None);
        }
    }

    /// Keeps the client's current tokens in this tab, so a reload resumes (after a refresh too).
    pub(super) fn persist_tokens(&self) {
        if self
            .config
            .with_value(|c| matches!(c.login, Login::Token(_)))
        {
            return; // the configured token is never copied anywhere
        }
        let client = self.client();
        let token = client.token();
        if let Some(token) = &token {
            let _ = super::store::session_set(TOKEN, token.expose());
        }
        if let Some(refresh) = client.refresh_token() {
            let _ = super::store::session_set(REFRESH, refresh.expose());
        }
        // A renewed token (D6) reaches the other tabs, or their requests would be refused.
        let text = token.map(|t| t.expose().to_owned());
        if self.leads() && self.shared_token.with_value(|s| *s != text) {
            self.shared_token.set_value(text);
            self.post_state();
        }
    }

    /// Keeps the queues the panel logged in to, for a reload of this tab.
    pub(super) fn persist_queues(&self) {
        let names: Vec<String> = self
            .logged_in
            .with_untracked(|q| q.iter().map(|n| n.as_str().to_owned()).collect());
        if let Ok(json) = serde_json::to_string(&names) {
            let _ = super::store::session_set(QUEUES, &json);
        }
    }

    /// Starts a new session generation; loops of older ones see it and stop.
    fn next_generation(&self) -> u64 {
        self.generation.update_value(|g| *g += 1);
        self.generation.get_value()
    }

    /// True while `generation` is the current session.
    pub(super) fn is_current(&self, generation: u64) -> bool {
        self.generation.get_value() == generation
    }

    /// Shows an error from Daktela in words the agent can act on.
    pub(super) fn report(&self, err: &Error) {
        let text = match err {
            Error::Timeout | Error::Transport(_) => self.t(Text::DaktelaNoAnswer).to_owned(),
            Error::RateLimited { retry_after, .. } => crate::state::i18n::fill(
                self.t(Text::RateLimited),
                "seconds",
                &retry_after.unwrap_or(1).to_string(),
            ),
            Error::Unauthorized { .. } | Error::NotLoggedIn => {
                self.t(Text::SessionExpired).to_owned()
            }
            _ if err.is_phone_offline() => self.t(Text::PhoneOffline).to_owned(),
            other => {
                let messages = other.messages();
                if messages.is_empty() {
                    self.t(Text::UnexpectedError).to_owned()
                } else {
                    messages.join("; ")
                }
            }
        };
        self.error(text);
    }
}
