//! Driving the panel inside its shadow root. WebDriver's selectors do not pierce shadow roots,
//! so each action is a small script run in the page against `#daktela-cti`'s shadow root.

use std::time::Duration;

use fantoccini::Client;
use serde_json::{Value, json};

use crate::wait_until;

/// How long the panel gets to react to anything (it normally takes milliseconds).
pub const PATIENCE: Duration = Duration::from_secs(10);

/// Runs `body` with `root` bound to the panel's shadow root (or `null`) and `args` to the
/// arguments; returns what it returns.
async fn in_panel(client: &Client, body: &str, args: Vec<Value>) -> anyhow::Result<Value> {
    let script = format!(
        "const host = document.getElementById('daktela-cti');\n\
         const root = host && host.shadowRoot;\n\
         const args = arguments;\n\
         {body}"
    );
    Ok(client.execute(&script, args).await?)
}

/// The panel as a test sees it.
#[derive(Debug, Clone, Copy)]
pub struct Panel<'a> {
    client: &'a Client,
}

impl<'a> Panel<'a> {
    /// The panel of the page `client` shows.
    pub fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// The text of the first element matching `selector`, if there is one.
    ///
    /// # Errors
    /// When the script fails.
    pub async fn text(&self, selector: &str) -> anyhow::Result<Option<String>> {
        let v = in_panel(
            self.client,
            "const el = root && root.querySelector(args[0]); return el ? el.textContent : null;",
            vec![json!(selector)],
        )
        .await?;
        Ok(v.as_str().map(str::to_owned))
    }

    /// An attribute of the first element matching `selector`.
    ///
    /// # Errors
    /// When the script fails.
    pub async fn attr(&self, selector: &str, name: &str) -> anyhow::Result<Option<String>> {
        let v = in_panel(
            self.client,
            "const el = root && root.querySelector(args[0]); return el ? el.getAttribute(args[1]) : null;",
            vec![json!(selector), json!(name)],
        )
        .await?;
        Ok(v.as_str().map(str::to_owned))
    }

    /// How many elements match `selector`.
    ///
    /// # Errors
    /// When the script fails.
    pub async fn count(&self, selector: &str) -> anyhow::Result<u64> {
        let v = in_panel(
            self.client,
            "return root ? root.querySelectorAll(args[0]).length : 0;",
            vec![json!(selector)],
        )
        .await?;
        Ok(v.as_u64().unwrap_or(0))
    }

    /// Waits until the element matching `selector` exists and its text contains `needle`.
    ///
    /// # Errors
    /// On timeout, with the last text seen.
    pub async fn wait_text(&self, selector: &str, needle: &str) -> anyhow::Result<String> {
        let what = format!("{selector} to contain {needle:?}");
        wait_until(&what, PATIENCE, || async move {
            Ok(self.text(selector).await?.filter(|t| t.contains(needle)))
        })
        .await
    }

    /// Waits until an attribute of `selector` equals `value`.
    ///
    /// # Errors
    /// On timeout.
    pub async fn wait_attr(&self, selector: &str, name: &str, value: &str) -> anyhow::Result<()> {
        let what = format!("{selector}[{name}={value:?}]");
        wait_until(&what, PATIENCE, || async move {
            Ok((self.attr(selector, name).await?.as_deref() == Some(value)).then_some(()))
        })
        .await
    }

    /// Waits until `selector` matches something.
    ///
    /// # Errors
    /// On timeout.
    pub async fn wait_for(&self, selector: &str) -> anyhow::Result<()> {
        wait_until(selector, PATIENCE, || async move {
            Ok((self.count(selector).await? > 0).then_some(()))
        })
        .await
    }

    /// Types `value` into the input, select or textarea matching `selector` (with the events a
    /// person's typing fires).
    ///
    /// # Errors
    /// When nothing matches.
    pub async fn fill(&self, selector: &str, value: &str) -> anyhow::Result<()> {
        let ok = in_panel(
            self.client,
            "const el = root && root.querySelector(args[0]); if (!el) return false;\n\
             el.value = args[1];\n\
             el.dispatchEvent(new Event('input', {bubbles: true, composed: true}));\n\
             el.dispatchEvent(new Event('change', {bubbles: true, composed: true}));\n\
             return true;",
            vec![json!(selector), json!(value)],
        )
        .await?;
        anyhow::ensure!(ok == json!(true), "nothing matches {selector}");
        Ok(())
    }

    /// Clicks the element matching `selector`.
    ///
    /// # Errors
    /// When nothing matches.
    pub async fn click(&self, selector: &str) -> anyhow::Result<()> {
        let ok = in_panel(
            self.client,
            "const el = root && root.querySelector(args[0]); if (!el) return false; el.click(); return true;",
            vec![json!(selector)],
        )
        .await?;
        anyhow::ensure!(ok == json!(true), "nothing matches {selector}");
        Ok(())
    }

    /// Submits the form matching `selector` as pressing Enter would.
    ///
    /// # Errors
    /// When nothing matches.
    pub async fn submit(&self, selector: &str) -> anyhow::Result<()> {
        let ok = in_panel(
            self.client,
            "const el = root && root.querySelector(args[0]); if (!el) return false; el.requestSubmit(); return true;",
            vec![json!(selector)],
        )
        .await?;
        anyhow::ensure!(ok == json!(true), "nothing matches {selector}");
        Ok(())
    }

    /// Logs in with the login form and waits until the agent's state shows.
    ///
    /// # Errors
    /// When the form or the state does not appear.
    pub async fn log_in(&self, username: &str, password: &str) -> anyhow::Result<()> {
        self.wait_for("form.dcti-login").await?;
        self.fill("input[name=username]", username).await?;
        self.fill("input[name=password]", password).await?;
        self.submit("form.dcti-login").await?;
        self.wait_for(".dcti-agent").await?;
        self.wait_attr(".dcti-connection", "data-state", "connected")
            .await
    }
}
