//! One agent, many CRM tabs (issue 8): one Daktela session for all of them, every tab showing
//! the same state, one pop and one ring per call in the tab the agent used last, one CRM log per
//! call even when the leading tab closes mid-wrap-up, and the faults a long day brings.

use std::time::Duration;

use daktela_cti_e2e::{
    Browser, PATIENCE, Panel, crm_logs, dist_dir, log_in_ready, wait_for_logged_note, wait_until,
};
use daktela_sim::{FaultKind, FaultSpec, HangupOverrides, RequestFilter, RingRequest};
use demo_crm::{DemoConfig, RunningDemo};
use fantoccini::Client;
use fantoccini::wd::WindowHandle;

const AGENT: &str = "agent1";
const INBOUND: &str = "1001";

/// The demo CRM and a browser whose first tab shows a contact with agent1 logged in, ready.
async fn first_tab() -> anyhow::Result<(RunningDemo, Browser, WindowHandle)> {
    let demo = demo_crm::spawn(DemoConfig::new(dist_dir()?), 0).await?;
    let browser = Browser::start().await?;
    let client = &browser.client;
    client
        .goto(&format!("{}/contacts/C-1001", demo.url()))
        .await?;
    log_in_ready(
        &Panel::new(client),
        &demo.sim,
        AGENT,
        "agent1pass",
        &[INBOUND],
    )
    .await?;
    let first = client.window().await?;
    Ok((demo, browser, first))
}

/// Opens another CRM tab on the contact list and waits until its panel shows the agent ready,
/// with no login of its own.
async fn open_tab(client: &Client, demo: &RunningDemo) -> anyhow::Result<WindowHandle> {
    let tab = client.new_window(true).await?.handle;
    client.switch_to_window(tab.clone()).await?;
    client.goto(&demo.contacts_url()).await?;
    let panel = Panel::new(client);
    panel
        .wait_attr(".dcti-agent", "data-state", "ready")
        .await?;
    Ok(tab)
}

async fn role(client: &Client) -> anyhow::Result<Option<String>> {
    Panel::new(client)
        .attr(".dcti-panel", "data-tab-role")
        .await
}

