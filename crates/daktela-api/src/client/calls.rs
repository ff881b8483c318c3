//! Calls and what the agent writes about them: click-to-call, open calls, dispositions, contacts.

use crate::error::Error;
use crate::models::{
    Activity, ActivityName, CallId, CallItem, Contact, ContactName, QueueName, Status, StatusName,
    UserLogin,
};
use crate::query::ListQuery;
use crate::requests;
use crate::transport::Transport;

use super::Client;

impl<T: Transport> Client<T> {
    /// Places a call from the agent's phone to `number` through an outbound `queue` the agent is
    /// logged in to. Daktela answers 201 with the new activity (its content right after creation
    /// is not public, so every field may be missing).
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// use daktela_api::models::QueueName;
    /// match client.click_to_call("00420226211245", &QueueName::new("2000")).await {
    ///     Ok(activity) => println!("calling, activity {:?}", activity.name),
    ///     Err(e) if e.is_phone_offline() => println!("your phone is offline"),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::Validation`] with `primary: ["User have not available devices"]` when the agent's
    /// phone is offline (check [`Error::is_phone_offline`]); any other [`Error`].
    pub async fn click_to_call(&self, number: &str, queue: &QueueName) -> Result<Activity, Error> {
        self.execute(requests::click_to_call(number, queue)).await
    }

    /// The agent's ringing (`WAIT`) and answered (`OPEN`) call activities, newest first
    /// (reading D3, see [`requests::open_call_activities`]). `activity.call()` gives the
    /// call item with `direction` and `clid`.
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// use daktela_api::models::UserLogin;
    /// for activity in client.open_call_activities(&UserLogin::new("jnovak")).await? {
    ///     let caller = activity.call().and_then(|call| call.clid.clone());
    ///     println!("{:?} {:?}", activity.action, caller);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// Any [`Error`].
    pub async fn open_call_activities(&self, agent: &UserLogin) -> Result<Vec<Activity>, Error> {
        Ok(self
            .list_request(requests::open_call_activities(agent))
            .await?
            .0)
    }

    /// One activity by name.
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// use daktela_api::models::ActivityName;
    /// let activity = client.activity(&ActivityName::new("activities-9673-1")).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotFound`]; any other [`Error`].
    pub async fn activity(&self, name: &ActivityName) -> Result<Activity, Error> {
        self.execute(requests::activity(name)).await
    }

    /// Sets the statuses (dispositions) of an activity and, when given, its note.
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// use daktela_api::models::{ActivityName, StatusName};
    /// client
    ///     .write_disposition(&ActivityName::new("activities-1"), &[StatusName::new("sale")], Some("Called back"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::Validation`] when Daktela rejects a field (messages kept, often Czech); any other
    /// [`Error`].
    pub async fn write_disposition(
        &self,
        activity: &ActivityName,
        statuses: &[StatusName],
        note: Option<&str>,
    ) -> Result<Activity, Error> {
        self.execute(requests::write_disposition(activity, statuses, note))
            .await
    }

    /// Links a call to a CRM contact.
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// use daktela_api::models::{CallId, ContactName};
    /// client.link_call_to_contact(&CallId::new("1652171234.1"), &ContactName::new("raynet_person_7")).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::Validation`] for an unknown contact; any other [`Error`].
    pub async fn link_call_to_contact(
        &self,
        call: &CallId,
        contact: &ContactName,
    ) -> Result<CallItem, Error> {
        self.execute(requests::link_call_to_contact(call, contact))
            .await
    }

    /// Contacts whose data matches `number` (full-text `q`; at most
    /// [`requests::PHONE_LOOKUP_TAKE`]). Pass the stored form, see [`crate::phone`].
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// let stored = daktela_api::phone::e164_to_daktela("+420226211245").unwrap_or_default();
    /// let contacts = client.contacts_by_phone(&stored).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// Any [`Error`].
    pub async fn contacts_by_phone(&self, number: &str) -> Result<Vec<Contact>, Error> {
        Ok(self
            .list_request(requests::contacts_by_phone(number))
            .await?
            .0)
    }

    /// Every status (disposition) the agent can set.
    ///
    /// ```no_run
    /// # async fn example<T: daktela_api::Transport>(client: daktela_api::Client<T>) -> Result<(), daktela_api::Error> {
    /// let statuses = client.statuses().await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// Any [`Error`].
    pub async fn statuses(&self) -> Result<Vec<Status>, Error> {
        self.list_all("statuses", ListQuery::new()).await
    }
}
