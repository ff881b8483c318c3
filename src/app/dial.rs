//! Click-to-call: from a `tel:` link, the dial field or a found number, through Daktela.

use daktela_api::Error;
use daktela_api::models::QueueName;
use leptos::prelude::*;

use super::Ctl;
use crate::state::i18n::{Text, fill, phone_error};
use crate::state::phone::{E164, normalize};

/// A dial the agent asked for, normalised and waiting (for confirmation, when configured).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialRequest {
    /// The number in E.164.
    pub number: E164,
    /// The outbound queue it goes through.
    pub queue: QueueName,
}

impl Ctl {
    /// Dials `raw` (a `tel:` href, a typed number, a found number): normalises it, picks the
    /// outbound queue, and calls at once or after the agent confirms.
    pub fn dial(self, raw: &str) {
        let (region, allowed, confirm) = self.config.with_value(|c| {
            (
                c.default_country,
                c.outbound_queues.clone(),
                c.confirm_before_dial,
            )
        });
        let number = match normalize(raw, region) {
            Ok(number) => number,
            Err(err) => return self.error(phone_error(self.lang.get_untracked(), &err)),
        };
        let queue = self
            .agent
            .with_untracked(|a| a.dial_queues(&allowed).first().map(|q| q.name.clone()));
        let Some(queue) = queue else {
            return self.error(self.t(Text::NotInOutboundQueue));
        };
        let request = DialRequest { number, queue };
        if confirm {
            self.pending_dial.set(Some(request));
        } else {
            self.place_call(request);
        }
    }

    /// The confirmation text for a pending dial.
    pub fn confirm_text(&self, request: &DialRequest) -> String {
        fill(self.t(Text::ConfirmCall), "number", request.number.as_str())
    }

    /// Places the call through Daktela. Never retried on its own: after an ambiguous failure the
    /// call may already ring, so the panel re-reads the agent's calls and shows what it sees.
    pub fn place_call(self, request: DialRequest) {
        self.pending_dial.set(None);
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let result = self
                .client()
                .click_to_call(&request.number.to_daktela(), &request.queue)
                .await;
            self.busy.set(false);
            let ambiguous = result.as_ref().err().is_some_and(is_ambiguous);
            match result {
                Ok(_) => self.notice.set(None),
                Err(err) if err.is_phone_offline() => self.error(self.t(Text::PhoneOffline)),
                Err(Error::Validation { ref form, .. })
                    if form.iter().any(|f| f.field == "queue") =>
                {
                    self.error(self.t(Text::NotInOutboundQueue));
                }
                Err(_) if ambiguous => {}
                Err(err) => self.report(&err),
            }
            // Show the call (or its absence) at once, whatever the answer said.
            if let Err(err) = self.resync(false).await {
                self.report(&err);
            }
            if ambiguous {
                self.tell_whether_placed(&request).await;
            }
        });
    }

    /// After an answer that does not say whether the call was placed: look at the agent's calls
    /// (never send the dial again: it may ring already) and say what happened.
    async fn tell_whether_placed(self, request: &DialRequest) {
        let region = self.config.with_value(|c| c.default_country);
        let seen = || {
            self.calls.with_untracked(|calls| {
                calls.calls().iter().any(|call| {
                    call.info.direction == daktela_api::models::CallDirection::Out
                        && call
                            .info
                            .remote_number
                            .as_deref()
                            .and_then(|n| normalize(n, region).ok())
                            .is_some_and(|n| n == request.number)
                })
            })
        };
        // A follower sees the calls in the leader's next state; and Daktela may still be
        // placing a call whose answer was lost, so look once more a little later.
        let mut placed = false;
        for wait_ms in [if self.leads() { 0 } else { 1_500 }, 3_000] {
            crate::browser::clock::sleep_ms(wait_ms).await;
            placed = seen();
            if placed {
                break;
            }
            let _ = self.resync(false).await;
        }
        let text = fill(
            self.t(if placed {
                Text::DialPlacedDespiteError
            } else {
                Text::DialNotConfirmed
            }),
            "number",
            request.number.as_str(),
        );
        if placed {
            self.info(text);
        } else {
            self.error(text);
        }
    }

    /// Goes ready: ends the pause (CONTRACT D1).
    pub fn go_ready(self) {
        self.agent_action(|client| async move { client.unpause().await });
    }

    /// Pauses with a reason from the instance's list.
    pub fn pause(self, reason: daktela_api::models::PauseName) {
        self.agent_action(move |client| async move { client.pause(&reason).await });
    }

    /// Logs the agent in to or out of one queue.
    pub fn set_queue(self, queue: QueueName, login: bool) {
        let name = queue.clone();
        leptos::task::spawn_local(async move {
            let client = self.client();
            let one = std::slice::from_ref(&name);
            let result = if login {
                client.queue_login(one).await
            } else {
                client.queue_logout(one).await
            };
            match result {
                Ok(()) => {
                    self.logged_in.update(|q| {
                        q.retain(|n| *n != queue);
                        if login {
                            q.push(queue.clone());
                        }
                    });
                    self.persist_queues();
                    self.derive_agent();
                    if let Err(err) = self.resync(true).await {
                        self.report(&err);
                    }
                }
                Err(err) => self.report(&err),
            }
        });
    }

    /// Runs one agent-state request, then re-reads the state so the panel shows it at once.
    fn agent_action<F, Fut>(self, request: F)
    where
        F: FnOnce(daktela_api::Client<crate::browser::transport::PageTransport>) -> Fut + 'static,
        Fut: std::future::Future<Output = Result<(), Error>>,
    {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let result = request(self.client()).await;
            self.busy.set(false);
            match result {
                Ok(()) => {
                    self.notice.set(None);
                    if let Err(err) = self.resync(false).await {
                        self.report(&err);
                    }
                }
                Err(err) => self.report(&err),
            }
        });
    }
}

/// A failure after which the call may or may not have been placed: no answer, a lost
/// connection, a server error, an unreadable success.
fn is_ambiguous(err: &Error) -> bool {
    match err {
        Error::Timeout | Error::Transport(_) | Error::Decode { .. } => true,
        Error::Api { status, .. } => *status >= 500,
        _ => false,
    }
}
