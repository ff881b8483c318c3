//! The CSV mapping file: which column is the CRM id, the names, the description, the
//! company, and which columns feed which Daktela field (several columns per field, and
//! optionally several values per cell).
//!
//! ```json
//! {"id": "crm_id", "firstname": "first", "lastname": "last", "name": "full_name",
//!  "description": "note", "company": {"id": "company_id", "name": "company"},
//!  "fields": {"number": ["phone", "mobile"], "email": ["email"]},
//!  "company_fields": {"number": ["company_phone"]}, "split": ";", "delimiter": ","}
//! ```

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Which CSV columns hold the company of a row.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompanyColumns {
    /// Column of the company's CRM id (an empty cell = no company).
    pub id: String,
    /// Column of its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Column of its description.
    #[serde(default)]
    pub description: Option<String>,
}

/// A CSV mapping. Column names refer to the CSV header row.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// Column of the contact's CRM id.
    pub id: String,
    /// Column of the display name.
    #[serde(default)]
    pub name: Option<String>,
    /// Column of the first name.
    #[serde(default)]
    pub firstname: Option<String>,
    /// Column of the last name.
    #[serde(default)]
    pub lastname: Option<String>,
    /// Column of the description.
    #[serde(default)]
    pub description: Option<String>,
    /// The company columns, if rows have companies.
    #[serde(default)]
    pub company: Option<CompanyColumns>,
    /// Daktela contact field → the columns whose values it gets.
    #[serde(default)]
    pub fields: BTreeMap<String, Vec<String>>,
    /// Daktela company field → columns.
    #[serde(default)]
    pub company_fields: BTreeMap<String, Vec<String>>,
    /// Splits a cell into several values (`"a;b"` with `";"`).
    #[serde(default)]
    pub split: Option<String>,
    /// Field delimiter (one ASCII character, default `,`).
    #[serde(default = "comma")]
    pub delimiter: char,
}

fn comma() -> char {
    ','
}

/// A mapping file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("mapping file: {0}")]
pub struct MappingError(pub String);

impl Mapping {
    /// Parses a mapping from JSON text.
    ///
    /// # Errors
    /// [`MappingError`] for unreadable JSON, unknown keys or a non-ASCII delimiter.
    pub fn from_json(text: &str) -> Result<Self, MappingError> {
        let m: Mapping = serde_json::from_str(text).map_err(|e| MappingError(e.to_string()))?;
        if !m.delimiter.is_ascii() {
            return Err(MappingError(
                "the delimiter must be one ASCII character".into(),
            ));
        }
        if m.split.as_deref() == Some("") {
            return Err(MappingError("`split` must not be empty".into()));
        }
        Ok(m)
    }

    /// Reads and parses a mapping file.
    ///
    /// # Errors
    /// [`MappingError`] when unreadable or invalid.
    pub fn load(path: &Path) -> Result<Self, MappingError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| MappingError(format!("cannot read {}: {e}", path.display())))?;
        Self::from_json(&text)
    }

    /// Every column the mapping names (to check them against the header).
    pub(super) fn columns(&self) -> Vec<&str> {
        let mut cols = vec![self.id.as_str()];
        for c in [
            &self.name,
            &self.firstname,
            &self.lastname,
            &self.description,
        ] {
            cols.extend(c.as_deref());
        }
        if let Some(c) = &self.company {
            cols.push(&c.id);
            cols.extend(c.name.as_deref());
            cols.extend(c.description.as_deref());
        }
        for list in self.fields.values().chain(self.company_fields.values()) {
            cols.extend(list.iter().map(String::as_str));
        }
        cols
    }
}
