//! The host-page adapter: the CRM page itself answers lookups and takes call logs, through
//! JavaScript functions it registers. An in-house CRM integrates in minutes, with its own
//! session and permissions, and no REST endpoint or CORS to set up.
//!
//! # The contract (`{"crm": {"adapter": "host_page"}}`, the default)
//!
//! The CRM page defines, before or after the panel loads (it is looked up on every call):
//!
//! ```js
//! window.DaktelaCtiHost = {
//!   // Required. The caller's number in E.164 ("+420226211245"). Returns (or resolves to) an
//!   // array, empty when nothing matches. Per record: `id` (string or number, required),
//!   // `name` (shown to the agent), `url` (the record's page, absolute or relative to this
//!   // page, http(s) only), `kind` (optional: "contact", "lead", ...). Extra fields are ignored.
//!   async lookup(e164) { return [{ id: "c7", name: "Jana Nováková", url: "/contacts/c7" }]; },
//!
//!   // Required. An UPSERT keyed by `record.external_id` (the Daktela activity name): the
//!   // panel may call it more than once for the same call (a retry after a reload or a lost
//!   // answer), and each call must update that log, never add a second one. Resolving (with
//!   // anything) means "stored"; the panel then forgets the log. Resolving to a string, a
//!   // number or {id} records it as the CRM's id for the log. Rejecting (or throwing) means
//!   // "not stored": the panel retries later with backoff, unless the rejection value has
//!   // `permanent: true` (e.g. `Object.assign(new Error("invalid note"), {permanent: true})`),
//!   // which parks the log and shows the message to the agent.
//!   // record = { external_id, call_id, direction ("in" | "out" | "internal"),
//!   //   remote_number (E.164 or null), started_at ("2026-11-24T10:00:00Z", UTC),
//!   //   duration_s, answered, outcome ("answered" | "missed" | "no_answer" | "busy" |
//!   //   "failed" | "voicemail"), agent, crm_record (the popped record's id or null),
//!   //   disposition [status names], disposition_titles [titles], note (or null), subject,
//!   //   daktela: { activity, call_id, queue } }
//!   async log(record) { await myCrm.upsertCall(record.external_id, record); },
//!
//!   // Optional. Opens a screen pop the CRM's own way (a SPA route instead of a page load).
//!   // `target` = { url: "https://…" (absolute, http(s), already checked),
//!   //              target: "same_tab" | "new_tab" (the configured screen_pop.target) }.
//!   // Return (or resolve to) `false` to let the panel open the URL itself; anything else
//!   // means the page opened it.
//!   open(target) { myRouter.push(new URL(target.url).pathname); },
//! };
//! ```
//!
//! Each function may return a plain value or a Promise. A call that does not settle within
//! [`HOST_TIMEOUT_MS`] counts as a retryable failure. A missing `window.DaktelaCtiHost` is
//! [`CrmError::NoHost`].

use js_sys::{Function, Promise, Reflect};
use serde_json::{Value, json};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{CrmError, LogOutcome, crm_id, parse_records};
use crate::browser::clock;
use crate::browser::storage::js_message;
use crate::state::call_log::CallLogRecord;
use crate::state::config::PopTarget;
use crate::state::screen_pop::CrmRecord;

/// The global the CRM page registers: `window.DaktelaCtiHost`.
pub const HOST_OBJECT: &str = "DaktelaCtiHost";

/// How long a host function may take before the panel gives up on that call.
pub const HOST_TIMEOUT_MS: u64 = 20_000;

/// The host-page adapter.
#[derive(Debug, Clone)]
pub struct HostPageCrm {
    timeout_ms: u64,
}

impl Default for HostPageCrm {
    fn default() -> Self {
        Self::new()
    }
}

impl HostPageCrm {
    /// The adapter, with [`HOST_TIMEOUT_MS`].
    pub fn new() -> Self {
        Self {
            timeout_ms: HOST_TIMEOUT_MS,
        }
    }

    /// The same adapter with another timeout.
    #[must_use]
    pub fn with_timeout_ms(mut self, timeout_ms: u64) -> Self {
        self.timeout_ms = timeout_ms;
        self
    }

    /// Calls `lookup(e164)` (module docs).
    ///
    /// # Errors
    /// [`CrmError`]: no host object, no function, a rejection, or an answer that is not a list.
    pub async fn lookup(&self, e164: &str) -> Result<Vec<CrmRecord>, CrmError> {
        let answer = self.call("lookup", &JsValue::from_str(e164)).await?;
        match to_json(answer.as_ref())? {
            Some(value) => parse_records(value),
            None => Err(CrmError::BadAnswer(
                "DaktelaCtiHost.lookup returned nothing: return an array (empty when nothing matches)"
                    .to_owned(),
            )),
        }
    }

