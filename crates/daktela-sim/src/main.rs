//! `daktela-sim`: serve a simulated Daktela V6 instance, or drive a running one.

#[allow(clippy::print_stdout, reason = "a CLI: its output is the point")]
mod cli;

use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    cli::Cli::parse().run().await
}
