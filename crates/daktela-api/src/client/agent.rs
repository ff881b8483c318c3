//! The agent's state: pauses, queues, realtime session, pull data.

use crate::error::Error;
use crate::models::{Pause, PauseName, Queue, QueueName, RealtimeSession, UserLogin};
use crate::pull::{self, PullData, PullOutcome};
use crate::query::ListQuery;
use crate::requests;
use crate::transport::Transport;

use super::Client;

impl<T: Transport> Client<T> {
    /// Every pause reason.
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// for pause in client.pauses().await? {
    ///     println!("{:?}: {:?}", pause.name, pause.title);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// Any [`Error`].
    pub async fn pauses(&self) -> Result<Vec<Pause>, Error> {
        self.list_all("pauses", ListQuery::new()).await
    }

    /// Every queue the user can see.
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// let queues = client.queues().await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// Any [`Error`].
    pub async fn queues(&self) -> Result<Vec<Queue>, Error> {
        self.list_all("queues", ListQuery::new()).await
    }

    /// The queues click-to-call may use ([`Queue::is_outbound`]).
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// let outbound = client.outbound_queues().await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// Any [`Error`].
    pub async fn outbound_queues(&self) -> Result<Vec<Queue>, Error> {
        Ok(self
            .queues()
            .await?
            .into_iter()
            .filter(Queue::is_outbound)
            .collect())
    }

    /// Logs the agent in to these queues (`usersSession`, `login: true`).
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// use daktela_api::models::QueueName;
    /// client.queue_login(&[QueueName::new("2000")]).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// Any [`Error`]; a rejection is [`Error::Validation`] or [`Error::Api`].
    pub async fn queue_login(&self, queues: &[QueueName]) -> Result<(), Error> {
        self.execute::<()>(requests::queue_session(queues, true))
            .await
            .map(drop)
    }

    /// Logs the agent out of these queues (`usersSession`, `login: false`).
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// use daktela_api::models::QueueName;
    /// client.queue_logout(&[QueueName::new("2000")]).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// Any [`Error`].
    pub async fn queue_logout(&self, queues: &[QueueName]) -> Result<(), Error> {
        self.execute::<()>(requests::queue_session(queues, false))
            .await
            .map(drop)
    }

    /// Starts a pause with this reason (reading D1, see [`requests::set_pause`]).
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// use daktela_api::models::PauseName;
    /// client.pause(&PauseName::new("lunch")).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// Any [`Error`].
    pub async fn pause(&self, reason: &PauseName) -> Result<(), Error> {
        self.execute::<()>(requests::set_pause(Some(reason)))
            .await
            .map(drop)
    }

    /// Ends the current pause (reading D1, see [`requests::set_pause`]).
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// client.unpause().await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// Any [`Error`].
    pub async fn unpause(&self) -> Result<(), Error> {
        self.execute::<()>(requests::set_pause(None))
            .await
            .map(drop)
    }

    /// The agent's realtime session, or `None` when Daktela lists none (not logged in to the
    /// phone system).
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// use daktela_api::models::UserLogin;
    /// if let Some(session) = client.realtime_session(&UserLogin::new("jnovak")).await? {
    ///     println!("paused: {}, on a call: {:?}", session.is_paused(), session.active_call());
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::Forbidden`] when the user lacks realtime rights; any other [`Error`].
    pub async fn realtime_session(
        &self,
        agent: &UserLogin,
    ) -> Result<Option<RealtimeSession>, Error> {
        let (sessions, _) = self
            .list_request::<RealtimeSession>(requests::realtime_session(agent))
            .await?;
        Ok(sessions.into_iter().next())
    }

    /// One pull-data round (reading D2, see [`crate::PullOutcome`]). Pass `""` the first
    /// time, then the hash from the last outcome. Waits up to [`requests::PULL_TIMEOUT`].
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// use daktela_api::PullOutcome;
    /// match client.pull_data("").await? {
    ///     PullOutcome::Changed { hash } => { /* re-read calls and session, keep `hash` */ }
    ///     PullOutcome::Unchanged { hash } => { /* keep `hash`, ask again */ }
    ///     PullOutcome::Unsupported => { /* poll every 2 s instead */ }
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::Unauthorized`], [`Error::Timeout`], 5xx and network errors; "not offered here"
    /// is not an error but [`PullOutcome::Unsupported`].
    pub async fn pull_data(&self, previous_hash: &str) -> Result<PullOutcome, Error> {
        let answer = self
            .execute::<PullData>(requests::pull_data(previous_hash))
            .await;
        pull::outcome(previous_hash, answer)
    }
}
