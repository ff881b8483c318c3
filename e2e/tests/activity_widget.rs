//! The activity widget, end to end: the demo CRM's stand-in for Daktela's agent view frames
//! `widget.html` (the Trunk build) with the four parameters of a call rung through the
//! simulator; headless Chromium; the CRM's pairings read back over HTTP.

use std::time::Duration;

use daktela_cti_e2e::{Browser, PATIENCE, dist_dir, get_json, wait_until};
use daktela_sim::RingRequest;
use demo_crm::{DemoConfig, RunningDemo};
use fantoccini::Client;
use serde_json::{Value, json};

const AGENT: &str = "agent1";

/// The widget inside the agent view's iframe. WebDriver would need a frame switch per call;
/// a script in the top page reaches the same-origin frame's document directly.
struct Widget<'a> {
    client: &'a Client,
}

impl Widget<'_> {
    async fn run(&self, body: &str, args: Vec<Value>) -> anyhow::Result<Value> {
        let script = format!(
            "const frame = document.getElementById('activity-widget');\n\
             const doc = frame && frame.contentDocument;\n\
             const args = arguments;\n\
             {body}"
        );
        Ok(self.client.execute(&script, args).await?)
    }

    async fn text(&self, selector: &str) -> anyhow::Result<Option<String>> {
        let v = self
            .run(
                "const el = doc && doc.querySelector(args[0]); return el ? el.textContent : null;",
                vec![json!(selector)],
            )
            .await?;
        Ok(v.as_str().map(str::to_owned))
    }

    async fn prop(&self, selector: &str, name: &str) -> anyhow::Result<Value> {
        self.run(
            "const el = doc && doc.querySelector(args[0]); return el ? el[args[1]] : null;",
            vec![json!(selector), json!(name)],
        )
        .await
    }

    async fn wait_text(&self, selector: &str, needle: &str) -> anyhow::Result<String> {
        let what = format!("{selector} to contain {needle:?}");
        wait_until(&what, PATIENCE, || async move {
            Ok(self.text(selector).await?.filter(|t| t.contains(needle)))
        })
        .await
    }

    async fn count(&self, selector: &str) -> anyhow::Result<u64> {
        let v = self
            .run(
                "return doc ? doc.querySelectorAll(args[0]).length : 0;",
                vec![json!(selector)],
            )
            .await?;
        Ok(v.as_u64().unwrap_or(0))
    }

    async fn wait_for(&self, selector: &str) -> anyhow::Result<()> {
        wait_until(selector, PATIENCE, || async move {
            Ok((self.count(selector).await? > 0).then_some(()))
        })
        .await
    }

    async fn click(&self, selector: &str) -> anyhow::Result<()> {
        let ok = self
            .run(
                "const el = doc && doc.querySelector(args[0]); if (!el) return false; el.click(); return true;",
                vec![json!(selector)],
            )
            .await?;
        anyhow::ensure!(ok == json!(true), "nothing matches {selector}");
        Ok(())
    }

    async fn type_note(&self, note: &str) -> anyhow::Result<()> {
        let ok = self
            .run(
                "const el = doc && doc.querySelector('textarea[name=note]'); if (!el) return false;\n\
                 el.value = args[0]; el.dispatchEvent(new Event('input', {bubbles: true})); return true;",
                vec![json!(note)],
            )
            .await?;
        anyhow::ensure!(ok == json!(true), "no note field");
        Ok(())
    }
}

async fn demo_and_browser() -> anyhow::Result<(RunningDemo, Browser)> {
    let demo = demo_crm::spawn(DemoConfig::new(dist_dir()?), 0).await?;
    let browser = Browser::start().await?;
    Ok((demo, browser))
}

/// Rings `from` for the agent; the activity name and call id Daktela would put in the URL.
fn ring(demo: &RunningDemo, from: &str) -> anyhow::Result<(String, String)> {
    let rang = demo.sim.ring(&RingRequest {
        agent: AGENT.into(),
        from: from.into(),
        queue: Some(1001),
        did: None,
    })?;
    Ok((rang.activity, rang.id_call))
}

