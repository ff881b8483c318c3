//! A one-line progress display on stderr, only when stderr is a terminal.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Redraws at most five times a second.
const EVERY: Duration = Duration::from_millis(200);

/// The progress line.
#[derive(Debug)]
pub struct Progress {
    enabled: bool,
    last: Option<Instant>,
    drawn: bool,
}

impl Progress {
    /// Shown when `wanted` and stderr is a terminal.
    pub fn new(wanted: bool) -> Self {
        Progress {
            enabled: wanted && std::io::stderr().is_terminal(),
            last: None,
            drawn: false,
        }
    }

    /// Redraws with the current figures (cheap when not due).
    pub fn tick(&mut self, contacts: u64, requests: u64, errors: u64) {
        if !self.enabled || self.last.is_some_and(|t| t.elapsed() < EVERY) {
            return;
        }
        self.last = Some(Instant::now());
        self.drawn = true;
        let _ = write!(
            std::io::stderr(),
            "\r\x1b[2K{contacts} contacts read, {requests} requests, {errors} errors"
        );
    }

    /// Ends the line.
    pub fn finish(&mut self) {
        if self.drawn {
            let _ = writeln!(std::io::stderr());
            self.drawn = false;
        }
    }
}
