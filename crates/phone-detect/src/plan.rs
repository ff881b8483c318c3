//! Numbering plans compiled for matching: which national numbers are valid, and of what kind.

use crate::error::ConfigError;
use crate::pattern::Pattern;
use crate::plan_data::{CALLING_CODES, REGIONS};
use crate::region::Region;

/// One region's plan as generated from libphonenumber metadata (see `tools/gen-plan-data.mjs`).
#[derive(Debug)]
pub(crate) struct RegionData {
    pub(crate) code: &'static str,
    pub(crate) calling_code: &'static str,
    /// International (IDD) prefix dialled from this region, e.g. `00`, `011`.
    pub(crate) idd: &'static str,
    /// National (trunk) prefix, `""` when the region has none.
    pub(crate) trunk: &'static str,
    /// Possible lengths of a national significant number.
    pub(crate) lengths: &'static [u8],
    pub(crate) general: &'static str,
    pub(crate) fixed: &'static str,
    /// `"="`: the same pattern as `fixed` (NANP cannot tell mobiles from landlines).
    pub(crate) mobile: &'static str,
    pub(crate) toll_free: &'static str,
    /// Premium, shared-cost, personal, VoIP, UAN, pager and voicemail numbers in one pattern.
    pub(crate) other: &'static str,
}

/// Possible national lengths of a calling code in its countries outside the supported regions
/// (`max == 0`: it has none, e.g. 420).
#[derive(Debug)]
pub(crate) struct CallingCode {
    pub(crate) code: u16,
    pub(crate) min: u8,
    pub(crate) max: u8,
}

/// What kind of line a number is, as far as its plan tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberKind {
    /// A landline.
    FixedLine,
    /// A mobile.
    Mobile,
    /// The plan does not tell landlines from mobiles (NANP).
    FixedLineOrMobile,
    /// A free-phone number (800 …).
    TollFree,
    /// Premium-rate, shared-cost, personal, VoIP, UAN, pager or voicemail.
    Other,
    /// A country outside the supported regions: only its length was checked.
    Unknown,
}

/// A region's patterns, parsed once.
#[derive(Debug)]
pub(crate) struct Plan {
    pub(crate) region: Region,
    pub(crate) data: &'static RegionData,
    general: Pattern,
    fixed: Pattern,
    mobile: Option<Pattern>,
    toll_free: Pattern,
    other: Pattern,
}

impl Plan {
    pub(crate) fn compile(region: Region) -> Result<Plan, ConfigError> {
        let data = &REGIONS[region as usize];
        let parse =
            |text| Pattern::parse(text).map_err(|_| ConfigError::PlanData { region: data.code });
        Ok(Plan {
            region,
            data,
            general: parse(data.general)?,
            fixed: parse(data.fixed)?,
            mobile: if data.mobile == "=" {
                None
            } else {
                Some(parse(data.mobile)?)
            },
            toll_free: parse(data.toll_free)?,
            other: parse(data.other)?,
        })
    }

    /// The kind of a valid national significant number, `None` if the plan has no such number.
    pub(crate) fn classify(&self, nsn: &[u8]) -> Option<NumberKind> {
        let len = u8::try_from(nsn.len()).ok()?;
        if !self.data.lengths.contains(&len) || !self.general.matches(nsn) {
            return None;
        }
        let fixed = self.fixed.matches(nsn);
        match &self.mobile {
            None if fixed => return Some(NumberKind::FixedLineOrMobile),
            Some(mobile) if mobile.matches(nsn) => {
                return Some(if fixed {
                    NumberKind::FixedLineOrMobile
                } else {
                    NumberKind::Mobile
                });
            }
            _ if fixed => return Some(NumberKind::FixedLine),
            _ => {}
        }
        if self.toll_free.matches(nsn) {
            Some(NumberKind::TollFree)
        } else if self.other.matches(nsn) {
            Some(NumberKind::Other)
        } else {
            None
        }
    }
}

/// All supported plans, compiled.
#[derive(Debug)]
pub(crate) struct Plans(Vec<Plan>);

impl Plans {
    pub(crate) fn compile() -> Result<Plans, ConfigError> {
        Region::all()
            .map(Plan::compile)
            .collect::<Result<Vec<_>, _>>()
            .map(Plans)
    }

    pub(crate) fn get(&self, region: Region) -> &Plan {
        // `compile` builds one plan per region in `Region::all()` order.
        &self.0[region as usize]
    }

    /// The supported plans with this calling code (`1` has both US and CA).
    pub(crate) fn with_calling_code<'a>(&'a self, cc: &'a str) -> impl Iterator<Item = &'a Plan> {
        self.0.iter().filter(move |p| p.data.calling_code == cc)
    }
}

/// The calling code that starts `digits` (no code is a prefix of another), with its entry.
pub(crate) fn split_calling_code(digits: &[u8]) -> Option<(&[u8], &'static CallingCode)> {
    if digits.first() == Some(&b'0') {
        return None;
    }
    (1..=3).find_map(|len| {
        let head = digits.get(..len)?;
        let code: u16 = std::str::from_utf8(head).ok()?.parse().ok()?;
        CALLING_CODES
            .iter()
            .find(|c| c.code == code)
            .map(|c| (head, c))
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_generated_pattern_parses_and_regions_line_up_with_the_table() {
        let plans = Plans::compile().unwrap();
        for region in Region::all() {
            assert_eq!(plans.get(region).region, region);
            assert_eq!(plans.get(region).data.code, region.code());
        }
    }

    #[test]
    fn czech_mobiles_landlines_and_freephone_are_told_apart() {
        let plans = Plans::compile().unwrap();
        let cz = plans.get(Region::Cz);
        assert_eq!(cz.classify(b"777123456"), Some(NumberKind::Mobile));
        assert_eq!(cz.classify(b"226211245"), Some(NumberKind::FixedLine));
        assert_eq!(cz.classify(b"800123456"), Some(NumberKind::TollFree));
        assert_eq!(cz.classify(b"123456789"), None);
        assert_eq!(cz.classify(b"77712345"), None);
    }

    #[test]
    fn nanp_numbers_are_fixed_line_or_mobile_and_need_a_real_area_code() {
        let plans = Plans::compile().unwrap();
        let us = plans.get(Region::Us);
        assert_eq!(
            us.classify(b"2124567890"),
            Some(NumberKind::FixedLineOrMobile)
        );
        assert_eq!(us.classify(b"8005551234"), Some(NumberKind::TollFree));
        assert_eq!(us.classify(b"1234567890"), None);
    }

    #[test]
    fn calling_codes_split_at_their_real_length() {
        assert_eq!(
            split_calling_code(b"420777").map(|c| c.0),
            Some(&b"420"[..])
        );
        assert_eq!(split_calling_code(b"4930").map(|c| c.0), Some(&b"49"[..]));
        assert_eq!(split_calling_code(b"1212").map(|c| c.0), Some(&b"1"[..]));
        assert!(split_calling_code(b"0123").is_none());
    }
}
