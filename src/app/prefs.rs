//! The agent's panel preferences (collapsed, corner, language): changed from the header, kept
//! in `localStorage` for the next tab and reload.

use leptos::prelude::*;

use super::Ctl;
use super::store::{local_get, local_set};
use crate::state::i18n::Lang;
use crate::state::prefs::{PREFS_KEY, Prefs};

/// What the agent left last time (defaults when nothing, or nothing readable, was kept).
pub(super) fn load() -> Prefs {
    Prefs::from_stored(local_get(PREFS_KEY).as_deref())
}

impl Ctl {
    /// Folds the panel to its header, or opens it again.
    pub fn toggle_collapsed(self) {
        self.change_prefs(|p| p.collapsed = !p.collapsed);
    }

    /// Moves the panel to the next corner of the page (clockwise).
    pub fn move_panel(self) {
        self.change_prefs(|p| p.corner = p.corner.next());
        crate::browser::host::place(self.prefs.get_untracked().corner);
    }

    /// Speaks `lang` from now on, in this tab and the next ones.
    pub fn set_lang(self, lang: Lang) {
        self.change_prefs(|p| p.lang = Some(lang));
    }

    fn change_prefs(self, change: impl FnOnce(&mut Prefs)) {
        self.prefs.update(change);
        let kept = self.prefs.get_untracked().to_stored();
        // A preference that cannot be kept still applies to this page; say why in the console
        // rather than interrupting the agent.
        if let Err(err) = local_set(PREFS_KEY, &kept) {
            crate::browser::console::error(&err.to_string());
        }
    }
}
