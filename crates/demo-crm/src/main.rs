//! `demo-crm`: Brightdesk CRM, the demo CRM with the panel and a Daktela simulator, on 127.0.0.1.

use std::path::PathBuf;

use clap::Parser;

/// Serve Brightdesk CRM (contact pages with the panel, its REST API, and a Daktela simulator
/// under /daktela) on 127.0.0.1.
#[derive(Debug, Parser)]
struct Opts {
    /// Port to listen on.
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// The panel's Trunk build output.
    #[arg(long, default_value = "dist")]
    dist: PathBuf,
    /// JSON file that keeps call logs and created contacts across restarts.
    #[arg(long, default_value = "demo-data/crm.json")]
    data_file: PathBuf,
    /// The CRM's country (ISO 3166), for numbers typed without a country code.
    #[arg(long, default_value = "CZ")]
    country: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "demo_crm=info".into()),
        )
        .init();
    let opts = Opts::parse();
    anyhow::ensure!(
        opts.dist.join("index.html").is_file(),
        "{} has no index.html: build the panel first (trunk build --release)",
        opts.dist.display()
    );
    let mut config = demo_crm::DemoConfig::new(opts.dist);
    config.data_file = Some(opts.data_file.clone());
    config.default_country = opts.country;
    let agent = config.demo_agent.clone();
    let demo = demo_crm::spawn(config, opts.port).await?;
    let url = demo.url();
    tracing::info!(
        "Brightdesk CRM contacts (with the panel): {}",
        demo.contacts_url()
    );
    tracing::info!("  e.g. a contact page: {url}/contacts/C-1002 (Jan Novák)");
    tracing::info!("panel dev page (Trunk index.html): {url}/");
    tracing::info!(
        "call logs (JSON): {url}/api/call-logs, kept in {}",
        opts.data_file.display()
    );
    tracing::info!("Daktela simulator (same origin): {}", demo.daktela_url());
    for (login, password, name, extension) in daktela_sim::SEED_AGENTS {
        tracing::info!("  agent {login} / {password} ({name}, extension {extension})");
    }
    tracing::info!("ring {agent}: the \"Demo controls\" buttons at the top of every CRM page, or");
    for ring in demo_crm::RING_NUMBERS {
        tracing::info!(
            "  curl -s -XPOST {}/__sim/ring -d '{{\"agent\":\"{agent}\",\"from\":\"{}\",\"queue\":1001}}'   # {}",
            demo.daktela_url(),
            ring.e164,
            ring.what
        );
    }
    tracing::info!(
        "  or: target/native-release/daktela-sim ring --sim-url {} --agent {agent} --from '+420 777 123 456'",
        demo.daktela_url()
    );
    tokio::signal::ctrl_c().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_is_well_formed() {
        use clap::CommandFactory;
        Opts::command().debug_assert();
    }
}
