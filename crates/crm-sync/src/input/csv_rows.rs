//! CSV rows to contacts through a [`Mapping`]. Consecutive rows of one company form a group.

use super::convert::normalise_values;
use super::{Grouper, InputError, Item, Mapping};
use crate::model::{Company, Contact, CrmId, Field};
use crate::phone::PhoneRules;
use std::collections::{BTreeMap, HashMap};
use std::io::Read;

struct Row<'r> {
    record: &'r csv::StringRecord,
    index: &'r HashMap<String, usize>,
    line: u64,
}

impl Row<'_> {
    fn cell(&self, column: &str) -> Option<String> {
        let value = self.record.get(*self.index.get(column)?)?.trim();
        (!value.is_empty()).then(|| value.to_owned())
    }

    fn opt(&self, column: Option<&String>) -> Option<String> {
        column.and_then(|c| self.cell(c))
    }

    fn fields(
        &self,
        spec: &BTreeMap<String, Vec<String>>,
        split: Option<&str>,
        phones: &PhoneRules,
    ) -> Result<Vec<Field>, InputError> {
        let mut out = Vec::new();
        for (key, columns) in spec {
            let mut values = Vec::new();
            for cell in columns.iter().filter_map(|c| self.cell(c)) {
                match split {
                    Some(sep) => values.extend(
                        cell.split(sep)
                            .map(str::trim)
                            .filter(|v| !v.is_empty())
                            .map(str::to_owned),
                    ),
                    None => values.push(cell),
                }
            }
            let value = normalise_values(key, values, phones, self.line)?;
            out.push(Field {
                key: key.clone(),
                value,
            });
        }
        Ok(out)
    }

    fn convert(&self, m: &Mapping, phones: &PhoneRules) -> Result<(Company, Contact), InputError> {
        let split = m.split.as_deref();
        let company = match m
            .company
            .as_ref()
            .and_then(|c| Some((c, self.cell(&c.id)?)))
        {
            Some((cols, id)) => Company {
                id: Some(CrmId::from_text(&id)),
                name: self.opt(cols.name.as_ref()),
                description: self.opt(cols.description.as_ref()),
                fields: self.fields(&m.company_fields, split, phones)?,
            },
            None => Company::none(),
        };
        let id = self.cell(&m.id).ok_or(InputError::MissingId {
            line: self.line,
            what: "contact",
        })?;
        let contact = Contact {
            id: CrmId::from_text(&id),
            name: self.opt(m.name.as_ref()),
            firstname: self.opt(m.firstname.as_ref()),
            lastname: self.opt(m.lastname.as_ref()),
            description: self.opt(m.description.as_ref()),
            fields: self.fields(&m.fields, split, phones)?,
            line: self.line,
        };
        Ok((company, contact))
    }
}

/// Reads CSV rows, calling `emit` per group and per bad row.
pub(super) fn read(
    reader: impl Read,
    mapping: &Mapping,
    phones: &PhoneRules,
    emit: &mut dyn FnMut(Item) -> bool,
) {
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(u8::try_from(mapping.delimiter).unwrap_or(b','))
        .from_reader(reader);
    let index: HashMap<String, usize> = match csv.headers() {
        Ok(h) => h
            .iter()
            .enumerate()
            .map(|(i, name)| (name.trim().to_owned(), i))
            .collect(),
        Err(e) => {
            let _ = emit(Err(fatal(1, &format!("cannot read the header row: {e}"))));
            return;
        }
    };
    if let Some(missing) = mapping
        .columns()
        .into_iter()
        .find(|c| !index.contains_key(*c))
    {
        let _ = emit(Err(fatal(
            1,
            &format!("the header has no column `{missing}`"),
        )));
        return;
    }
    let mut grouper = Grouper::default();
    let mut record = csv::StringRecord::new();
    loop {
        let line = csv.position().line();
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(line, csv::Position::line);
                let row = Row {
                    record: &record,
                    index: &index,
                    line,
                };
                let ok = match row.convert(mapping, phones) {
                    Ok((company, contact)) => grouper.push(company, contact, line, emit),
                    Err(e) => emit(Err(e)),
                };
                if !ok {
                    return;
                }
            }
            Err(e) if e.is_io_error() => {
                let _ = emit(Err(fatal(line, &format!("cannot read: {e}"))));
                return;
            }
            Err(e) => {
                let line = e.position().map_or(line, csv::Position::line);
                let item = Err(InputError::Malformed {
                    line,
                    message: format!("bad CSV row: {e}"),
                });
                if !emit(item) {
                    return;
                }
            }
        }
    }
    grouper.finish(emit);
}

fn fatal(line: u64, message: &str) -> InputError {
    InputError::Fatal {
        line,
        message: message.to_owned(),
    }
}
