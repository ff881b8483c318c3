//! The agent's own panel preferences: collapsed or open, which corner of the page, and the
//! language. Kept per browser profile (`localStorage`), so they follow the agent from one CRM
//! tab and one reload to the next, and never hold anything secret.
//!
//! Stored as JSON and read leniently: a value written by another version of the panel, or
//! edited by hand, falls back to the defaults field by field instead of failing the panel.

use serde::{Deserialize, Serialize};

use super::i18n::Lang;

/// The storage key (prefixed by the storage glue).
pub const PREFS_KEY: &str = "prefs";

/// Where on the page the panel sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Corner {
    /// Bottom right (the default: where CRMs rarely put their own controls).
    #[default]
    BottomRight,
    /// Bottom left.
    BottomLeft,
    /// Top left.
    TopLeft,
    /// Top right.
    TopRight,
}

impl Corner {
    /// The next corner clockwise, for the "move" button: four presses come back.
    pub fn next(self) -> Corner {
        match self {
            Corner::BottomRight => Corner::BottomLeft,
            Corner::BottomLeft => Corner::TopLeft,
            Corner::TopLeft => Corner::TopRight,
            Corner::TopRight => Corner::BottomRight,
        }
    }

    /// The token the stylesheet matches on the host element (`data-corner`).
    pub fn token(self) -> &'static str {
        match self {
            Corner::BottomRight => "bottom-right",
            Corner::BottomLeft => "bottom-left",
            Corner::TopLeft => "top-left",
            Corner::TopRight => "top-right",
        }
    }
}

/// The preferences as kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Prefs {
    /// Only the header shows.
    #[serde(default, deserialize_with = "lenient")]
    pub collapsed: bool,
    /// Where the panel sits.
    #[serde(default, deserialize_with = "lenient")]
    pub corner: Corner,
    /// The agent's choice of language; `None` follows the CRM's configuration.
    #[serde(default, deserialize_with = "lenient")]
    pub lang: Option<Lang>,
}

impl Prefs {
    /// Reads what was kept; nothing kept, or nothing readable, gives the defaults.
    pub fn from_stored(stored: Option<&str>) -> Prefs {
        stored
            .and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or_default()
    }

    /// The JSON to keep.
    pub fn to_stored(self) -> String {
        // A struct of a bool and two enums always serializes.
        serde_json::to_string(&self).unwrap_or_default()
    }

    /// The language to speak: the agent's choice, else the configured one.
    pub fn lang_or(self, configured: Lang) -> Lang {
        self.lang.unwrap_or(configured)
    }
}

/// One unreadable field falls back to its default, keeping the others.
fn lenient<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    let value = serde_json::Value::deserialize(d)?;
    Ok(T::deserialize(value).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_kept_comes_back() {
        let prefs = Prefs {
            collapsed: true,
            corner: Corner::TopLeft,
            lang: Some(Lang::Cs),
        };
        assert_eq!(Prefs::from_stored(Some(&prefs.to_stored())), prefs);
    }

    #[test]
    fn nothing_kept_or_garbage_gives_the_defaults() {
        assert_eq!(Prefs::from_stored(None), Prefs::default());
        assert_eq!(Prefs::from_stored(Some("not json")), Prefs::default());
        assert_eq!(Prefs::from_stored(Some("[1,2]")), Prefs::default());
    }

    #[test]
    fn one_bad_field_keeps_the_others() {
        let prefs = Prefs::from_stored(Some(r#"{"collapsed":true,"corner":"middle","lang":"de"}"#));
        assert!(prefs.collapsed);
        assert_eq!(prefs.corner, Corner::BottomRight);
        assert_eq!(prefs.lang, None);
    }

    #[test]
    fn four_moves_come_back_to_the_start_through_every_corner() {
        let mut seen = vec![Corner::BottomRight];
        let mut corner = Corner::BottomRight;
        for _ in 0..4 {
            corner = corner.next();
            seen.push(corner);
        }
        assert_eq!(corner, Corner::BottomRight);
        seen.sort_by_key(|c| c.token());
        seen.dedup();
        assert_eq!(seen.len(), 4);
    }

    #[test]
    fn the_agents_language_wins_over_the_configured_one() {
        let mut prefs = Prefs::default();
        assert_eq!(prefs.lang_or(Lang::Cs), Lang::Cs);
        prefs.lang = Some(Lang::En);
        assert_eq!(prefs.lang_or(Lang::Cs), Lang::En);
    }
}
