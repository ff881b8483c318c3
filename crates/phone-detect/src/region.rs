//! The regions whose numbering plans the detector knows.

use crate::error::ConfigError;

/// A country with a full numbering plan (valid lengths and leading digits per number type).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Region {
    /// Czechia, +420.
    Cz,
    /// Slovakia, +421.
    Sk,
    /// Poland, +48.
    Pl,
    /// Hungary, +36.
    Hu,
    /// Austria, +43.
    At,
    /// Germany, +49.
    De,
    /// United Kingdom, +44.
    Gb,
    /// United States, +1 (NANP).
    Us,
    /// Canada, +1 (NANP).
    Ca,
    /// France, +33.
    Fr,
    /// Italy, +39.
    It,
    /// Spain, +34.
    Es,
    /// Netherlands, +31.
    Nl,
}

/// In declaration order, so `ALL[r as usize] == r` (a test checks, and the plan table follows it).
const ALL: [Region; 13] = [
    Region::Cz,
    Region::Sk,
    Region::Pl,
    Region::Hu,
    Region::At,
    Region::De,
    Region::Gb,
    Region::Us,
    Region::Ca,
    Region::Fr,
    Region::It,
    Region::Es,
    Region::Nl,
];

impl Region {
    /// Every supported region, in a stable order.
    pub fn all() -> impl Iterator<Item = Region> {
        ALL.into_iter()
    }

    /// Reads an ISO 3166 alpha-2 code (`"CZ"`, any case; `"UK"` is read as GB).
    ///
    /// # Errors
    /// [`ConfigError::UnsupportedRegion`] for any other code.
    pub fn from_code(code: &str) -> Result<Region, ConfigError> {
        let code = code.trim();
        if code.eq_ignore_ascii_case("UK") {
            return Ok(Region::Gb);
        }
        Region::all()
            .find(|r| r.code().eq_ignore_ascii_case(code))
            .ok_or_else(|| ConfigError::UnsupportedRegion(code.to_owned()))
    }

    /// The ISO alpha-2 code, upper case.
    pub fn code(self) -> &'static str {
        crate::plan_data::REGIONS[self as usize].code
    }

    /// The country calling code without `+` (`"420"`).
    pub fn calling_code(self) -> &'static str {
        crate::plan_data::REGIONS[self as usize].calling_code
    }
}
