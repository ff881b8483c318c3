//! The agent's own arrangement of the panel: language, corner and minimised state are changed
//! from the header with ordinary controls and are still there after a reload.

use daktela_cti_e2e::{Browser, PATIENCE, Panel, dist_dir, wait_until};
use demo_crm::DemoConfig;
use serde_json::Value;

/// Where the panel's box is on the page, and the host's `data-corner`.
const GEOMETRY: &str = r#"
    const host = document.getElementById('daktela-cti');
    const panel = host && host.shadowRoot && host.shadowRoot.querySelector('.dcti-panel');
    if (!panel) return null;
    const r = panel.getBoundingClientRect();
    return { corner: host.getAttribute('data-corner'), left: r.left, right: innerWidth - r.right };
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn language_corner_and_minimised_are_kept_across_a_reload() -> anyhow::Result<()> {
    let demo = demo_crm::spawn(DemoConfig::new(dist_dir()?), 0).await?;
    let browser = Browser::start().await?;
    let client = &browser.client;
    client.goto(&demo.contacts_url()).await?;
    let panel = Panel::new(client);
    panel.wait_for("form.dcti-login").await?;
    assert_eq!(
        panel.attr(".dcti-panel", "lang").await?.as_deref(),
        Some("en")
    );

    // Czech, picked from the header: the whole panel speaks it at once.
    panel.fill("select.dcti-lang", "cs").await?;
    panel.wait_attr(".dcti-panel", "lang", "cs").await?;
    panel.wait_text(".dcti-connection", "Nepřipojeno").await?;

    // Moved one corner on (bottom right → bottom left) and minimised.
    panel.click("button.dcti-move").await?;
    panel.click("button.dcti-collapse").await?;
    panel
        .wait_attr("button.dcti-collapse", "aria-expanded", "false")
        .await?;
    assert_eq!(panel.count(".dcti-body[hidden]").await?, 1);

    client.refresh().await?;
    panel.wait_attr(".dcti-panel", "lang", "cs").await?;
    panel
        .wait_attr("button.dcti-collapse", "aria-expanded", "false")
        .await?;
    assert_eq!(
        panel.count(".dcti-body[hidden]").await?,
        1,
        "still minimised"
    );
    let geometry = wait_until("the panel's box", PATIENCE, || async {
        let v = client.execute(GEOMETRY, vec![]).await?;
        Ok((v != Value::Null).then_some(v))
    })
    .await?;
    assert_eq!(geometry["corner"], "bottom-left", "{geometry}");
    let (left, right) = (
        geometry["left"].as_f64().unwrap_or(f64::NAN),
        geometry["right"].as_f64().unwrap_or(f64::NAN),
    );
    assert!(left < right, "the panel sits on the left: {geometry}");

    // Opened again: the body shows and the button says so.
    panel.click("button.dcti-collapse").await?;
    panel
        .wait_attr("button.dcti-collapse", "aria-expanded", "true")
        .await?;
    assert_eq!(panel.count(".dcti-body[hidden]").await?, 0);
    assert_eq!(panel.count("form.dcti-login").await?, 1);
    Ok(())
}