fn query(clid: &str, direction: &str, call_id: &str, activity: &str) -> String {
    format!("clid={clid}&direction={direction}&callid={call_id}&activity={activity}")
}

/// The CRM's pairings (`GET /api/pairings`).
async fn pairings(demo: &RunningDemo) -> anyhow::Result<Vec<Value>> {
    let body = get_json(&format!("{}/api/pairings", demo.url())).await?;
    Ok(body.as_array().cloned().unwrap_or_default())
}

async fn call_logs(demo: &RunningDemo) -> anyhow::Result<Vec<Value>> {
    let body = get_json(&format!("{}/api/call-logs", demo.url())).await?;
    Ok(body.as_array().cloned().unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_callers_record_shows_and_a_transfer_shows_the_same_one() -> anyhow::Result<()> {
    let (demo, browser) = demo_and_browser().await?;
    let widget = Widget {
        client: &browser.client,
    };
    // Jan Novák (C-1002), as Daktela stores the number.
    let (activity, call_id) = ring(&demo, "+420777123456")?;
    let url = demo.agent_view_url(&query("00420777123456", "in", &call_id, &activity));
    browser.client.goto(&url).await?;
    widget
        .wait_for(".dcti-w-match[data-record='C-1002']")
        .await?;
    widget
        .wait_text(".dcti-w-match .dcti-w-name", "Jan Novák")
        .await?;
    let href = widget.prop(".dcti-w-open", "href").await?;
    assert!(
        href.as_str()
            .is_some_and(|h| h.ends_with("/contacts/C-1002")),
        "{href}"
    );
    widget.wait_text(".dcti-w-call", "00420777123456").await?;

    // A transfer: the same call, a new activity for the next agent.
    let transferred = format!("{activity}_2");
    let url = demo.agent_view_url(&query("00420777123456", "in", &call_id, &transferred));
    browser.client.goto(&url).await?;
    widget
        .wait_for(".dcti-w-match[data-record='C-1002']")
        .await?;

    // Opening the widget wrote nothing.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(pairings(&demo).await?.is_empty());
    assert!(call_logs(&demo).await?.is_empty());
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_note_is_saved_once_across_reloads_and_never_as_a_call_log() -> anyhow::Result<()> {
    let (demo, browser) = demo_and_browser().await?;
    let widget = Widget {
        client: &browser.client,
    };
    let (activity, call_id) = ring(&demo, "+420777123456")?;
    let url = demo.agent_view_url(&query("777123456", "in", &call_id, &activity));
    browser.client.goto(&url).await?;
    widget
        .wait_for(".dcti-w-match[data-record='C-1002']")
        .await?;
    widget.type_note("Wants a quote for 40 m²").await?;
    widget.click("button.dcti-w-save").await?;
    widget
        .wait_for(".dcti-w-status[data-state='saved']")
        .await?;
    let saved = pairings(&demo).await?;
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0]["activity"], activity.as_str());
    assert_eq!(saved[0]["record"]["call_id"], call_id.as_str());
    assert_eq!(saved[0]["record"]["crm_record"]["id"], "C-1002");
    assert_eq!(saved[0]["record"]["note"], "Wants a quote for 40 m²");

    // Reload the frame's page: the saved state shows, nothing is sent again.
    browser.client.refresh().await?;
    widget
        .wait_for(".dcti-w-status[data-state='saved']")
        .await?;
    let note = widget.prop("textarea[name=note]", "value").await?;
    assert_eq!(note, json!("Wants a quote for 40 m²"));
    // Saving the same again is already delivered; the flush loop has run at least once.
    widget.click("button.dcti-w-save").await?;
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    let saved = pairings(&demo).await?;
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0]["puts"], 1, "sent once: {saved:?}");
    assert!(call_logs(&demo).await?.is_empty());

    // The next agent's activity of the same call starts with the same record, and pairs too.
    let transferred = format!("{activity}_2");
    let url = demo.agent_view_url(&query("777123456", "in", &call_id, &transferred));
    browser.client.goto(&url).await?;
    widget
        .wait_for(".dcti-w-match[data-record='C-1002']")
        .await?;
    assert_eq!(widget.count(".dcti-w-status").await?, 0, "a new activity");
    widget.click("button.dcti-w-save").await?;
    widget
        .wait_for(".dcti-w-status[data-state='saved']")
        .await?;
    let saved = pairings(&demo).await?;
    assert_eq!(saved.len(), 2);
    assert_eq!(saved[1]["record"]["call_id"], call_id.as_str());
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn several_matches_are_a_pick_list_and_none_offers_create_contact() -> anyhow::Result<()> {
    let (demo, browser) = demo_and_browser().await?;
    let widget = Widget {
        client: &browser.client,
    };
    // A switchboard number two contacts share (C-1004, C-1005).
    let url = demo.agent_view_url(&query("222333444", "in", "1WS.7", "activities_many"));
    browser.client.goto(&url).await?;
    widget.wait_for(".dcti-w-pick").await?;
    assert_eq!(widget.count(".dcti-w-pick input[type=radio]").await?, 2);
    widget
        .click(".dcti-w-row[data-record='C-1005'] input")
        .await?;
    widget.click("button.dcti-w-save").await?;
    widget
        .wait_for(".dcti-w-status[data-state='saved']")
        .await?;
    let saved = pairings(&demo).await?;
    assert_eq!(saved[0]["record"]["crm_record"]["id"], "C-1005");
    // The transferred call's next activity starts with the record the first agent chose.
    let url = demo.agent_view_url(&query("222333444", "in", "1WS.7", "activities_many_2"));
    browser.client.goto(&url).await?;
    widget.wait_for(".dcti-w-pick").await?;
    let chosen = widget
        .prop(".dcti-w-row[data-record='C-1005'] input", "checked")
        .await?;
    assert_eq!(chosen, json!(true));
    assert_eq!(pairings(&demo).await?.len(), 1, "choosing is not saving");

    // An outbound call to a number the CRM does not know.
    let url = demo.agent_view_url(&query("608999000", "out", "1WS.8", "activities_none"));
    browser.client.goto(&url).await?;
    widget.wait_for("[data-state='none']").await?;
    let href = widget.prop("a.dcti-w-create", "href").await?;
    assert!(
        href.as_str()
            .is_some_and(|h| h.ends_with("/contacts/new?phone=%2B420608999000")),
        "{href}"
    );
    widget
        .wait_text(".dcti-w-call", "Outgoing call to 608999000")
        .await?;
    assert_eq!(widget.count("button.dcti-w-save").await?, 0);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_parameters_show_a_message_naming_them_and_write_nothing() -> anyhow::Result<()> {
    let (demo, browser) = demo_and_browser().await?;
    let widget = Widget {
        client: &browser.client,
    };
    for (q, param) in [
        (
            query("777123456", "sideways", "1WS.1", "act_1"),
            "direction",
        ),
        (
            "clid=777123456&direction=in&callid=1WS.1".to_owned(),
            "activity",
        ),
        (query("777123456", "in", "1WS.1", "act%3Cb%3E"), "activity"),
        (query("not-a-number", "in", "1WS.1", "act_1"), "clid"),
    ] {
        browser.client.goto(&demo.agent_view_url(&q)).await?;
        let selector = format!(".dcti-w-error[data-param='{param}']");
        widget.wait_for(&selector).await?;
        widget.wait_text(&selector, param).await?;
        assert_eq!(widget.count("form, button").await?, 0, "{q}");
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(pairings(&demo).await?.is_empty());
    assert!(call_logs(&demo).await?.is_empty());
    Ok(())
}
