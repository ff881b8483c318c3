//! The agent's loop, end to end: the Trunk build of the panel on the demo CRM's contact pages,
//! the Daktela simulator on the same origin, headless Chromium. Each test plays one part of an
//! agent's day and asserts what the agent, Daktela and the CRM would each notice.

use std::time::Duration;

use daktela_cti_e2e::{
    Browser, PATIENCE, Panel, crm_logs, dist_dir, log_in_ready, wait_for_logged_note, wait_until,
};
use daktela_sim::{HangupOverrides, RequestFilter, RingRequest};
use demo_crm::{DemoConfig, RunningDemo};

const AGENT: &str = "agent1";
const INBOUND: &str = "1001";
const OUTBOUND: &str = "2001";

/// A demo CRM with the simulator, and a browser on a contact page with agent1 logged in to an
/// inbound and an outbound queue, ready.
async fn ready_agent() -> anyhow::Result<(RunningDemo, Browser)> {
    let mut config = DemoConfig::new(dist_dir()?);
    // Outbound calls ring until the test answers them.
    config.sim.outbound_answer_after = None;
    let demo = demo_crm::spawn(config, 0).await?;
    let browser = Browser::start().await?;
    browser
        .client
        .goto(&format!("{}/contacts/C-1001", demo.url()))
        .await?;
    let panel = Panel::new(&browser.client);
    log_in_ready(&panel, &demo.sim, AGENT, "agent1pass", &[INBOUND, OUTBOUND]).await?;
    Ok((demo, browser))
}

