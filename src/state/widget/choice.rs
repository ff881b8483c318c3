//! What the widget offers once the CRM has answered the lookup: one record to confirm, several
//! to pick from, or none and a "create contact" link pre-filled with the number.
//!
//! Every link that comes out of here is an absolute http(s) URL ([`resolve_url`]): a record whose
//! URL is unsafe is still shown and can still be paired, only without a link.

use crate::state::config::Template;
use crate::state::screen_pop::{CrmRecord, resolve_url};

use super::params::WidgetParams;

/// What the widget shows under the call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// An internal call: no customer to look up.
    Internal,
    /// Exactly one record matches.
    One(CrmRecord),
    /// Several match: the agent picks one.
    Many(Vec<CrmRecord>),
    /// None matches; `create_url` opens the CRM's new-contact form, when one is configured.
    Nothing {
        /// `screen_pop.new_contact_url`, filled and checked.
        create_url: Option<String>,
    },
}

/// Decides what to show for the lookup's `matches` (`page_base` is the widget page's URL).
pub fn choose(
    matches: Vec<CrmRecord>,
    params: &WidgetParams,
    new_contact_url: Option<&Template>,
    page_base: &str,
) -> Choice {
    let Some(number) = &params.number else {
        return Choice::Internal;
    };
    let mut records: Vec<CrmRecord> = matches
        .into_iter()
        .map(|record| CrmRecord {
            url: resolve_url(&record.url, page_base).unwrap_or_default(),
            ..record
        })
        .collect();
    match records.len() {
        0 => Choice::Nothing {
            create_url: new_contact_url.and_then(|template| {
                let url = template.fill(&|name| match name {
                    "e164" => Some(number.as_str().to_owned()),
                    "number" => Some(number.digits().to_owned()),
                    "activity" => Some(params.activity.clone()),
                    "call_id" => Some(params.call_id.clone()),
                    _ => None,
                });
                resolve_url(&url, page_base).ok()
            }),
        },
        1 => Choice::One(records.remove(0)),
        _ => Choice::Many(records),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::state::phone::Region;

    const BASE: &str = "https://crm.example/daktela/widget.html?clid=1";

    fn params(query: &str) -> WidgetParams {
        WidgetParams::from_query(query, Region::Cz).unwrap()
    }

    fn record(id: &str, url: &str) -> CrmRecord {
        CrmRecord {
            id: id.into(),
            name: format!("Name {id}"),
            url: url.into(),
            kind: None,
        }
    }

    const IN: &str = "activity=a1&callid=c1&direction=in&clid=777123456";

    #[test]
    fn one_match_is_offered_with_its_link_resolved_against_the_page() {
        let choice = choose(
            vec![record("C-1", "/contacts/C-1")],
            &params(IN),
            None,
            BASE,
        );
        assert_eq!(
            choice,
            Choice::One(record("C-1", "https://crm.example/contacts/C-1"))
        );
    }

    #[test]
    fn an_unsafe_record_link_is_dropped_but_the_record_stays_pairable() {
        let matches = vec![
            record("C-1", "javascript:alert(1)"),
            record("C-2", "contact?id=2"),
        ];
        let Choice::Many(records) = choose(matches, &params(IN), None, BASE) else {
            panic!("several matches are a pick list");
        };
        assert_eq!(records[0].url, "");
        assert_eq!(records[1].url, "https://crm.example/daktela/contact?id=2");
    }

    #[test]
    fn no_match_offers_the_new_contact_form_with_the_number() {
        let template = Template::parse("/contacts/new?phone={e164}&call={call_id}").unwrap();
        let choice = choose(vec![], &params(IN), Some(&template), BASE);
        assert_eq!(
            choice,
            Choice::Nothing {
                create_url: Some(
                    "https://crm.example/contacts/new?phone=%2B420777123456&call=c1".into()
                )
            }
        );
        let choice = choose(vec![], &params(IN), None, BASE);
        assert_eq!(choice, Choice::Nothing { create_url: None });
    }

    #[test]
    fn an_internal_call_offers_no_customer() {
        let p = params("activity=a1&callid=c1&direction=internal&clid=201");
        let choice = choose(vec![record("C-1", "/c")], &p, None, BASE);
        assert_eq!(choice, Choice::Internal);
    }
}
