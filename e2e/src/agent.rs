//! The step most tests start from: an agent logged in through the panel, in some queues, ready.

use daktela_sim::SimState;

use crate::{PATIENCE, Panel, wait_until};

/// Logs `agent` in with the panel's form, ticks each queue in `queues` (waiting until the
/// simulator has the agent in it before the next), and waits until the panel shows "ready".
///
/// # Errors
/// When the form, a queue login or the ready state does not come within [`PATIENCE`].
pub async fn log_in_ready(
    panel: &Panel<'_>,
    sim: &SimState,
    agent: &str,
    password: &str,
    queues: &[&str],
) -> anyhow::Result<()> {
    panel.log_in(agent, password).await?;
    for queue in queues {
        panel
            .click(&format!("label[data-queue='{queue}'] input"))
            .await?;
        let number: i64 = queue.parse()?;
        wait_until("the queue login", PATIENCE, || async {
            Ok(sim
                .read(|w| {
                    w.sessions
                        .get(agent)
                        .is_some_and(|s| s.queues.contains_key(&number))
                })
                .then_some(()))
        })
        .await?;
    }
    panel.wait_attr(".dcti-agent", "data-state", "ready").await
}
