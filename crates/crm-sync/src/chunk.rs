//! The sync-endpoint payload, built incrementally and cut into requests of at most a given
//! size. A company whose contacts do not fit in one request is repeated in the next one with
//! the rest of its contacts.

use crate::model::{Company, CompanyHead, Contact};

/// The white paper's limit: "The data size is limited by POST request maximum size of 20 MB."
/// We count 20 MB as 20,000,000 bytes, the smaller of the two readings.
pub const DEFAULT_MAX_REQUEST_BYTES: usize = 20_000_000;

const OPEN: &[u8] = br#"{"data":["#;
const CLOSE_ENTRY: &[u8] = b"]}";

/// One request body, ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload {
    /// The JSON body.
    pub body: Vec<u8>,
    /// Company entries in it (a company split over requests counts in each).
    pub companies: usize,
    /// Contacts in it.
    pub contacts: usize,
}

/// A record that cannot go into any request because it alone exceeds the limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooBig {
    /// Input line.
    pub line: u64,
    /// CRM id of the record.
    pub id: String,
    /// Bytes it needs in a request of its own.
    pub bytes: usize,
    /// The company head alone is too big: none of its contacts were placed either.
    pub company: bool,
}

/// Builds request bodies of at most `limit` bytes.
#[derive(Debug)]
pub struct Chunker {
    limit: usize,
    tail: Vec<u8>,
    buf: Vec<u8>,
    entries: usize,
    contacts: usize,
    ready: Vec<Payload>,
}

