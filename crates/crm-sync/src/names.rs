//! Deterministic Daktela record names from CRM ids, so a record is found again by name
//! without a lookup, and the same CRM id always lands on the same Daktela record.

use crate::hash::fnv1a;

/// Prefixes of the names this tool owns. Deletion only ever touches names with the contact
/// prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Naming {
    /// Contact name prefix (default `crm_contact_`).
    pub contact_prefix: String,
    /// Account name prefix (default `crm_account_`).
    pub account_prefix: String,
}

impl Default for Naming {
    fn default() -> Self {
        Naming {
            contact_prefix: "crm_contact_".into(),
            account_prefix: "crm_account_".into(),
        }
    }
}

impl Naming {
    /// The Daktela `contacts` name for a CRM contact id.
    ///
    /// UNCONFIRMED(S3): the sync endpoint is read as naming what it creates the same way
    /// (`crm_contact_<id>`, `crm_account_<id>`), which lets REST mode and the deletion step
    /// find records a bulk load made. The prefixes are options for an instance that differs.
    pub fn contact(&self, crm_id: &str) -> String {
        format!("{}{}", self.contact_prefix, slug(crm_id))
    }

    /// The Daktela `accounts` name for a CRM company id.
    pub fn account(&self, crm_id: &str) -> String {
        format!("{}{}", self.account_prefix, slug(crm_id))
    }
}

/// Lower-case ASCII letters, digits, `_` and `-` pass; anything else becomes `_`. When that
/// loses information (or leaves nothing) a hash of the original id is appended, so two
/// different ids can never share a name.
pub fn slug(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    let mut lossy = id.is_empty();
    for c in id.chars() {
        match c {
            'a'..='z' | '0'..='9' | '_' | '-' => out.push(c),
            _ => {
                lossy = true;
                out.push(if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                });
            }
        }
    }
    if lossy {
        out.push_str(&format!("_{:08x}", fnv1a(id.as_bytes()) as u32));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ids_map_to_readable_names() {
        let n = Naming::default();
        assert_eq!(n.contact("42"), "crm_contact_42");
        assert_eq!(n.account("acme-7"), "crm_account_acme-7");
    }

    #[test]
    fn ids_that_differ_only_in_case_or_symbols_get_different_names() {
        assert_ne!(slug("A1"), slug("a1"));
        assert_ne!(slug("a b"), slug("a_b"));
        assert_ne!(slug("a/b"), slug("a.b"));
        assert_eq!(slug("A1"), slug("A1"));
        assert!(slug("A1").starts_with("a1_"));
    }
}
