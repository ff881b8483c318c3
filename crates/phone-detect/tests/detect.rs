//! What an agent sees: which strings on a CRM page become callable numbers, and which not.
#![allow(clippy::unwrap_used)]

use phone_detect::{ConfigError, Detector, DetectorConfig, Exclusion, NumberKind, Region};

fn detector(region: Region) -> Detector {
    Detector::new(DetectorConfig::new(region)).unwrap()
}

/// (raw, e164) of every number found.
fn find(region: Region, text: &str) -> Vec<(String, String)> {
    detector(region)
        .find(text)
        .iter()
        .map(|f| (f.raw(text).to_owned(), f.e164.clone()))
        .collect()
}

fn one(region: Region, text: &str) -> String {
    let found = find(region, text);
    assert_eq!(found.len(), 1, "{text:?} gave {found:?}");
    found[0].1.clone()
}

fn none(region: Region, text: &str) {
    assert_eq!(
        find(region, text),
        Vec::<(String, String)>::new(),
        "{text:?}"
    );
}

#[test]
fn international_national_and_grouped_forms_are_found_with_their_raw_range() {
    assert_eq!(
        find(Region::Cz, "Tel.: +420 777 123 456."),
        [("+420 777 123 456".into(), "+420777123456".into())]
    );
    assert_eq!(one(Region::Cz, "mobil 777123456"), "+420777123456");
    assert_eq!(
        one(Region::Cz, "volejte 00420 777 123 456"),
        "+420777123456"
    );
    assert_eq!(one(Region::Cz, "(+420) 777-123-456"), "+420777123456");
    assert_eq!(one(Region::Cz, "777.123.456"), "+420777123456");
    assert_eq!(one(Region::Sk, "0905 555 123"), "+421905555123");
    assert_eq!(one(Region::Sk, "02/5443 1234"), "+421254431234");
    assert_eq!(one(Region::De, "Tel. 030 / 1234 5678"), "+493012345678");
    assert_eq!(one(Region::De, "+49 (0)171 1234567"), "+491711234567");
    assert_eq!(one(Region::Gb, "020 7946 0958"), "+442079460958");
    assert_eq!(one(Region::Us, "(212) 456-7890"), "+12124567890");
    assert_eq!(one(Region::Us, "1-212-456-7890"), "+12124567890");
    assert_eq!(one(Region::Fr, "06.12.34.56.78"), "+33612345678");
    assert_eq!(one(Region::Hu, "(06 1) 234 5678"), "+3612345678");
    assert_eq!(one(Region::It, "06 1234 5678"), "+390612345678");
    assert_eq!(one(Region::Es, "912 34 56 78"), "+34912345678");
    assert_eq!(one(Region::Nl, "06-12345678"), "+31612345678");
    assert_eq!(one(Region::Pl, "tel. 512 345 678"), "+48512345678");
    assert_eq!(one(Region::At, "0664 1234567"), "+436641234567");
}

#[test]
fn no_break_and_thin_spaces_join_groups() {
    assert_eq!(
        one(Region::Cz, "+420\u{a0}777\u{a0}123\u{a0}456"),
        "+420777123456"
    );
    assert_eq!(
        one(Region::Cz, "+420\u{202f}777\u{202f}123\u{202f}456"),
        "+420777123456"
    );
    assert_eq!(
        one(Region::Cz, "+420\u{2009}777\u{2009}123\u{2009}456"),
        "+420777123456"
    );
}

#[test]
fn national_numbers_without_the_trunk_prefix_are_not_numbers_where_one_is_dialled() {
    none(Region::De, "Kunde 3012345678 angelegt");
    none(Region::Fr, "612345678");
    assert_eq!(one(Region::Us, "212 456 7890"), "+12124567890");
}

#[test]
fn extensions_are_part_of_the_match_and_reported() {
    let text = "Tel. +420 224 123 456 linka 210, jinak recepce";
    let found = detector(Region::Cz).find(text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].raw(text), "+420 224 123 456 linka 210");
    assert_eq!(found[0].extension.as_deref(), Some("210"));
    let us = detector(Region::Us).find("Office (312) 555-2368 ext. 204");
    assert_eq!(us[0].extension.as_deref(), Some("204"));
}

#[test]
fn two_numbers_in_one_run_of_spaces_are_split() {
    let found = find(Region::Cz, "Mobil: 777 123 456 602 987 654");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0], ("777 123 456".into(), "+420777123456".into()));
    assert_eq!(found[1], ("602 987 654".into(), "+420602987654".into()));
    assert_eq!(
        one(Region::Cz, "Hovor 12.3.2024 777 123 456"),
        "+420777123456"
    );
}

