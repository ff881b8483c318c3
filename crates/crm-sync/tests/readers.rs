//! The streaming readers: white-paper JSON, JSON lines and CSV with a mapping.
#![allow(clippy::unwrap_used)]

use crm_sync::input::{Format, InputError, Item, Mapping, Source, read_all};
use crm_sync::model::Group;
use crm_sync::phone::PhoneRules;

fn czech() -> PhoneRules {
    PhoneRules {
        default_country_code: Some("420".into()),
        ..PhoneRules::default()
    }
}

fn read(text: &str, format: Format) -> Vec<Item> {
    read_all(Source::Bytes(text.as_bytes().to_vec()), format, czech())
}

fn groups(items: &[Item]) -> Vec<&Group> {
    items.iter().filter_map(|i| i.as_ref().ok()).collect()
}

fn errors(items: &[Item]) -> Vec<&InputError> {
    items.iter().filter_map(|i| i.as_ref().err()).collect()
}

/// §3.2's example verbatim. It is not valid JSON: the `data` array is never closed.
const WHITE_PAPER: &str = include_str!("data/white_paper_example.json");
/// The same with the one missing `]` added.
const WHITE_PAPER_FIXED: &str = include_str!("data/white_paper_example_fixed.json");

#[test]
fn the_white_papers_verbatim_example_is_delivered_then_stopped_at_its_missing_bracket() {
    let items = read(WHITE_PAPER, Format::WhitePaper);
    assert_eq!(
        groups(&items).len(),
        2,
        "both companies come before the defect"
    );
    let e = errors(&items);
    assert_eq!(e.len(), 1);
    assert!(e[0].is_fatal());
    assert!(e[0].to_string().starts_with("line 41:"), "{}", e[0]);
}

#[test]
fn reads_the_white_papers_example_with_its_bracket_fixed() {
    let items = read(WHITE_PAPER_FIXED, Format::WhitePaper);
    assert!(errors(&items).is_empty(), "{:?}", errors(&items));
    let g = groups(&items);
    assert_eq!(g.len(), 2);
    assert_eq!(g[0].company.id.as_ref().unwrap().text, "1");
    assert_eq!(g[0].company.name.as_deref(), Some("Daktela s.r.o."));
    assert_eq!(
        g[0].company.fields[0].value,
        vec!["00420773794604", "00420775156599"]
    );
    assert_eq!(g[0].contacts[0].firstname.as_deref(), Some("Jiri"));
    assert!(
        g[1].company.is_none(),
        "the null company is the no-company bucket"
    );
    assert_eq!(g[1].contacts[0].id.text, "3");
    assert_eq!(g[1].contacts[0].fields[0].value, vec!["00420775775775"]);
}

#[test]
fn a_broken_white_paper_document_stops_with_the_line_of_the_break() {
    let broken = "{\"data\": [\n{\"id\": 1, \"contacts\": []},\n{\"id\": 2, \"contacts\": [}\n]}";
    let items = read(broken, Format::WhitePaper);
    assert_eq!(
        groups(&items).len(),
        1,
        "the company before the break is delivered"
    );
    let e = errors(&items);
    assert_eq!(e.len(), 1);
    assert!(e[0].is_fatal());
    assert!(e[0].to_string().starts_with("line 3:"), "{}", e[0]);
}

#[test]
fn white_paper_contacts_without_ids_and_bad_numbers_are_reported_by_line_and_skipped() {
    let doc = "{\"data\": [{\"id\": 5, \"name\": \"A\", \"contacts\": [\n\
        {\"id\": 1, \"lastname\": \"ok\"},\n\
        {\"lastname\": \"no id\"},\n\
        {\"id\": 3, \"fields\": [{\"key\": \"number\", \"value\": [\"call me\"]}]}\n\
        ]}]}";
    let items = read(doc, Format::WhitePaper);
    let e = errors(&items);
    assert!(
        matches!(
            e[0],
            InputError::MissingId {
                line: 3,
                what: "contact"
            }
        ),
        "{e:?}"
    );
    assert!(
        matches!(e[1], InputError::BadNumber { line: 4, .. }),
        "{e:?}"
    );
    assert_eq!(groups(&items)[0].contacts.len(), 1);
}