    /// Calls `log(record)` (module docs).
    ///
    /// # Errors
    /// [`CrmError`]; see [`CrmError::retry`].
    pub async fn log_call(&self, record: &CallLogRecord) -> Result<LogOutcome, CrmError> {
        let text =
            serde_json::to_string(record).map_err(|e| CrmError::InvalidRequest(e.to_string()))?;
        let answer = self.call("log", &parse_js(&text)?).await?;
        // The answer is informative only; one that cannot be read is still a delivery.
        let crm_id = to_json(answer.as_ref())
            .ok()
            .flatten()
            .and_then(|v| crm_id(&v));
        Ok(LogOutcome {
            status: None,
            crm_id,
        })
    }

    /// Calls the optional `open({url, target})`; `Ok(false)` when the page has no `open` or it
    /// returned `false` (the panel opens the URL itself).
    ///
    /// # Errors
    /// [`CrmError::Rejected`] when `open` threw or rejected.
    pub async fn open(&self, url: &str, target: PopTarget) -> Result<bool, CrmError> {
        let target = match target {
            PopTarget::SameTab => "same_tab",
            PopTarget::NewTab => "new_tab",
        };
        let host = host()?;
        if Reflect::get(&host, &"open".into()).is_ok_and(|f| f.is_undefined() || f.is_null()) {
            return Ok(false);
        }
        let argument = parse_js(&json!({"url": url, "target": target}).to_string())?;
        let answer = self.call("open", &argument).await?;
        Ok(answer.as_ref().and_then(JsValue::as_bool) != Some(false))
    }

    /// Calls `window.DaktelaCtiHost[function](argument)` with the host as `this`, and awaits it
    /// if it returned a promise. `None` for an `undefined` answer.
    async fn call(
        &self,
        function: &'static str,
        argument: &JsValue,
    ) -> Result<Option<JsValue>, CrmError> {
        let host = host()?;
        let f = Reflect::get(&host, &function.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or(CrmError::NotAFunction(function))?;
        let returned = f
            .call1(&host, argument)
            .map_err(|thrown| rejected(function, &thrown))?;
        // Wraps a plain value too, so both kinds of function are awaited alike.
        let settled = clock::timeout(self.timeout_ms, JsFuture::from(Promise::resolve(&returned)))
            .await
            .map_err(|_| CrmError::Rejected {
                function,
                message: format!("no answer within {} ms", self.timeout_ms),
                permanent: false,
            })?
            .map_err(|rejection| rejected(function, &rejection))?;
        Ok((!settled.is_undefined()).then_some(settled))
    }
}

/// `window.DaktelaCtiHost`, if the page registered an object there.
fn host() -> Result<JsValue, CrmError> {
    let window = web_sys::window().ok_or(CrmError::NoHost)?;
    let host = Reflect::get(&window, &HOST_OBJECT.into()).map_err(|_| CrmError::NoHost)?;
    if host.is_object() || host.is_function() {
        Ok(host)
    } else {
        Err(CrmError::NoHost)
    }
}

/// A throw or rejection as an error; `permanent: true` on the value parks the log.
fn rejected(function: &'static str, value: &JsValue) -> CrmError {
    let permanent = value.is_object()
        && Reflect::get(value, &"permanent".into()).is_ok_and(|p| p.as_bool() == Some(true));
    let message = if value.is_undefined() || value.is_null() {
        "rejected without a reason".to_owned()
    } else {
        js_message(value)
    };
    CrmError::Rejected {
        function,
        message,
        permanent,
    }
}

/// JSON text to a JS value.
fn parse_js(text: &str) -> Result<JsValue, CrmError> {
    js_sys::JSON::parse(text).map_err(|e| CrmError::InvalidRequest(js_message(&e)))
}

/// A JS value as JSON (`None` for `undefined`), through `JSON.stringify`.
fn to_json(value: Option<&JsValue>) -> Result<Option<Value>, CrmError> {
    let Some(value) = value else {
        return Ok(None);
    };
    let text = js_sys::JSON::stringify(value).map_err(|e| {
        CrmError::BadAnswer(format!("the answer cannot be read: {}", js_message(&e)))
    })?;
    match text.as_string() {
        Some(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| CrmError::BadAnswer(e.to_string())),
        // stringify gives `undefined` for functions and symbols.
        None => Err(CrmError::BadAnswer(
            "the answer is a function or symbol, not data".to_owned(),
        )),
    }
}
