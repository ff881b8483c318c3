//! Streaming input readers. Each runs on its own thread and hands [`Group`]s over a bounded
//! channel, so memory stays bounded by the channel depth and the largest group whatever the
//! file size.

mod convert;
mod csv_rows;
mod error;
mod jsonl;
mod lines;
mod mapping;
mod whitepaper;

pub use error::InputError;
pub use mapping::{CompanyColumns, Mapping};

use crate::model::Group;
use crate::phone::PhoneRules;
use std::io::Read;
use std::path::PathBuf;
use tokio::sync::mpsc;

/// How many groups may wait between the reader thread and the consumer.
const CHANNEL_DEPTH: usize = 64;

/// The most contacts a JSON-lines or CSV group holds (consecutive rows of one company).
pub const MAX_GROUP: usize = 1000;

/// What the reader yields: a group, or one bad record (then reading goes on), or a fatal
/// error (then the channel closes).
pub type Item = Result<Group, InputError>;

/// The input formats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    /// The white paper's `{"data": [company...], "delete": ...}` document.
    WhitePaper,
    /// One contact per line, each with an optional `company` object.
    JsonLines,
    /// CSV with a [`Mapping`] saying which column is what.
    Csv(Box<Mapping>),
}

/// Where the input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file.
    File(PathBuf),
    /// Standard input.
    Stdin,
    /// Bytes in memory (tests, the benchmark).
    Bytes(Vec<u8>),
}

impl Source {
    fn open(&self) -> Result<Box<dyn Read + Send>, InputError> {
        Ok(match self {
            Source::File(path) => Box::new(
                std::fs::File::open(path)
                    .map_err(|e| InputError::Io(format!("cannot open {}: {e}", path.display())))?,
            ),
            Source::Stdin => Box::new(std::io::stdin()),
            Source::Bytes(b) => Box::new(std::io::Cursor::new(b.clone())),
        })
    }
}

/// Starts reading `source` as `format` on a thread; groups and bad records arrive on the
/// returned receiver in input order. Use `recv().await` in async code, `blocking_recv()`
/// elsewhere.
pub fn spawn_reader(source: Source, format: Format, phones: PhoneRules) -> mpsc::Receiver<Item> {
    let (tx, rx) = mpsc::channel(CHANNEL_DEPTH);
    std::thread::spawn(move || {
        let reader = match source.open() {
            Ok(r) => r,
            Err(e) => {
                let _ = tx.blocking_send(Err(e));
                return;
            }
        };
        // A send fails only when the consumer stopped listening; then there is nobody to tell.
        let mut emit = |item: Item| tx.blocking_send(item).is_ok();
        match format {
            Format::WhitePaper => whitepaper::read(reader, &phones, &mut emit),
            Format::JsonLines => jsonl::read(reader, &phones, &mut emit),
            Format::Csv(mapping) => csv_rows::read(reader, &mapping, &phones, &mut emit),
        }
    });
    rx
}

/// Reads everything synchronously (outside an async runtime): for tests and small inputs.
pub fn read_all(source: Source, format: Format, phones: PhoneRules) -> Vec<Item> {
    let mut rx = spawn_reader(source, format, phones);
    let mut out = Vec::new();
    while let Some(item) = rx.blocking_recv() {
        out.push(item);
    }
    out
}

/// Groups consecutive contacts of one company, at most [`MAX_GROUP`] per group.
#[derive(Debug, Default)]
struct Grouper {
    current: Option<Group>,
}

impl Grouper {
    /// Adds a contact; returns `false` when the consumer went away.
    fn push(
        &mut self,
        company: crate::model::Company,
        contact: crate::model::Contact,
        line: u64,
        emit: &mut dyn FnMut(Item) -> bool,
    ) -> bool {
        if let Some(g) = &mut self.current
            && g.company == company
            && g.contacts.len() < MAX_GROUP
        {
            g.contacts.push(contact);
            return true;
        }
        let full = self.current.replace(Group {
            line,
            company,
            contacts: vec![contact],
        });
        full.is_none_or(|g| emit(Ok(g)))
    }

    /// Hands on the last group.
    fn finish(&mut self, emit: &mut dyn FnMut(Item) -> bool) {
        if let Some(g) = self.current.take() {
            let _ = emit(Ok(g));
        }
    }
}
