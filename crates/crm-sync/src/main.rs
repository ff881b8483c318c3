//! `crm-sync`: see `crm-sync --help` and the crate README.

use clap::Parser;
use crm_sync::cli::Args;
use std::io::Write;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let json = args.report == "json";
    let cfg = match args.into_config() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("crm-sync: {e}");
            return ExitCode::from(2);
        }
    };
    let report = match crm_sync::run(&cfg).await {
        Ok(r) => r,
        Err(e) => {
            eprintln!("crm-sync: {e}");
            return ExitCode::from(2);
        }
    };
    let text = if json {
        serde_json::to_string_pretty(&report).unwrap_or_default()
    } else {
        report.human()
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", text.trim_end());
    if report.succeeded() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
