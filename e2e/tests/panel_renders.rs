//! The Trunk release build, served by the demo CRM on 127.0.0.1, opened in headless Chromium:
//! the panel renders inside the CRM page, in its shadow root, and the CRM page is intact.

use std::time::Duration;

use daktela_cti_e2e::{Browser, dist_dir, wait_until};
use demo_crm::DemoConfig;
use serde_json::Value;

/// Reads the panel's visible text from inside its shadow root (WebDriver's own selectors do not
/// pierce shadow roots, so this runs a small script in the page).
const PANEL_TEXT: &str = r#"
    const host = document.getElementById('daktela-cti');
    const root = host && host.shadowRoot;
    const panel = root && root.querySelector('.dcti-panel');
    return panel ? panel.innerText : null;
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn panel_renders_inside_the_demo_crm_page() -> anyhow::Result<()> {
    let config = DemoConfig::new(dist_dir()?);
    let demo = demo_crm::spawn(config, 0).await?;
    let browser = Browser::start().await?;
    let client = &browser.client;
    client.goto(&format!("{}/", demo.url())).await?;

    let text = wait_until("the panel to render", Duration::from_secs(15), || async {
        Ok(match client.execute(PANEL_TEXT, vec![]).await? {
            Value::String(text) => Some(text),
            _ => None,
        })
    })
    .await?;
    assert!(text.contains("daktela-cti"), "panel text was {text:?}");
    assert!(text.contains("Not connected"), "panel text was {text:?}");

    // Exactly one panel, mounted at the end of the body, and the CRM's own content untouched.
    let facts = client
        .execute(
            r#"return {
                hosts: document.querySelectorAll('#daktela-cti').length,
                last: document.body.lastElementChild.id,
                contact: document.querySelector('#contact h1').textContent,
                telLinks: document.querySelectorAll('a[href^="tel:"]').length,
            };"#,
            vec![],
        )
        .await?;
    assert_eq!(facts["hosts"], 1);
    assert_eq!(facts["last"], "daktela-cti");
    assert_eq!(facts["contact"], "Jana Nováková");
    assert_eq!(facts["telLinks"], 2);

    browser.client.clone().close().await?;
    Ok(())
}
