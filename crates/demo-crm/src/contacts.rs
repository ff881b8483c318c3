//! Contacts: the seeded address book and the records created through the new-contact form.

use serde::{Deserialize, Serialize};

/// A person in the CRM.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// The CRM's id, `C-1001`; the page is `/contacts/{id}`.
    pub id: String,
    /// Full name as shown.
    pub name: String,
    /// Employer, if any.
    #[serde(default)]
    pub company: Option<String>,
    /// E-mail address, if any.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone numbers, in the order the page lists them.
    pub phones: Vec<Phone>,
    /// Free text shown under the details.
    #[serde(default)]
    pub notes: String,
}

impl Contact {
    /// The page of this contact on the CRM's origin.
    pub fn url(&self) -> String {
        format!("/contacts/{}", self.id)
    }

    /// Whether one of this contact's numbers is `e164`.
    pub fn has_number(&self, e164: &str) -> bool {
        self.phones.iter().any(|p| p.e164 == e164)
    }
}

/// One phone number of a contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone {
    /// What the number is (`Mobile`, `Switchboard`).
    pub label: String,
    /// The number in E.164, `+420777123456`.
    pub e164: String,
    /// How the page shows it.
    pub link: PhoneLink,
}

/// How a contact page presents a number. Real CRM pages mix all three, and the panel must cope
/// with each: `tel:` and `callto:` links it dials itself, plain text the next issue detects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PhoneLink {
    /// `<a href="tel:+420...">`.
    Tel,
    /// `<a href="callto:+420...">` (the Skype-era scheme some CRMs still emit).
    Callto,
    /// Plain text in the national form, no link.
    Text,
}

/// A number the demo toolbar rings agent1 from, with what the CRM knows about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RingNumber {
    /// E.164.
    pub e164: &'static str,
    /// What a ring from it shows off, for the button's label.
    pub what: &'static str,
    /// How many CRM contacts have this number (pinned by a test against the seed).
    pub crm_matches: usize,
}

/// The toolbar's numbers: one match (a record opens), two matches (a search opens), none (a
/// new-contact form opens), and one that only Daktela knows.
pub const RING_NUMBERS: &[RingNumber] = &[
    RingNumber {
        e164: "+420777123456",
        what: "Jan Novák, 1 contact",
        crm_matches: 1,
    },
    RingNumber {
        e164: "+420222333444",
        what: "Stavby Praha switchboard, 2 contacts",
        crm_matches: 2,
    },
    RingNumber {
        e164: "+420608999000",
        what: "unknown number",
        crm_matches: 0,
    },
    RingNumber {
        e164: "+420603987654",
        what: "known to Daktela only",
        crm_matches: 0,
    },
];

fn phone(label: &str, e164: &str, link: PhoneLink) -> Phone {
    Phone {
        label: label.to_owned(),
        e164: e164.to_owned(),
        link,
    }
}

fn contact(id: &str, name: &str, company: &str, email: &str, phones: Vec<Phone>) -> Contact {
    Contact {
        id: id.to_owned(),
        name: name.to_owned(),
        company: (!company.is_empty()).then(|| company.to_owned()),
        email: (!email.is_empty()).then(|| email.to_owned()),
        phones,
        notes: String::new(),
    }
}

/// The address book the demo starts with. Numbers match the simulator's seeded contacts
/// (`daktela-sim` `world/seed.rs`) so that Daktela's matched contact and the CRM's record agree
/// on the ringing card; Jana Nováková is the contact on the root `index.html` page (her mobile
/// there, `+420 777 123 456`, is Jan Novák's here, so that number has exactly one owner).
pub fn seeded() -> Vec<Contact> {
    use PhoneLink::{Callto, Tel, Text};
    let mut jana = contact(
        "C-1001",
        "Jana Nováková",
        "Novák Stavby s.r.o.",
        "jana.novakova@novakstavby.cz",
        vec![
            phone("Office", "+420226211245", Tel),
            phone("Home", "+420602987654", Text),
            phone("Slovak branch", "+421905555123", Callto),
        ],
    );
    jana.notes = "Prefers calls in the morning. Asked for a quote on 40 m² of flooring.".into();
    vec![
        jana,
        contact(
            "C-1002",
            "Jan Novák",
            "Acme s.r.o.",
            "jan.novak@acme.cz",
            vec![phone("Mobile", "+420777123456", Tel)],
        ),
        contact(
            "C-1003",
            "Petra Malá",
            "Acme s.r.o.",
            "petra.mala@acme.cz",
            vec![phone("Mobile", "+420602111222", Tel)],
        ),
        contact(
            "C-1004",
            "Tomáš Černý",
            "Stavby Praha a.s.",
            "cerny@stavbypraha.cz",
            vec![
                phone("Mobile", "+420731555666", Tel),
                phone("Switchboard", "+420222333444", Text),
            ],
        ),
        contact(
            "C-1005",
            "Alena Bílá",
            "Stavby Praha a.s.",
            "bila@stavbypraha.cz",
            vec![
                phone("Switchboard", "+420222333444", Tel),
                phone("Mobile", "+420608444555", Text),
            ],
        ),
        contact(
            "C-1006",
            "Karel Dvořák",
            "Dvořák & syn",
            "karel@dvorakasyn.cz",
            vec![phone("Mobile", "+420777000111", Tel)],
        ),
        contact(
            "C-1007",
            "Martin Horák",
            "Horák Logistics",
            "horak@horaklogistics.cz",
            vec![phone("Office", "+420739444555", Callto)],
        ),
        contact(
            "C-1008",
            "Anna Schmidt",
            "Berlin Handel GmbH",
            "a.schmidt@berlinhandel.de",
            vec![phone("Office", "+4930123456789", Tel)],
        ),
    ]
}

/// The id after the highest `C-<n>` in `contacts`.
pub fn next_id<'a>(contacts: impl Iterator<Item = &'a Contact>) -> String {
    let max = contacts
        .filter_map(|c| c.id.strip_prefix("C-")?.parse::<u64>().ok())
        .max()
        .unwrap_or(1000);
    format!("C-{}", max + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ring_numbers_have_the_promised_number_of_owners() {
        let book = seeded();
        for ring in RING_NUMBERS {
            let owners = book.iter().filter(|c| c.has_number(ring.e164)).count();
            assert_eq!(owners, ring.crm_matches, "{}", ring.e164);
        }
    }

    #[test]
    fn seeded_numbers_are_e164() {
        for c in seeded() {
            for p in &c.phones {
                assert_eq!(crate::phone::to_e164(&p.e164, "420"), Some(p.e164.clone()));
            }
        }
    }

    #[test]
    fn new_ids_follow_the_highest() {
        assert_eq!(next_id(seeded().iter()), "C-1009");
        assert_eq!(next_id([].iter()), "C-1001");
    }
}
