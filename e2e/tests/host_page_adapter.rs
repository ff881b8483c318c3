//! The host-page CRM adapter, as an in-house CRM would use it: the page registers
//! `window.DaktelaCtiHost` with `lookup`, `log` and `open`, and the panel (the Trunk build)
//! looks the caller up, pops the record through the page's own router and delivers the call
//! log once, through those functions only.

use daktela_cti_e2e::{Browser, PATIENCE, Panel, dist_dir, log_in_ready, wait_until};
use daktela_sim::{HangupOverrides, RingRequest};
use demo_crm::DemoConfig;
use serde_json::{Value, json};

/// The CRM page's side of the contract (src/browser/crm/host_page.rs): it records what the
/// panel asked, answers one match, takes logs as an upsert and opens pops itself.
const REGISTER_HOST: &str = r#"
    window.DaktelaCtiHost = {
      lookups: [], opened: [], logs: {}, log_calls: 0,
      lookup(e164) {
        this.lookups.push(e164);
        return Promise.resolve([{ id: "H-7", name: "Hana Hostová", url: "/contacts/C-1002" }]);
      },
      log(record) {
        this.log_calls += 1;
        this.logs[record.external_id] = record;
        return "LOG-" + record.external_id;
      },
      open(target) { this.opened.push(target); return true; },
    };
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_in_house_crm_gets_lookup_pop_and_one_log_through_its_page_functions()
-> anyhow::Result<()> {
    let mut config = DemoConfig::new(dist_dir()?);
    config.panel_extra =
        json!({"crm": {"adapter": "host_page", "lookup_url": null, "log_url": null}});
    let demo = demo_crm::spawn(config, 0).await?;
    let browser = Browser::start().await?;
    let client = &browser.client;
    client.goto(&demo.contacts_url()).await?;
    client.execute(REGISTER_HOST, vec![]).await?;
    let panel = Panel::new(client);
    log_in_ready(&panel, &demo.sim, "agent1", "agent1pass", &["1001"]).await?;
    let windows_before = client.windows().await?.len();

    let rang = demo.sim.ring(&RingRequest {
        agent: "agent1".into(),
        from: "+420777123456".into(),
        queue: Some(1001),
        did: None,
    })?;
    panel.wait_text(".dcti-crm", "Hana Hostová").await?;
    let host = |path: &'static str| async move {
        let script = format!("return window.DaktelaCtiHost.{path};");
        Ok::<Value, anyhow::Error>(client.execute(&script, vec![]).await?)
    };
    let opened = wait_until("the pop through the page's open()", PATIENCE, || async {
        let opened = host("opened").await?;
        Ok(opened.as_array().filter(|o| !o.is_empty()).cloned())
    })
    .await?;
    assert_eq!(host("lookups").await?, json!(["+420777123456"]));
    assert_eq!(opened.len(), 1, "one pop: {opened:?}");
    let url = opened[0]["url"].as_str().unwrap_or_default();
    assert_eq!(url, format!("{}/contacts/C-1002", demo.url()), "absolute");
    assert_eq!(
        client.windows().await?.len(),
        windows_before,
        "the page opened the pop itself, the panel opened no tab"
    );

    demo.sim.answer(Some(&rang.activity), None)?;
    panel
        .wait_attr(".dcti-call", "data-phase", "talking")
        .await?;
    demo.sim
        .hangup(Some(&rang.activity), None, &HangupOverrides::default())?;
    panel.wait_for("form.dcti-wrap-up").await?;
    panel
        .fill("select[name=disposition]", "statuses_callback")
        .await?;
    panel
        .fill("textarea[name=note]", "Call back on Friday")
        .await?;
    panel.submit("form.dcti-wrap-up").await?;

    let record = wait_until("the log with the disposition", PATIENCE, || async {
        let logs = host("logs").await?;
        Ok(logs
            .get(rang.activity.as_str())
            .filter(|r| r["note"] == "Call back on Friday")
            .cloned())
    })
    .await?;
    assert_eq!(record["direction"], "in");
    assert_eq!(record["remote_number"], "+420777123456");
    assert_eq!(record["crm_record"], "H-7");
    assert_eq!(record["disposition"], json!(["statuses_callback"]));
    let logs = host("logs").await?;
    assert_eq!(
        logs.as_object().map(|l| l.len()),
        Some(1),
        "one log per call"
    );
    Ok(())
}
