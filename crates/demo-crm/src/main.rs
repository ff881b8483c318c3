//! `demo-crm`: serves the demo CRM page with the panel on 127.0.0.1.

use clap::Parser;

/// Serve the demo CRM (the panel's Trunk build) on 127.0.0.1.
#[derive(Debug, Parser)]
struct Opts {
    /// Port to listen on.
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// The panel's Trunk build output.
    #[arg(long, default_value = "dist")]
    dist: std::path::PathBuf,
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
    let demo = demo_crm::spawn(demo_crm::DemoConfig { dist: opts.dist }, opts.port).await?;
    tracing::info!("demo CRM with the panel: {}/", demo.url());
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
