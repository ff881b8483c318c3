//! Plain-text numbers on a CRM page, end to end: the Trunk build of the panel on the demo CRM's
//! contact page, the simulator on the same origin, headless Chromium moved by WebDriver's
//! pointer actions (real mouse events, not scripted ones).

use std::time::Duration;

use daktela_cti_e2e::{Browser, PATIENCE, Panel, dist_dir, log_in_ready, wait_until};
use daktela_sim::RequestFilter;
use demo_crm::{DemoConfig, RunningDemo};
use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use serde_json::{Value, json};

const AGENT: &str = "agent1";
const OUTBOUND: &str = "2001";

/// The viewport rectangle `{x, y, w, h}` of `needle` written as plain text in the page's main
/// content, found the way the agent sees it: in a text node, not in a link.
const TEXT_RECT: &str = "
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.data.indexOf(arguments[0]);
        if (at < 0 || n.parentElement.closest('a, #daktela-cti')) continue;
        n.parentElement.scrollIntoView({ block: 'center' });
        const r = document.createRange();
        r.setStart(n, at); r.setEnd(n, at + arguments[0].length);
        const b = r.getBoundingClientRect();
        return { x: b.left, y: b.top, w: b.width, h: b.height };
    }
    return null;";

/// The overlay's call button, if shown: `{x, y, w, h, number}`.
const BUTTON: &str = "
    const host = document.getElementById('daktela-cti-numbers');
    const b = host && host.shadowRoot.querySelector('button');
    if (!b || b.hidden) return null;
    const r = b.getBoundingClientRect();
    return { x: r.left, y: r.top, w: r.width, h: r.height, number: b.dataset.number };";

fn center(rect: &Value) -> anyhow::Result<(f64, f64)> {
    let get = |k: &str| {
        rect[k]
            .as_f64()
            .ok_or_else(|| anyhow::anyhow!("no {k} in {rect}"))
    };
    Ok((get("x")? + get("w")? / 2.0, get("y")? + get("h")? / 2.0))
}

fn move_to(x: f64, y: f64) -> PointerAction {
    PointerAction::MoveTo {
        duration: Some(Duration::from_millis(50)),
        x: x.round(),
        y: y.round(),
    }
}

async fn ready_agent(demo: &RunningDemo) -> anyhow::Result<Browser> {
    let browser = Browser::start().await?;
    browser
        .client
        .goto(&format!("{}/contacts/C-1001", demo.url()))
        .await?;
    let panel = Panel::new(&browser.client);
    log_in_ready(&panel, &demo.sim, AGENT, "agent1pass", &[OUTBOUND]).await?;
    Ok(browser)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hovering_a_plain_text_number_and_clicking_call_dials_it_exactly_once() -> anyhow::Result<()>
{
    let mut config = DemoConfig::new(dist_dir()?);
    config.sim.outbound_answer_after = None;
    let demo = demo_crm::spawn(config, 0).await?;
    let browser = ready_agent(&demo).await?;
    let client = &browser.client;
    let panel = Panel::new(client);
    let before: Value = client
        .execute("return document.querySelector('main').innerHTML;", vec![])
        .await?;

    // Jana Nováková's home number is plain text on her contact page (not a tel: link).
    let rect = wait_until("the plain-text number", PATIENCE, || async {
        let rect = client
            .execute(TEXT_RECT, vec![json!("602 987 654")])
            .await?;
        Ok((!rect.is_null()).then_some(rect))
    })
    .await?;
    let (x, y) = center(&rect)?;
    // The scanner works after load in batches: move over the number until the button shows.
    let button = wait_until("the call button over the number", PATIENCE, || async {
        let wiggle = MouseActions::new("mouse".into())
            .then(move_to(x - 3.0, y))
            .then(move_to(x, y));
        client.perform_actions(wiggle).await?;
        tokio::time::sleep(Duration::from_millis(100)).await;
        let button = client.execute(BUTTON, vec![]).await?;
        Ok((!button.is_null()).then_some(button))
    })
    .await?;
    assert_eq!(button["number"], "+420602987654");
    let (bx, by) = center(&button)?;
    let click = MouseActions::new("mouse".into())
        .then(move_to(bx, by))
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    client.perform_actions(click).await?;

    panel.wait_for(".dcti-call[data-phase]").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let calls = demo.sim.requests(&RequestFilter {
        method: Some("POST".into()),
        path: Some("/api/v6/activities".into()),
        contains: Some("00420602987654".into()),
    });
    assert_eq!(calls.len(), 1, "exactly one click-to-call");
    assert_eq!(
        calls[0].body["queue"].to_string().trim_matches('"'),
        OUTBOUND
    );
    // Still on the contact page, and the CRM's markup is exactly what it rendered.
    assert!(
        client
            .current_url()
            .await?
            .path()
            .ends_with("/contacts/C-1001")
    );
    let after: Value = client
        .execute("return document.querySelector('main').innerHTML;", vec![])
        .await?;
    assert_eq!(before, after);
    Ok(())
}
