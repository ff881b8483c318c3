//! Turning the digits of a candidate into an E.164 number, or refusing them.

use crate::plan::{NumberKind, Plan, Plans, split_calling_code};
use crate::region::Region;

/// Fewest and most digits (calling code included) of a number we report.
const E164_MIN: usize = 8;
const E164_MAX: usize = 15;

/// A number the plans accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    /// `+` and digits.
    pub(crate) e164: String,
    pub(crate) kind: NumberKind,
}

/// How the candidate was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Written {
    /// With a leading `+`.
    Plus,
    /// Digits only (an IDD prefix like `00` may still start them).
    Plain,
}

/// Reads `digits` (ASCII digits only) as a number dialled in `region`.
///
/// A national number must carry the region's trunk prefix when it has one (`0` in DE, `06` in
/// HU), except in NANP where the `1` is optional. Without that rule every 9- or 10-digit ID in a
/// German or French page would be a "number". The country code written without `+` or `00`
/// (`420777123456`, common in CRM exports) is accepted for the home region only.
pub(crate) fn parse(
    plans: &Plans,
    region: Region,
    digits: &[u8],
    written: Written,
) -> Option<Parsed> {
    let home = plans.get(region);
    let parsed = match written {
        Written::Plus => international(plans, digits),
        Written::Plain => match digits.strip_prefix(home.data.idd.as_bytes()) {
            Some(rest) => international(plans, rest),
            None => national(plans, home, digits),
        },
    }?;
    (E164_MIN..=E164_MAX)
        .contains(&(parsed.e164.len() - 1))
        .then_some(parsed)
}

fn national(plans: &Plans, home: &Plan, digits: &[u8]) -> Option<Parsed> {
    let trunk = home.data.trunk.as_bytes();
    let nanp = home.data.calling_code == "1";
    let nsn = match digits.strip_prefix(trunk) {
        Some(rest) if !trunk.is_empty() => Some(rest),
        _ if trunk.is_empty() || nanp => Some(digits),
        _ => None,
    };
    let found =
        nsn.and_then(|nsn| in_calling_code(plans, home.data.calling_code, nsn, home.region));
    found.or_else(|| {
        let rest = digits.strip_prefix(home.data.calling_code.as_bytes())?;
        in_calling_code(plans, home.data.calling_code, rest, home.region)
    })
}

fn international(plans: &Plans, digits: &[u8]) -> Option<Parsed> {
    let (cc_digits, cc) = split_calling_code(digits)?;
    let cc_text = std::str::from_utf8(cc_digits).ok()?;
    let nsn = &digits[cc_digits.len()..];
    let len = u8::try_from(nsn.len()).ok()?;
    // Countries without a full plan here are checked by length only (for `+44` that is Jersey,
    // Guernsey and Man beside GB): written with `+`, such digits are a phone number anyway.
    let by_length = || {
        (cc.max > 0 && (cc.min..=cc.max).contains(&len)).then(|| Parsed {
            e164: e164(cc_text, nsn),
            kind: NumberKind::Unknown,
        })
    };
    if let Some(first) = plans.with_calling_code(cc_text).next() {
        let first = first.region;
        let planned = in_calling_code(plans, cc_text, nsn, first).or_else(|| {
            // `+44 (0)20 …`: a trunk prefix written after the country code is dropped (for
            // Hungary's `06` also the `0` people write by analogy).
            let trunk = plans
                .with_calling_code(cc_text)
                .next()?
                .data
                .trunk
                .as_bytes();
            [trunk, &trunk[..trunk.len().min(1)]]
                .into_iter()
                .filter(|t| !t.is_empty() && nsn.starts_with(t))
                .find_map(|t| in_calling_code(plans, cc_text, &nsn[t.len()..], first))
        });
        return planned.or_else(by_length);
    }
    by_length()
}

/// Validates `nsn` against the plans sharing `cc`, trying `preferred` first (CA vs US).
fn in_calling_code(plans: &Plans, cc: &str, nsn: &[u8], preferred: Region) -> Option<Parsed> {
    let preferred = plans.get(preferred);
    let others = plans
        .with_calling_code(cc)
        .filter(|p| p.region != preferred.region);
    std::iter::once(preferred)
        .filter(|p| p.data.calling_code == cc)
        .chain(others)
        .find_map(|plan| plan.classify(nsn))
        .map(|kind| Parsed {
            e164: e164(cc, nsn),
            kind,
        })
}

fn e164(cc: &str, nsn: &[u8]) -> String {
    let mut out = String::with_capacity(1 + cc.len() + nsn.len());
    out.push('+');
    out.push_str(cc);
    out.extend(nsn.iter().map(|&d| char::from(d)));
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn e(region: Region, digits: &str, written: Written) -> Option<String> {
        let plans = Plans::compile().unwrap();
        parse(&plans, region, digits.as_bytes(), written).map(|p| p.e164)
    }

    #[test]
    fn national_numbers_need_the_trunk_prefix_where_the_region_has_one() {
        assert_eq!(
            e(Region::De, "0301234567", Written::Plain).as_deref(),
            Some("+49301234567")
        );
        assert_eq!(e(Region::De, "301234567", Written::Plain), None);
        assert_eq!(
            e(Region::Hu, "0612345678", Written::Plain).as_deref(),
            Some("+3612345678")
        );
        assert_eq!(
            e(Region::Cz, "777123456", Written::Plain).as_deref(),
            Some("+420777123456")
        );
        assert_eq!(
            e(Region::Us, "12124567890", Written::Plain).as_deref(),
            Some("+12124567890")
        );
        assert_eq!(
            e(Region::Us, "2124567890", Written::Plain).as_deref(),
            Some("+12124567890")
        );
    }

    #[test]
    fn international_forms_use_the_plan_of_the_dialled_country() {
        assert_eq!(
            e(Region::Cz, "421905555123", Written::Plus).as_deref(),
            Some("+421905555123")
        );
        assert_eq!(
            e(Region::Cz, "00421905555123", Written::Plain).as_deref(),
            Some("+421905555123")
        );
        assert_eq!(
            e(Region::Cz, "4402079460958", Written::Plus).as_deref(),
            Some("+442079460958")
        );
        assert_eq!(
            e(Region::Us, "011420777123456", Written::Plain).as_deref(),
            Some("+420777123456")
        );
        assert_eq!(e(Region::Cz, "420123456789", Written::Plus), None);
    }

    #[test]
    fn other_countries_are_checked_by_length_and_e164_bounds() {
        assert_eq!(
            e(Region::Cz, "41796533279", Written::Plus).as_deref(),
            Some("+41796533279")
        );
        assert_eq!(e(Region::Cz, "41796", Written::Plus), None);
        assert_eq!(e(Region::Cz, "0123456789", Written::Plus), None);
    }

    #[test]
    fn the_home_country_code_without_plus_is_accepted() {
        assert_eq!(
            e(Region::Cz, "420777123456", Written::Plain).as_deref(),
            Some("+420777123456")
        );
        assert_eq!(e(Region::Cz, "421905555123", Written::Plain), None);
    }
}