fn click_to_calls(demo: &RunningDemo, number: &str) -> usize {
    demo.sim
        .requests(&RequestFilter {
            method: Some("POST".into()),
            path: Some("/api/v6/activities".into()),
            contains: Some(number.into()),
        })
        .len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_pauses_with_a_reason_and_comes_back_to_ready() -> anyhow::Result<()> {
    let (_demo, browser) = ready_agent().await?;
    let panel = Panel::new(&browser.client);
    panel.fill("select.dcti-pause", "pause_lunch").await?;
    panel
        .wait_attr(".dcti-agent", "data-state", "paused")
        .await?;
    panel.wait_text(".dcti-state-label", "Lunch").await?;
    panel.click(".dcti-agent button.dcti-primary").await?;
    panel
        .wait_attr(".dcti-agent", "data-state", "ready")
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tel_link_dials_through_daktela_exactly_once() -> anyhow::Result<()> {
    let (demo, browser) = ready_agent().await?;
    let panel = Panel::new(&browser.client);
    // The contact page's mobile number: <a href="tel:+420226211245">.
    browser
        .client
        .execute(
            "document.querySelector('a[href^=\"tel:\"]').click();",
            vec![],
        )
        .await?;
    panel.wait_for(".dcti-call[data-phase]").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(click_to_calls(&demo, "00420226211245"), 1);
    let call = &demo.sim.requests(&RequestFilter {
        method: Some("POST".into()),
        path: Some("/api/v6/activities".into()),
        contains: Some("00420226211245".into()),
    })[0];
    assert_eq!(call.body["queue"].to_string().trim_matches('"'), OUTBOUND);
    // The page is still the CRM page: the OS tel: handler did not take over.
    assert!(
        browser
            .client
            .current_url()
            .await?
            .path()
            .ends_with("/contacts/C-1001")
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_inbound_call_pops_the_record_once_and_lands_in_the_crm_once() -> anyhow::Result<()> {
    let (demo, browser) = ready_agent().await?;
    let client = &browser.client;
    let panel = Panel::new(client);
    let windows_before = client.windows().await?.len();
    let rang = demo.sim.ring(&RingRequest {
        agent: AGENT.into(),
        from: "+420777123456".into(),
        queue: Some(1001),
        did: None,
    })?;
    panel
        .wait_attr(".dcti-call", "data-phase", "ringing")
        .await?;
    panel.wait_text(".dcti-crm", "CRM match").await?;
    // The screen pop: one new tab, on the one matching record (Jan Novák, C-1002).
    let pop = wait_until("the screen pop", PATIENCE, || async {
        let windows = client.windows().await?;
        Ok((windows.len() > windows_before).then_some(windows))
    })
    .await?;
    assert_eq!(pop.len(), windows_before + 1, "exactly one pop");
    demo.sim.answer(Some(&rang.activity), None)?;
    panel
        .wait_attr(".dcti-call", "data-phase", "talking")
        .await?;
    let overrides = HangupOverrides {
        ringing_time: Some(4),
        duration: Some(65),
        by: None,
    };
    demo.sim.hangup(Some(&rang.activity), None, &overrides)?;
    panel.wait_for("form.dcti-wrap-up").await?;
    panel
        .fill("select[name=disposition]", "statuses_sale")
        .await?;
    panel
        .fill("textarea[name=note]", "Wants a quote for 40 m²")
        .await?;
    panel.submit("form.dcti-wrap-up").await?;

    let log = wait_until("the CRM log with the disposition", PATIENCE, || async {
        let logs = crm_logs(&demo).await?;
        Ok(logs.into_iter().find(|l| {
            l["record"]["disposition"]
                .as_array()
                .is_some_and(|d| !d.is_empty())
        }))
    })
    .await?;
    let record = &log["record"];
    assert_eq!(record["external_id"], rang.activity.as_str());
    assert_eq!(record["direction"], "in");
    assert_eq!(record["remote_number"], "+420777123456");
    assert_eq!(record["answered"], true);
    assert_eq!(record["crm_record"], "C-1002");
    assert_eq!(record["note"], "Wants a quote for 40 m²");
    assert_eq!(record["disposition"][0], "statuses_sale");
    assert_eq!(crm_logs(&demo).await?.len(), 1, "one log per call");
    // Daktela got the disposition too.
    wait_until("the Daktela status", PATIENCE, || async {
        let statuses = demo.sim.read(|w| {
            w.activities
                .iter()
                .find(|a| a.name == rang.activity)
                .map(|a| a.statuses.clone())
        });
        Ok(statuses.filter(|s| s.iter().any(|n| n == "statuses_sale")))
    })
    .await?;
    assert_eq!(
        client.windows().await?.len(),
        windows_before + 1,
        "still one pop"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_during_wrap_up_loses_nothing_and_doubles_nothing() -> anyhow::Result<()> {
    let (demo, browser) = ready_agent().await?;
    let client = &browser.client;
    let panel = Panel::new(client);
    let rang = demo.sim.ring(&RingRequest {
        agent: AGENT.into(),
        from: "+420608999000".into(),
        queue: Some(1001),
        did: None,
    })?;
    panel
        .wait_attr(".dcti-call", "data-phase", "ringing")
        .await?;
    demo.sim.answer(Some(&rang.activity), None)?;
    demo.sim
        .hangup(Some(&rang.activity), None, &HangupOverrides::default())?;
    panel.wait_for("form.dcti-wrap-up").await?;
    client.refresh().await?;
    // The same tab after a reload: still logged in, the wrap-up still there.
    panel.wait_for("form.dcti-wrap-up").await?;
    panel
        .fill(
            "textarea[name=note]",
            "Unknown caller, asked for a brochure",
        )
        .await?;
    panel.submit("form.dcti-wrap-up").await?;
    wait_for_logged_note(&demo, "Unknown caller, asked for a brochure").await?;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let logs = crm_logs(&demo).await?;
    assert_eq!(logs.len(), 1, "one log, updated, never two: {logs:?}");
    assert_eq!(logs[0]["record"]["external_id"], rang.activity.as_str());
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_that_is_offline_says_what_to_do_and_dials_nothing() -> anyhow::Result<()> {
    let (demo, browser) = ready_agent().await?;
    let panel = Panel::new(&browser.client);
    demo.sim.set_phone(AGENT, false)?;
    panel
        .fill("form.dcti-dial input[name=number]", "602 111 222")
        .await?;
    panel.submit("form.dcti-dial").await?;
    panel.wait_text("[role=alert]", "phone is offline").await?;
    assert_eq!(panel.count(".dcti-call").await?, 0);
    Ok(())
}
