//! The command line, turned into a [`Config`].

use crate::config::{Config, Mode, OnError};
use crate::guard::BusinessHours;
use crate::input::{Format, Mapping, Source};
use crate::names::Naming;
use crate::phone::PhoneRules;
use clap::{Parser, ValueEnum};
use std::path::PathBuf;

/// Input formats on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// The white paper's `{"data": [...]}` document.
    WhitePaper,
    /// One contact per line (`company` object optional).
    Jsonl,
    /// CSV; needs `--mapping`.
    Csv,
}

/// Modes on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    /// `POST /custom/crm/sync.php` in chunks.
    Endpoint,
    /// `/api/v6/contacts` and `/api/v6/accounts`, one write per changed record.
    Rest,
}

/// Loads CRM companies and contacts into Daktela.
#[derive(Debug, Parser)]
#[command(name = "crm-sync", version)]
pub struct Args {
    /// Daktela instance root, e.g. https://acme.daktela.com
    #[arg(long, env = "DAKTELA_URL")]
    pub url: String,
    /// Access token (sent as X-AUTH-TOKEN; never printed).
    #[arg(long, env = "DAKTELA_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Input file; `-` for standard input.
    #[arg(long)]
    pub input: String,
    /// Input format.
    #[arg(long, value_enum, default_value = "white-paper")]
    pub format: FormatArg,
    /// CSV mapping file (JSON), see the README.
    #[arg(long)]
    pub mapping: Option<PathBuf>,
    /// How records reach Daktela.
    #[arg(long, value_enum, default_value = "endpoint")]
    pub mode: ModeArg,
    /// A full load: send every record (default: a partial load of what changed).
    #[arg(long)]
    pub full: bool,
    /// After a fully successful full load, delete Daktela contacts of this tool's naming that
    /// are no longer in the CRM.
    #[arg(long)]
    pub delete: bool,
    /// Largest share of Daktela's contacts a run may delete.
    #[arg(long, default_value_t = 0.05)]
    pub max_delete_share: f64,
    /// Override the business-hours and deletion-share guards.
    #[arg(long)]
    pub force: bool,
    /// Business hours, e.g. "mon-fri 07:00-20:00"; a full load inside them is refused.
    #[arg(long)]
    pub business_hours: Option<String>,
    /// Local time offset from UTC in minutes, for --business-hours (e.g. 60 for CET).
    #[arg(long, default_value_t = 0, allow_hyphen_values = true)]
    pub utc_offset_minutes: i32,
    /// Incremental state file (content hashes of the last successful run).
    #[arg(long)]
    pub state: Option<PathBuf>,
    /// Largest sync-endpoint request body in bytes.
    #[arg(long, default_value_t = crate::chunk::DEFAULT_MAX_REQUEST_BYTES)]
    pub max_request_bytes: usize,
    /// Stop at the first bad input record instead of skipping it.
    #[arg(long)]
    pub stop_on_error: bool,
    /// Print the plan; send nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print the report as JSON on stdout instead of the human summary.
    #[arg(long, value_parser = ["json", "human"], default_value = "human")]
    pub report: String,
    /// REST mode: requests in flight at most.
    #[arg(long, default_value_t = 8)]
    pub concurrency: usize,
    /// REST mode: the Daktela `database` for new records.
    #[arg(long)]
    pub database: Option<String>,
    /// Phone fields (Daktela keys) whose values are normalised, comma-separated.
    #[arg(long, default_value = "number", value_delimiter = ',')]
    pub phone_fields: Vec<String>,
    /// Country code (digits) for national phone numbers, e.g. 420.
    #[arg(long)]
    pub default_country_code: Option<String>,
    /// Name prefix of the contacts this tool owns.
    #[arg(long, default_value = "crm_contact_")]
    pub contact_prefix: String,
    /// Name prefix of the accounts this tool owns.
    #[arg(long, default_value = "crm_account_")]
    pub account_prefix: String,
    /// No progress line on stderr.
    #[arg(long)]
    pub quiet: bool,
}

impl Args {
    /// The run configuration.
    ///
    /// # Errors
    /// A message for an unusable combination or file.
    pub fn into_config(self) -> Result<Config, String> {
        let format = match (self.format, &self.mapping) {
            (FormatArg::Csv, Some(path)) => {
                Format::Csv(Box::new(Mapping::load(path).map_err(|e| e.to_string())?))
            }
            (FormatArg::Csv, None) => return Err("--format csv needs --mapping".into()),
            (_, Some(_)) => return Err("--mapping is only for --format csv".into()),
            (FormatArg::WhitePaper, None) => Format::WhitePaper,
            (FormatArg::Jsonl, None) => Format::JsonLines,
        };
        let source = if self.input == "-" {
            Source::Stdin
        } else {
            Source::File(PathBuf::from(&self.input))
        };
        if !(0.0..=1.0).contains(&self.max_delete_share) {
            return Err("--max-delete-share must be between 0 and 1".into());
        }
        if let Some(cc) = &self.default_country_code
            && (cc.is_empty() || !cc.chars().all(|c| c.is_ascii_digit()))
        {
            return Err("--default-country-code takes digits, e.g. 420".into());
        }
        let mut cfg = Config::new(self.url, source, format);
        cfg.token = self.token;
        cfg.mode = match self.mode {
            ModeArg::Endpoint => Mode::Endpoint,
            ModeArg::Rest => Mode::Rest,
        };
        cfg.full = self.full;
        cfg.delete = self.delete;
        cfg.force = self.force;
        cfg.max_delete_share = self.max_delete_share;
        cfg.business_hours = self
            .business_hours
            .map(|h| BusinessHours::parse(&h, self.utc_offset_minutes))
            .transpose()
            .map_err(|e| e.to_string())?;
        cfg.state_path = self.state;
        cfg.max_request_bytes = self.max_request_bytes;
        cfg.on_error = if self.stop_on_error {
            OnError::Stop
        } else {
            OnError::Skip
        };
        cfg.dry_run = self.dry_run;
        cfg.concurrency = self.concurrency.max(1);
        cfg.database = self.database;
        cfg.phones = PhoneRules {
            fields: self.phone_fields,
            default_country_code: self.default_country_code,
        };
        cfg.naming = Naming {
            contact_prefix: self.contact_prefix,
            account_prefix: self.account_prefix,
        };
        cfg.progress = !self.quiet;
        Ok(cfg)
    }
}