#[test]
fn json_lines_group_consecutive_contacts_of_one_company_and_report_bad_lines() {
    let text = "\
{\"id\": 1, \"lastname\": \"A\", \"company\": {\"id\": \"c1\", \"name\": \"C\"}}
{\"id\": 2, \"lastname\": \"B\", \"company\": {\"id\": \"c1\", \"name\": \"C\"}}

not json
{\"id\": 3, \"lastname\": \"C\"}
{\"id\": 4, \"company\": {\"name\": \"nameless id\"}}
";
    let items = read(text, Format::JsonLines);
    let g = groups(&items);
    assert_eq!(g.len(), 2);
    assert_eq!(g[0].contacts.len(), 2);
    assert_eq!(g[0].company.id.as_ref().unwrap().text, "c1");
    assert!(g[1].company.is_none());
    let e = errors(&items);
    assert!(
        matches!(e[0], InputError::Malformed { line: 4, .. }),
        "{e:?}"
    );
    assert!(
        matches!(
            e[1],
            InputError::MissingId {
                line: 6,
                what: "company"
            }
        ),
        "{e:?}"
    );
}

fn mapping() -> Mapping {
    Mapping::from_json(
        r#"{"id": "crm_id", "firstname": "first", "lastname": "last",
            "company": {"id": "company_id", "name": "company"},
            "fields": {"number": ["phone", "mobile"], "email": ["email"]},
            "split": ";"}"#,
    )
    .unwrap()
}

#[test]
fn csv_rows_map_columns_to_fields_with_several_values_and_normalised_numbers() {
    let csv = "\
crm_id,first,last,company_id,company,phone,mobile,email
1,Jan,Novak,7,ACME,+420 601 111 111,602222222;603 333 333,jan@acme.cz
2,Eva,Mala,7,ACME,,,eva@acme.cz
3,Petr,Bez,,,,,
";
    let items = read(csv, Format::Csv(Box::new(mapping())));
    assert!(errors(&items).is_empty(), "{:?}", errors(&items));
    let g = groups(&items);
    assert_eq!(g.len(), 2);
    assert_eq!(g[0].company.name.as_deref(), Some("ACME"));
    let jan = &g[0].contacts[0];
    let number = jan.fields.iter().find(|f| f.key == "number").unwrap();
    assert_eq!(
        number.value,
        vec!["00420601111111", "00420602222222", "00420603333333"]
    );
    assert_eq!(jan.line, 2);
    assert!(g[1].company.is_none());
    assert_eq!(g[1].contacts[0].line, 4);
}

#[test]
fn csv_problems_are_reported_with_their_line() {
    let csv = "\
crm_id,first,last,company_id,company,phone,mobile,email
1,Jan,Novak,7,ACME,,,
,No,Id,7,ACME,,,
3,Too,Few
4,Bad,Number,7,ACME,abc,,
";
    let items = read(csv, Format::Csv(Box::new(mapping())));
    let e = errors(&items);
    assert!(
        matches!(e[0], InputError::MissingId { line: 3, .. }),
        "{e:?}"
    );
    assert!(
        matches!(e[1], InputError::Malformed { line: 4, .. }),
        "{e:?}"
    );
    assert!(
        matches!(e[2], InputError::BadNumber { line: 5, .. }),
        "{e:?}"
    );
    assert_eq!(
        groups(&items)
            .iter()
            .map(|g| g.contacts.len())
            .sum::<usize>(),
        1
    );
}

#[test]
fn a_mapping_naming_a_missing_column_stops_at_the_header() {
    let items = read("crm_id,first\n1,Jan\n", Format::Csv(Box::new(mapping())));
    let e = errors(&items);
    assert_eq!(e.len(), 1);
    assert!(e[0].is_fatal());
    assert!(e[0].to_string().contains("no column `last`"), "{}", e[0]);
}

#[test]
fn a_mapping_with_unknown_keys_is_refused() {
    assert!(Mapping::from_json(r#"{"id": "a", "phone": "b"}"#).is_err());
    assert!(Mapping::from_json(r#"{"id": "a", "delimiter": "é"}"#).is_err());
}

#[test]
fn duplicate_contact_ids_are_reported_with_both_lines() {
    use crm_sync::plan::Planner;
    use crm_sync::state::SyncState;
    let text = "{\"id\": 1, \"lastname\": \"A\"}\n{\"id\": 2, \"lastname\": \"B\"}\n{\"id\": 1, \"lastname\": \"C\"}\n";
    let mut planner = Planner::new(SyncState::default(), true);
    let mut dups = Vec::new();
    for item in read(text, Format::JsonLines) {
        let (_, errs) = planner.select(item.unwrap());
        dups.extend(errs);
    }
    assert_eq!(
        dups,
        vec![InputError::DuplicateId {
            line: 3,
            id: "1".into(),
            first_line: 1
        }]
    );
    assert_eq!(planner.counts.contacts_read, 2);
}
