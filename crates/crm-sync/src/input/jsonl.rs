//! JSON lines: one contact per line, the white paper's contact object plus an optional
//! `company` object (`{id, name, description, fields}`; absent or null = no company).
//! Consecutive lines of the same company form one group.

use super::convert::{RawCompany, RawContact, company, contact};
use super::{Grouper, InputError, Item};
use crate::phone::PhoneRules;
use serde::Deserialize;
use std::io::{BufRead, BufReader, Read};

#[derive(Deserialize)]
struct Line {
    #[serde(flatten)]
    contact: RawContact,
    #[serde(default)]
    company: Option<RawCompany>,
}

/// Reads JSON lines, calling `emit` per group and per bad line.
pub(super) fn read(reader: impl Read, phones: &PhoneRules, emit: &mut dyn FnMut(Item) -> bool) {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut buf = String::new();
    let mut grouper = Grouper::default();
    let mut line_no = 0u64;
    loop {
        buf.clear();
        match reader.read_line(&mut buf) {
            Ok(0) => break,
            Ok(_) => line_no += 1,
            Err(e) => {
                let _ = emit(Err(InputError::Fatal {
                    line: line_no + 1,
                    message: format!("cannot read: {e}"),
                }));
                return;
            }
        }
        let text = buf.trim();
        if text.is_empty() {
            continue;
        }
        let item = parse(text, phones, line_no);
        let keep_going = match item {
            Ok((company, contact)) => grouper.push(company, contact, line_no, emit),
            Err(e) => emit(Err(e)),
        };
        if !keep_going {
            return;
        }
    }
    grouper.finish(emit);
}

fn parse(
    text: &str,
    phones: &PhoneRules,
    line: u64,
) -> Result<(crate::model::Company, crate::model::Contact), InputError> {
    let parsed: Line = serde_json::from_str(text).map_err(|e| InputError::Malformed {
        line,
        message: format!("not a JSON contact: {e}"),
    })?;
    let company = company(parsed.company.unwrap_or_default(), phones, line)?;
    Ok((company, contact(parsed.contact, phones, line)?))
}