fn ring(demo: &RunningDemo, from: &str) -> anyhow::Result<String> {
    Ok(demo
        .sim
        .ring(&RingRequest {
            agent: AGENT.into(),
            from: from.into(),
            queue: Some(1001),
            did: None,
        })?
        .activity)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tabs_share_one_session_and_a_call_pops_once_in_the_tab_used_last() -> anyhow::Result<()> {
    let (demo, browser, first) = first_tab().await?;
    let client = &browser.client;
    let second = open_tab(client, &demo).await?;
    let panel = Panel::new(client);
    assert_eq!(role(client).await?.as_deref(), Some("follower"));

    // A pause chosen in the second tab shows in the first within a second.
    panel.fill("select.dcti-pause", "pause_lunch").await?;
    panel
        .wait_attr(".dcti-agent", "data-state", "paused")
        .await?;
    client.switch_to_window(first.clone()).await?;
    wait_until(
        "the first tab to show the pause",
        Duration::from_secs(1),
        || async {
            Ok(
                (panel.attr(".dcti-agent", "data-state").await?.as_deref() == Some("paused"))
                    .then_some(()),
            )
        },
    )
    .await?;
    assert_eq!(role(client).await?.as_deref(), Some("leader"));
    panel.click(".dcti-agent button.dcti-primary").await?;
    panel
        .wait_attr(".dcti-agent", "data-state", "ready")
        .await?;

    // The agent works in the second tab: the call pops there, once, and rings there.
    client.switch_to_window(second.clone()).await?;
    panel.click(".dcti-title").await?;
    let windows_before = client.windows().await?.len();
    let activity = ring(&demo, "+420608999000")?;
    panel
        .wait_attr(".dcti-call", "data-phase", "ringing")
        .await?;
    wait_until(
        "the title flashing in the tab used last",
        PATIENCE,
        || async {
            let title = client.execute("return document.title;", vec![]).await?;
            Ok(title
                .as_str()
                .is_some_and(|t| t.contains("Incoming call"))
                .then_some(()))
        },
    )
    .await?;
    wait_until("the screen pop", PATIENCE, || async {
        Ok((client.windows().await?.len() == windows_before + 1).then_some(()))
    })
    .await?;
    client.switch_to_window(first.clone()).await?;
    panel
        .wait_attr(".dcti-call", "data-phase", "ringing")
        .await?;
    let title = client.execute("return document.title;", vec![]).await?;
    assert!(
        !title.as_str().unwrap_or_default().contains("Incoming call"),
        "the leader's tab stays quiet: {title}"
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        client.windows().await?.len(),
        windows_before + 1,
        "one pop, not one per tab"
    );

    demo.sim.answer(Some(&activity), None)?;
    demo.sim
        .hangup(Some(&activity), None, &HangupOverrides::default())?;
    client.switch_to_window(second).await?;
    panel.wait_for("form.dcti-wrap-up").await?;
    panel
        .fill("textarea[name=note]", "Wants a callback")
        .await?;
    panel.submit("form.dcti-wrap-up").await?;
    wait_for_logged_note(&demo, "Wants a callback").await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let logs = crm_logs(&demo).await?;
    assert_eq!(
        logs.len(),
        1,
        "one log per call across three tabs: {logs:?}"
    );
    assert_eq!(logs[0]["record"]["external_id"], activity.as_str());
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_leader_closing_mid_wrap_up_loses_nothing_and_doubles_nothing() -> anyhow::Result<()> {
    let (demo, browser, first) = first_tab().await?;
    let client = &browser.client;
    let panel = Panel::new(client);
    // Pops go to the first tab (the one used last), so no third tab joins.
    let second = open_tab(client, &demo).await?;
    client.switch_to_window(first.clone()).await?;
    panel.click(".dcti-title").await?;
    let activity = ring(&demo, "+420777123456")?;
    panel
        .wait_attr(".dcti-call", "data-phase", "ringing")
        .await?;
    demo.sim.answer(Some(&activity), None)?;
    panel
        .wait_attr(".dcti-call", "data-phase", "talking")
        .await?;
    demo.sim
        .hangup(Some(&activity), None, &HangupOverrides::default())?;
    panel.wait_for("form.dcti-wrap-up").await?;

    // The leader's tab closes (the pop's tab, if any, closes too: only the second is left).
    for handle in client.windows().await? {
        if handle != second {
            client.switch_to_window(handle).await?;
            client.close_window().await?;
        }
    }
    client.switch_to_window(second).await?;
    wait_until("the second tab to lead", Duration::from_secs(2), || async {
        Ok((role(client).await?.as_deref() == Some("leader")).then_some(()))
    })
    .await?;
    panel.wait_for("form.dcti-wrap-up").await?;
    panel
        .fill("textarea[name=note]", "Closed the other tab")
        .await?;
    // The agent's state changes while they type: the re-read must not wipe the note.
    demo.sim
        .set_pause(AGENT, Some("pause_lunch"))
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    panel
        .wait_attr(".dcti-agent", "data-state", "paused")
        .await?;
    panel.submit("form.dcti-wrap-up").await?;
    wait_for_logged_note(&demo, "Closed the other tab").await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let logs = crm_logs(&demo).await?;
    assert_eq!(logs.len(), 1, "{logs:?}");
    assert_eq!(
        logs[0]["record"]["answered"], true,
        "the new leader kept the call as it was"
    );
    let dispositions = demo.sim.requests(&RequestFilter {
        method: Some("PUT".into()),
        path: Some(activity.clone()),
        contains: None,
    });
    assert_eq!(dispositions.len(), 1, "one disposition: {dispositions:?}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_tabs_load_daktela_like_one() -> anyhow::Result<()> {
    let (demo, browser, _first) = first_tab().await?;
    let client = &browser.client;
    for _ in 0..4 {
        open_tab(client, &demo).await?;
    }
    let mut leaders = 0;
    for handle in client.windows().await? {
        client.switch_to_window(handle).await?;
        if role(client).await?.as_deref() == Some("leader") {
            leaders += 1;
        }
    }
    assert_eq!(leaders, 1, "exactly one tab leads");
    // Idle: the leader's pull data waits up to 15 s per request; followers send nothing.
    tokio::time::sleep(Duration::from_secs(1)).await;
    demo.sim.clear_requests();
    tokio::time::sleep(Duration::from_secs(6)).await;
    let requests = demo.sim.requests(&RequestFilter::default());
    assert!(
        requests.len() <= 3,
        "idle load of one session, not five: {:?}",
        requests.iter().map(|r| &r.path).collect::<Vec<_>>()
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn faults_show_as_reconnecting_with_the_next_try_then_recover() -> anyhow::Result<()> {
    let (demo, browser, _first) = first_tab().await?;
    let client = &browser.client;
    let panel = Panel::new(client);
    // A dropped long-poll, a burst of 503s, then 429 with Retry-After: 2.
    demo.sim.inject_fault(FaultSpec {
        kind: FaultKind::Drop,
        count: 1,
        path_contains: Some("appPullData".into()),
    });
    demo.sim.inject_fault(FaultSpec {
        kind: FaultKind::Status {
            status: 503,
            body: None,
        },
        count: 2,
        path_contains: Some("realtimeSessions".into()),
    });
    demo.sim.inject_fault(FaultSpec {
        kind: FaultKind::RateLimit {
            retry_after_secs: 2,
        },
        count: 1,
        path_contains: Some("realtimeSessions".into()),
    });
    // Something changes, so the waiting long-poll answers and the panel hits the faults.
    demo.sim
        .set_pause(AGENT, Some("pause_lunch"))
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    panel
        .wait_attr(".dcti-connection", "data-state", "reconnecting")
        .await?;
    panel.wait_text(".dcti-connection", "next try in").await?;
    wait_until("the panel to recover", Duration::from_secs(30), || async {
        Ok((panel
            .attr(".dcti-connection", "data-state")
            .await?
            .as_deref()
            == Some("connected"))
        .then_some(()))
    })
    .await?;
    panel
        .wait_attr(".dcti-agent", "data-state", "paused")
        .await?;
    assert!(demo.sim.faults().is_empty(), "every fault was hit");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_login_expiring_mid_call_keeps_the_call_and_a_login_in_any_tab_resumes()
-> anyhow::Result<()> {
    let (demo, browser, first) = first_tab().await?;
    let client = &browser.client;
    let panel = Panel::new(client);
    let second = open_tab(client, &demo).await?;
    client.switch_to_window(first).await?;
    panel.click(".dcti-title").await?;
    let activity = ring(&demo, "+420602111222")?;
    demo.sim.answer(Some(&activity), None)?;
    panel
        .wait_attr(".dcti-call", "data-phase", "talking")
        .await?;

    demo.sim.expire_tokens(Some(AGENT), true);
    // Something changes, so the leader reads again and meets the expired token.
    demo.sim
        .set_pause(AGENT, None)
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    client.switch_to_window(second).await?;
    panel
        .wait_attr(".dcti-connection", "data-state", "login-expired")
        .await?;
    assert_eq!(panel.count(".dcti-call").await?, 1, "the call card stays");

    // Logging in again in the follower resumes the session for every tab.
    panel.log_in(AGENT, "agent1pass").await?;
    panel
        .wait_attr(".dcti-call", "data-phase", "talking")
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dial_whose_answer_is_lost_is_checked_never_sent_twice() -> anyhow::Result<()> {
    let (demo, browser, _first) = first_tab().await?;
    let panel = Panel::new(&browser.client);
    panel.click("label[data-queue='2001'] input").await?;
    wait_until("the outbound queue login", PATIENCE, || async {
        Ok(demo
            .sim
            .read(|w| {
                w.sessions
                    .get(AGENT)
                    .is_some_and(|s| s.queues.contains_key(&2001))
            })
            .then_some(()))
    })
    .await?;
    tokio::time::sleep(Duration::from_secs(1)).await;
    // The leader is waiting on pull data, so the next activities request is the dial's POST.
    demo.sim.inject_fault(FaultSpec {
        kind: FaultKind::Status {
            status: 502,
            body: Some("<html>Bad gateway</html>".into()),
        },
        count: 1,
        path_contains: Some("activities.json".into()),
    });
    panel
        .fill("form.dcti-dial input[name=number]", "602 111 333")
        .await?;
    panel.submit("form.dcti-dial").await?;
    panel
        .wait_text("[role=alert]", "not among your calls")
        .await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let dials = demo.sim.requests(&RequestFilter {
        method: Some("POST".into()),
        path: Some("/api/v6/activities".into()),
        contains: Some("602111333".into()),
    });
    assert_eq!(dials.len(), 1, "never re-sent on its own: {dials:?}");
    assert_eq!(panel.count(".dcti-call").await?, 0);
    Ok(())
}