#[test]
fn dates_and_times_in_every_common_order_are_not_numbers() {
    for text in [
        "12.03.2024",
        "12. 3. 2024",
        "2024-03-12",
        "03/12/2024",
        "12/03/2024",
        "12-03-2024",
        "12.03.24",
        "12.03.2024 14:35",
        "2024-03-12T14:35:00",
        "12.03.2024–15.03.2024",
        "14:35:22",
        "12.03.2024 10.30",
    ] {
        for region in Region::all() {
            none(region, text);
        }
    }
}

#[test]
fn amounts_ids_accounts_and_codes_are_not_numbers() {
    for text in [
        "Cena: 777 123 456 Kč",
        "602 123 456 ks",
        "celkem 123 456 789,- Kč",
        "€ 602 123 456",
        "IČO: 27082440",
        "DIČ: CZ27082440",
        "Objednávka č. 602123456",
        "Ticket #602123456",
        "Faktura 777123456",
        "č. ú. 19-2000145399/0800",
        "855214/1234",
        "IBAN CZ65 0800 0000 1920 0014 5399",
        "PSČ 602 00",
        "4111 1111 1111 1111",
        "192.168.100.254",
        "v2.14.3",
        "ABC-731222333",
        "550e8400-e29b-41d4-a716-446655440000",
        "0x7f3a9c12",
        "12,5 %",
        "777123456abc",
        "Zákaznické číslo 602123456",
        "REGON: 123456785",
    ] {
        none(Region::Cz, text);
    }
    none(Region::De, "Rechnung Nr. 0301234567 vom 12.03.2024");
    none(Region::De, "USt-IdNr.: DE123456789, 01067 Dresden");
    none(
        Region::Us,
        "Order #2124567890, SSN 123-45-6789, ZIP 10001-1234",
    );
    none(Region::It, "P.IVA 01234567890");
}

#[test]
fn a_phone_label_wins_over_an_earlier_id_label() {
    assert_eq!(
        one(Region::Cz, "Objednávka vyřízena, tel. 777 123 456"),
        "+420777123456"
    );
    assert_eq!(
        one(Region::Cz, "IČO 27082440 Tel 777 123 456"),
        "+420777123456"
    );
    let found = detector(Region::Cz).find("tel. 777 123 456 nebo 602 987 654");
    assert!(found[0].labelled);
    assert!(!found[1].labelled);
}

#[test]
fn numbers_are_classified_by_their_plan() {
    let kinds: Vec<NumberKind> = detector(Region::Cz)
        .find("777 123 456, 226 211 245, 800 123 456, +41 44 668 18 00")
        .iter()
        .map(|f| f.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            NumberKind::Mobile,
            NumberKind::FixedLine,
            NumberKind::TollFree,
            NumberKind::Unknown
        ]
    );
}

#[test]
fn tenant_exclusions_drop_labels_shapes_and_prefixes() {
    let config = DetectorConfig {
        default_region: Region::Cz,
        exclusions: vec![
            Exclusion::Label("Vertrag*".into()),
            Exclusion::Shape("POJ ### ### ###".into()),
            Exclusion::Prefix("+420900".into()),
        ],
    };
    let d = Detector::new(config).unwrap();
    assert!(d.find("Vertragsnummer 777 123 456").is_empty());
    assert!(d.find("POJ 777 123 456").is_empty());
    assert!(d.find("premium 900 123 456").is_empty());
    assert_eq!(d.find("tel. 777 123 456").len(), 1);
}

#[test]
fn bad_tenant_exclusions_are_refused_naming_the_problem() {
    let config = |e: Exclusion| DetectorConfig {
        default_region: Region::Cz,
        exclusions: vec![e],
    };
    assert_eq!(
        Detector::new(config(Exclusion::Label("  ".into()))).unwrap_err(),
        ConfigError::EmptyLabel { index: 0 }
    );
    let err = Detector::new(config(Exclusion::Shape("ORD".into()))).unwrap_err();
    assert!(err.to_string().contains("no # digit slot"), "{err}");
    let err = Detector::new(config(Exclusion::Prefix("420".into()))).unwrap_err();
    assert!(matches!(err, ConfigError::BadPrefix { .. }));
    let err = Region::from_code("XX").unwrap_err();
    assert!(err.to_string().contains("CZ, SK, PL"), "{err}");
}

#[test]
fn tel_links_are_read_with_the_detectors_region() {
    let d = detector(Region::De);
    assert_eq!(
        d.parse_tel_href("tel:030-1234567").unwrap().as_str(),
        "+49301234567"
    );
    assert_eq!(
        d.parse_tel_href("callto:+420777123456")
            .unwrap()
            .to_string(),
        "+420777123456"
    );
    assert!(d.parse_tel_href("https://example.com").is_none());
}

#[test]
fn tel_urls_written_in_text_are_found() {
    assert_eq!(one(Region::Cz, "odkaz tel:+420777123456"), "+420777123456");
}
