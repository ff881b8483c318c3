//! Content hashes of CRM records: what the incremental state compares run to run.

use crate::hash::Hasher;
use crate::model::{Company, Contact, CrmId, Field};

fn fields(h: &mut Hasher, fields: &[Field]) {
    h.add(Some(&fields.len().to_string()));
    for f in fields {
        h.add(Some(&f.key)).add(Some(&f.value.len().to_string()));
        for v in &f.value {
            h.add(Some(v));
        }
    }
}

/// A contact's hash. Its company's id is part of it: moving a contact to another company
/// is a change.
pub fn contact_hash(c: &Contact, company: Option<&CrmId>) -> u64 {
    let mut h = Hasher::default();
    h.add(Some(&c.id.text))
        .add(c.name.as_deref())
        .add(c.firstname.as_deref())
        .add(c.lastname.as_deref())
        .add(c.description.as_deref())
        .add(company.map(|i| i.text.as_str()));
    fields(&mut h, &c.fields);
    h.finish()
}

/// A company's hash (its head; contacts are hashed on their own).
pub fn company_hash(c: &Company) -> u64 {
    let mut h = Hasher::default();
    h.add(c.id.as_ref().map(|i| i.text.as_str()))
        .add(c.name.as_deref())
        .add(c.description.as_deref());
    fields(&mut h, &c.fields);
    h.finish()
}
