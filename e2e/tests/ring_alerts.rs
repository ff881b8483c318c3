//! The ring sound and desktop notifications need the agent's explicit step (browsers block
//! both until then): the panel offers it, and once enabled an incoming call rings until it is
//! answered.

use daktela_cti_e2e::{Browser, PATIENCE, Panel, dist_dir, log_in_ready, wait_until};
use daktela_sim::RingRequest;
use demo_crm::DemoConfig;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn once_enabled_the_ring_sound_plays_until_the_call_is_answered() -> anyhow::Result<()> {
    let demo = demo_crm::spawn(DemoConfig::new(dist_dir()?), 0).await?;
    let browser = Browser::start().await?;
    let client = &browser.client;
    client.goto(&demo.contacts_url()).await?;
    let panel = Panel::new(client);
    log_in_ready(&panel, &demo.sim, "agent1", "agent1pass", &["1001"]).await?;

    // The demo configuration asks for both: the notification step is offered, or (where the
    // browser already refused) the panel says how to allow them.
    let offered = panel.count("button.dcti-enable-notifications").await?
        + panel.count(".dcti-alerts .dcti-hint").await?;
    assert_eq!(offered, 1, "the notification step or its hint");

    panel.click("button.dcti-enable-sound").await?;
    wait_until("the sound step done", PATIENCE, || async {
        Ok((panel.count("button.dcti-enable-sound").await? == 0).then_some(()))
    })
    .await?;

    let rang = demo.sim.ring(&RingRequest {
        agent: "agent1".into(),
        from: "+420777123456".into(),
        queue: Some(1001),
        did: None,
    })?;
    panel
        .wait_attr(".dcti-call", "data-phase", "ringing")
        .await?;
    panel
        .wait_attr(".dcti-panel", "data-ringing", "true")
        .await?;
    demo.sim.answer(Some(&rang.activity), None)?;
    panel
        .wait_attr(".dcti-call", "data-phase", "talking")
        .await?;
    panel
        .wait_attr(".dcti-panel", "data-ringing", "false")
        .await?;
    Ok(())
}