impl Chunker {
    /// `delete`: `None` omits the attribute (partial load, as the white paper demands),
    /// `Some(b)` sends `"delete": b`.
    ///
    /// UNCONFIRMED(S5): a full load sends `"delete": false` (the attribute present, as in the
    /// example), a partial load omits it; nothing else tells the endpoint which one it gets.
    /// UNCONFIRMED(S6): a company may appear in several requests (or twice in one), each time
    /// with some of its contacts, and with `contacts: []` when only the company changed; the
    /// endpoint upserts by CRM id, so this is read as harmless.
    pub fn new(limit: usize, delete: Option<bool>) -> Self {
        let tail = match delete {
            None => b"]}".to_vec(),
            Some(b) => format!(r#"],"delete":{b}}}"#).into_bytes(),
        };
        Chunker {
            limit,
            tail,
            buf: Vec::new(),
            entries: 0,
            contacts: 0,
            ready: Vec::new(),
        }
    }

    fn flush(&mut self) {
        if self.entries == 0 {
            return;
        }
        let mut body = std::mem::take(&mut self.buf);
        body.extend_from_slice(&self.tail);
        self.ready.push(Payload {
            body,
            companies: self.entries,
            contacts: self.contacts,
        });
        self.entries = 0;
        self.contacts = 0;
    }

    /// Adds a company with some of its contacts (none: the company alone, e.g. a changed
    /// company in a partial load). Returns what could not be placed.
    pub fn push(&mut self, company: &Company, contacts: &[&Contact]) -> Vec<TooBig> {
        let mut head = serde_json::to_vec(&CompanyHead(company)).unwrap_or_default();
        head.pop(); // the closing brace: `contacts` goes inside
        head.extend_from_slice(br#","contacts":["#);
        let fixed = OPEN.len() + head.len() + CLOSE_ENTRY.len() + self.tail.len();
        if fixed > self.limit {
            let id = company
                .id
                .as_ref()
                .map(|i| i.text.clone())
                .unwrap_or_default();
            let line = contacts.first().map_or(0, |c| c.line);
            return vec![TooBig {
                line,
                id,
                bytes: fixed,
                company: true,
            }];
        }
        let mut rejected = Vec::new();
        let mut open = false;
        let mut in_entry = 0usize;
        if contacts.is_empty() {
            let need = self.open_cost(head.len()) + CLOSE_ENTRY.len() + self.tail.len();
            if self.buf.len() + need > self.limit {
                self.flush();
            }
            self.open_entry(&head);
            self.buf.extend_from_slice(CLOSE_ENTRY);
            return rejected;
        }
        for c in contacts {
            let bytes = serde_json::to_vec(c).unwrap_or_default();
            let need = if open {
                usize::from(in_entry > 0) + bytes.len() + CLOSE_ENTRY.len() + self.tail.len()
            } else {
                self.open_cost(head.len()) + bytes.len() + CLOSE_ENTRY.len() + self.tail.len()
            };
            if self.buf.len() + need > self.limit {
                if fixed + bytes.len() > self.limit {
                    rejected.push(TooBig {
                        line: c.line,
                        id: c.id.text.clone(),
                        bytes: fixed + bytes.len(),
                        company: false,
                    });
                    continue;
                }
                if open {
                    self.buf.extend_from_slice(CLOSE_ENTRY);
                    open = false;
                }
                self.flush();
            }
            if !open {
                self.open_entry(&head);
                open = true;
                in_entry = 0;
            }
            if in_entry > 0 {
                self.buf.push(b',');
            }
            self.buf.extend_from_slice(&bytes);
            in_entry += 1;
            self.contacts += 1;
        }
        // When every contact was too big, the company is not sent on its own either.
        if open {
            self.buf.extend_from_slice(CLOSE_ENTRY);
        }
        rejected
    }

    /// Bytes to open an entry in the current request (the request's opening if empty).
    fn open_cost(&self, head: usize) -> usize {
        if self.buf.is_empty() {
            OPEN.len() + head
        } else {
            1 + head
        }
    }

    fn open_entry(&mut self, head: &[u8]) {
        if self.buf.is_empty() {
            self.buf.extend_from_slice(OPEN);
        } else {
            self.buf.push(b',');
        }
        self.buf.extend_from_slice(head);
        self.entries += 1;
    }

    /// Takes the requests that are complete.
    pub fn take_ready(&mut self) -> Vec<Payload> {
        std::mem::take(&mut self.ready)
    }

    /// Closes the last request; returns every request not yet taken.
    pub fn finish(mut self) -> Vec<Payload> {
        self.flush();
        self.ready
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CrmId, Field};
    use serde_json::{Value, json};

    fn contact(id: u64, pad: usize) -> Contact {
        Contact {
            id: CrmId::from_text(&id.to_string()),
            name: Some(format!("Contact {id}")),
            firstname: None,
            lastname: Some("x".repeat(pad)),
            description: None,
            fields: vec![Field {
                key: "number".into(),
                value: vec![format!("00420{id:09}")],
            }],
            line: id,
        }
    }

    fn company(id: u64) -> Company {
        Company {
            id: Some(CrmId::from_text(&id.to_string())),
            name: Some(format!("Company {id}")),
            description: None,
            fields: vec![],
        }
    }

    fn parse(p: &Payload) -> Value {
        serde_json::from_slice(&p.body).unwrap()
    }

    #[test]
    fn one_small_load_is_one_request_in_the_white_paper_shape() {
        let mut ch = Chunker::new(DEFAULT_MAX_REQUEST_BYTES, Some(false));
        let c = contact(2, 1);
        assert!(ch.push(&company(1), &[&c]).is_empty());
        assert!(ch.push(&Company::none(), &[&contact(3, 1)]).is_empty());
        let out = ch.finish();
        assert_eq!(out.len(), 1);
        assert_eq!(
            parse(&out[0]),
            json!({"data": [
                {"id": 1, "name": "Company 1", "description": null, "fields": [], "contacts": [
                    {"id": 2, "name": "Contact 2", "firstname": null, "lastname": "x",
                     "description": null, "fields": [{"key": "number", "value": ["00420000000002"]}]}]},
                {"id": null, "name": null, "description": null, "contacts": [
                    {"id": 3, "name": "Contact 3", "firstname": null, "lastname": "x",
                     "description": null, "fields": [{"key": "number", "value": ["00420000000003"]}]}]}
            ], "delete": false})
        );
        assert_eq!((out[0].companies, out[0].contacts), (2, 2));
    }

    #[test]
    fn a_partial_load_omits_delete() {
        let mut ch = Chunker::new(1000, None);
        ch.push(&company(1), &[]);
        let out = ch.finish();
        assert_eq!(
            parse(&out[0]),
            json!({"data": [
            {"id": 1, "name": "Company 1", "description": null, "fields": [], "contacts": []}]})
        );
    }

    #[test]
    fn splits_into_requests_under_the_limit_and_repeats_a_split_company() {
        let limit = 2_000;
        let mut ch = Chunker::new(limit, Some(false));
        let contacts: Vec<Contact> = (0..100).map(|i| contact(i, 20)).collect();
        let refs: Vec<&Contact> = contacts.iter().collect();
        let mut out = Vec::new();
        for g in refs.chunks(30) {
            assert!(ch.push(&company(7), g).is_empty());
            out.extend(ch.take_ready());
        }
        out.extend(ch.finish());
        assert!(out.len() > 3, "{} requests", out.len());
        let mut ids = Vec::new();
        for p in &out {
            assert!(p.body.len() <= limit, "{} > {limit}", p.body.len());
            let v = parse(p);
            assert_eq!(v["delete"], json!(false));
            for entry in v["data"].as_array().unwrap() {
                assert_eq!(entry["id"], json!(7));
                for c in entry["contacts"].as_array().unwrap() {
                    ids.push(c["id"].as_u64().unwrap());
                }
            }
        }
        assert_eq!(ids, (0..100).collect::<Vec<_>>());
        assert_eq!(out.iter().map(|p| p.contacts).sum::<usize>(), 100);
    }

    #[test]
    fn a_contact_bigger_than_the_limit_is_rejected_with_its_line_and_the_rest_is_sent() {
        let mut ch = Chunker::new(1_000, None);
        let (small, huge) = (contact(1, 10), contact(2, 5_000));
        let rejected = ch.push(&company(1), &[&small, &huge]);
        assert_eq!(rejected.len(), 1);
        assert_eq!((rejected[0].line, rejected[0].id.as_str()), (2, "2"));
        let out = ch.finish();
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].contacts, 1);
    }

    #[test]
    fn a_company_too_big_for_any_request_is_rejected_with_all_its_contacts() {
        let mut ch = Chunker::new(500, None);
        let mut big = company(1);
        big.description = Some("d".repeat(1_000));
        let c = contact(2, 1);
        let rejected = ch.push(&big, &[&c]);
        assert_eq!(rejected.len(), 1);
        assert!(rejected[0].company);
        assert_eq!(rejected[0].id, "1");
        assert!(ch.finish().is_empty());
    }
}
