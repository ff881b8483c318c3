//! Command-line interface: `serve`, plus one subcommand per control route of a running
//! simulator (`--sim-url`, default `http://127.0.0.1:8790`).

mod agents;
mod answer;
mod client;
mod config;
mod expire;
mod fault;
mod hangup;
mod phone;
mod requests;
mod reset;
mod ring;
mod serve;

use clap::{Parser, Subcommand};

/// A faithful Daktela V6 simulator with a control surface for tests and demos.
#[derive(Debug, Parser)]
#[command(name = "daktela-sim", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the simulator on 127.0.0.1.
    Serve(serve::Opts),
    /// Ring an inbound call for an agent.
    Ring(ring::Opts),
    /// Answer a ringing call.
    Answer(answer::Opts),
    /// Hang up a call.
    Hangup(hangup::Opts),
    /// Take an agent's phone offline or bring it online.
    Phone(phone::Opts),
    /// Expire access tokens (all, or one agent's).
    ExpireTokens(expire::Opts),
    /// Arm, list or clear faults.
    Fault(fault::Opts),
    /// Reset the simulator to its seed.
    Reset(reset::Opts),
    /// Show (or clear) the request log.
    Requests(requests::Opts),
    /// Show or change run-time settings.
    Config(config::Opts),
    /// List the agents and their live state.
    Agents(agents::Opts),
}

impl Cli {
    /// Runs the chosen subcommand.
    pub async fn run(self) -> anyhow::Result<()> {
        match self.command {
            Command::Serve(o) => serve::run(o).await,
            Command::Ring(o) => ring::run(o).await,
            Command::Answer(o) => answer::run(o).await,
            Command::Hangup(o) => hangup::run(o).await,
            Command::Phone(o) => phone::run(o).await,
            Command::ExpireTokens(o) => expire::run(o).await,
            Command::Fault(o) => fault::run(o).await,
            Command::Reset(o) => reset::run(o).await,
            Command::Requests(o) => requests::run(o).await,
            Command::Config(o) => config::run(o).await,
            Command::Agents(o) => agents::run(o).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
