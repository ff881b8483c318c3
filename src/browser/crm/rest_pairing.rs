//! The activity widget's pairing over the REST adapter: `PUT crm.pair_url` to save it (an upsert
//! keyed by `{activity}`, with `Idempotency-Key: crm-pairing:<activity>`), `GET crm.pair_url` to
//! read it back when the widget is reloaded (404 = not saved yet). The body is a
//! [`Pairing`] (wire format in [`crate::state::widget::pairing`]).
//!
//! A separate record from the call log on purpose: the widget never writes to `crm.log_url`.

use daktela_api::{HttpRequest, Method, Transport};
use serde_json::Value;

use super::{CrmError, LOOKUP_TIMEOUT, RestCrmAdapter, header_safe};
use crate::state::config::Template;
use crate::state::widget::Pairing;

impl<T: Transport> RestCrmAdapter<T> {
    /// Whether `crm.pair_url` is configured.
    pub fn has_pair_url(&self) -> bool {
        self.config.pair_url.is_some()
    }

    fn pair_url(&self, activity: &str) -> Result<String, CrmError> {
        let template: &Template = self.config.pair_url.as_ref().ok_or(CrmError::NoPairUrl)?;
        Ok(template.fill(&|name| match name {
            "activity" | "external_id" => Some(activity.to_owned()),
            _ => None,
        }))
    }

    /// The upsert request for a pairing.
    ///
    /// # Errors
    /// [`CrmError::NoPairUrl`] when `crm.pair_url` is not configured.
    pub fn pair_request(&self, pairing: &Pairing) -> Result<HttpRequest, CrmError> {
        let body =
            serde_json::to_string(pairing).map_err(|e| CrmError::InvalidRequest(e.to_string()))?;
        let ours = vec![
            ("Accept".into(), "application/json".into()),
            ("Content-Type".into(), "application/json".into()),
            ("Idempotency-Key".into(), header_safe(&pairing.key())),
        ];
        Ok(HttpRequest {
            method: Method::Put,
            url: self.pair_url(&pairing.activity)?,
            headers: self.headers(ours),
            body: Some(body),
            timeout: None,
        })
    }

    /// The read-back request for `activity`'s pairing.
    ///
    /// # Errors
    /// [`CrmError::NoPairUrl`] when `crm.pair_url` is not configured.
    pub fn read_pairing_request(&self, activity: &str) -> Result<HttpRequest, CrmError> {
        Ok(HttpRequest {
            method: Method::Get,
            url: self.pair_url(activity)?,
            headers: self.headers(vec![("Accept".into(), "application/json".into())]),
            body: None,
            timeout: Some(LOOKUP_TIMEOUT),
        })
    }

    /// Saves the pairing (an upsert: sending it again replaces it).
    ///
    /// # Errors
    /// [`CrmError`]; [`CrmError::retry`] says whether to try again.
    pub async fn pair(&self, pairing: &Pairing) -> Result<(), CrmError> {
        self.send(self.pair_request(pairing)?).await.map(|_| ())
    }

    /// The saved pairing of `activity`, `None` when the CRM has none (404, or an empty answer).
    ///
    /// # Errors
    /// [`CrmError`]: another error status, no answer, or an answer that is not a pairing.
    pub async fn read_pairing(&self, activity: &str) -> Result<Option<Pairing>, CrmError> {
        let response = match self.send(self.read_pairing_request(activity)?).await {
            Err(CrmError::Status { status: 404, .. }) => return Ok(None),
            other => other?,
        };
        if response.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        let value: Value = serde_json::from_slice(&response.body)
            .map_err(|e| CrmError::BadAnswer(format!("the pairing answer is not JSON: {e}")))?;
        Pairing::from_value(value)
            .map(Some)
            .ok_or_else(|| CrmError::BadAnswer("the pairing answer is not a pairing".into()))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "rest_pairing_tests.rs"]
mod tests;
