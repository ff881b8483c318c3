//! The white paper's document, `{"data": [company, ...], "delete": ...}`, parsed as a stream:
//! each company is handed on as soon as its closing brace is read. (`delete` in the input is
//! ignored: the run's own flags decide about deletion.)

use super::convert::{RawCompany, RawContact, company, contact};
use super::lines::LineCounter;
use super::{InputError, Item};
use crate::model::Group;
use crate::phone::PhoneRules;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;
use std::io::{BufReader, Read};
use std::rc::Rc;

/// The marker error a visitor returns when the consumer went away.
const STOPPED: &str = "crm-sync: consumer stopped";

struct Ctx<'a> {
    line: Rc<Cell<u64>>,
    phones: &'a PhoneRules,
    emit: &'a mut dyn FnMut(Item) -> bool,
}

impl Ctx<'_> {
    fn send<E: de::Error>(&mut self, item: Item) -> Result<(), E> {
        if (self.emit)(item) {
            Ok(())
        } else {
            Err(E::custom(STOPPED))
        }
    }
}

/// Reads the document, calling `emit` per company group and per bad record.
pub(super) fn read(reader: impl Read, phones: &PhoneRules, emit: &mut dyn FnMut(Item) -> bool) {
    let (counted, line) = LineCounter::new(BufReader::with_capacity(1 << 16, reader));
    let mut de = serde_json::Deserializer::from_reader(counted);
    let mut ctx = Ctx { line, phones, emit };
    let result = Doc(&mut ctx).deserialize(&mut de).and_then(|()| de.end());
    if let Err(e) = result
        && !e.to_string().starts_with(STOPPED)
    {
        let _ = (ctx.emit)(Err(InputError::Fatal {
            line: u64::try_from(e.line()).unwrap_or(0),
            message: format!("not a white-paper sync document: {e}"),
        }));
    }
}

struct Doc<'c, 'a>(&'c mut Ctx<'a>);

impl<'de> DeserializeSeed<'de> for Doc<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Doc<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(r#"an object {"data": [...]}"#)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "data" {
                map.next_value_seed(Data(&mut *self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

struct Data<'c, 'a>(&'c mut Ctx<'a>);

impl<'de> DeserializeSeed<'de> for Data<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Data<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of companies")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(CompanySeed(&mut *self.0))?.is_some() {}
        Ok(())
    }
}

struct CompanySeed<'c, 'a>(&'c mut Ctx<'a>);

impl<'de> DeserializeSeed<'de> for CompanySeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for CompanySeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a company object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let ctx = self.0;
        let start = ctx.line.get();
        let mut head = RawCompany::default();
        let mut raws: Vec<(RawContact, u64)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "id" => head.id = map.next_value()?,
                "name" => head.name = map.next_value()?,
                "description" => head.description = map.next_value()?,
                "fields" => head.fields = map.next_value()?,
                "contacts" => map.next_value_seed(Contacts {
                    line: &ctx.line,
                    out: &mut raws,
                })?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let company = match company(head, ctx.phones, start) {
            Ok(c) => c,
            // Its contacts cannot be placed without it; the error stands for all of them.
            Err(e) => return ctx.send(Err(e)),
        };
        let mut contacts = Vec::with_capacity(raws.len());
        for (raw, line) in raws {
            match contact(raw, ctx.phones, line) {
                Ok(c) => contacts.push(c),
                Err(e) => ctx.send(Err(e))?,
            }
        }
        ctx.send(Ok(Group {
            line: start,
            company,
            contacts,
        }))
    }
}

struct Contacts<'c> {
    line: &'c Rc<Cell<u64>>,
    out: &'c mut Vec<(RawContact, u64)>,
}

impl<'de> DeserializeSeed<'de> for Contacts<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Contacts<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of contacts")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        // The line a contact ENDS on: exact for one contact per line, and the parser cannot
        // see where the next element starts before it reads it.
        while let Some(raw) = seq.next_element::<RawContact>()? {
            self.out.push((raw, self.line.get()));
        }
        Ok(())
    }
}
