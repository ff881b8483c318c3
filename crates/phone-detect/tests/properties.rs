//! For any UTF-8 input: no panic, and every match is a sane, ordered byte range with E.164.
#![allow(clippy::unwrap_used)]

use std::sync::LazyLock;

use phone_detect::{Detector, DetectorConfig, Exclusion, Region, parse_tel_href};
use proptest::prelude::*;

fn check(detector: &Detector, text: &str) -> Result<(), TestCaseError> {
    let found = detector.find(text);
    let mut previous_end = 0;
    for f in &found {
        prop_assert!(
            f.start < f.end && f.end <= text.len(),
            "{f:?} out of 0..{}",
            text.len()
        );
        prop_assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "{f:?}"
        );
        prop_assert!(f.start >= previous_end, "overlap or disorder at {f:?}");
        previous_end = f.end;
        let digits = f.e164.strip_prefix('+').unwrap_or("");
        prop_assert!((8..=15).contains(&digits.len()), "{}", f.e164);
        prop_assert!(
            digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0'),
            "{}",
            f.e164
        );
        if let Some(ext) = &f.extension {
            prop_assert!(!ext.is_empty() && ext.bytes().all(|b| b.is_ascii_digit()));
        }
    }
    Ok(())
}

/// Text made of the pieces phone numbers and their distractors are made of, so that runs,
/// labels, extensions and separators meet in every combination.
fn crm_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[0-9]{1,12}",
        Just("+".to_owned()),
        Just("00".to_owned()),
        Just("(0)".to_owned()),
        "[ \u{a0}\u{202f}\u{2009}./()\u{2013}-]{1,3}",
        Just("tel. ".to_owned()),
        Just("IČO ".to_owned()),
        Just(" ext. ".to_owned()),
        Just("x".to_owned()),
        Just(" linka ".to_owned()),
        Just(" Kč".to_owned()),
        Just("#".to_owned()),
        Just("\n".to_owned()),
        "[a-zA-Zčřžýáíé€:;,%]{1,4}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// One detector per region plus one with tenant exclusions, built once for all cases.
static DETECTORS: LazyLock<Vec<Detector>> = LazyLock::new(|| {
    let mut all: Vec<Detector> = Region::all()
        .map(|r| Detector::new(DetectorConfig::new(r)).unwrap())
        .collect();
    let config = DetectorConfig {
        default_region: Region::Cz,
        exclusions: vec![
            Exclusion::Label("smlouv*".into()),
            Exclusion::Shape("### ### ###".into()),
            Exclusion::Prefix("+420900".into()),
        ],
    };
    all.push(Detector::new(config).unwrap());
    all
});

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_gives_ordered_in_bounds_matches_in_every_region(text in any::<String>()) {
        for detector in DETECTORS.iter() {
            check(detector, &text)?;
        }
    }

    #[test]
    fn crm_like_text_gives_ordered_in_bounds_matches_in_every_region(text in crm_like()) {
        for detector in DETECTORS.iter() {
            check(detector, &text)?;
        }
    }

    #[test]
    fn any_href_is_read_without_panicking_and_gives_e164(href in "(tel:|callto:|TEL:)?.{0,30}") {
        for region in Region::all() {
            if let Some(n) = parse_tel_href(&href, region) {
                let digits = n.as_str().strip_prefix('+').unwrap();
                prop_assert!((8..=15).contains(&digits.len()));
            }
        }
    }
}
