//! What the agent has typed in a wrap-up form and not saved yet.
//!
//! Kept by the controller, not the form: a form can be rebuilt at any time (a re-read of the
//! calls, the leading tab's state arriving, a reload of the tab) and must show the same text.

use daktela_api::models::ActivityName;
use serde::{Deserialize, Serialize};

/// One call's unsaved disposition and note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The chosen status name, empty for none.
    pub status: String,
    /// The note as typed.
    pub note: String,
}

/// The drafts of the calls in wrap-up, by activity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Drafts(Vec<(ActivityName, Draft)>);

impl Drafts {
    /// The draft of `activity` (empty when nothing was typed).
    pub fn get(&self, activity: &ActivityName) -> Draft {
        self.0
            .iter()
            .find(|(a, _)| a == activity)
            .map(|(_, d)| d.clone())
            .unwrap_or_default()
    }

    /// Changes the draft of `activity`.
    pub fn edit(&mut self, activity: &ActivityName, change: impl FnOnce(&mut Draft)) {
        match self.0.iter_mut().find(|(a, _)| a == activity) {
            Some((_, draft)) => change(draft),
            None => {
                let mut draft = Draft::default();
                change(&mut draft);
                self.0.push((activity.clone(), draft));
            }
        }
    }

    /// Forgets the draft of a saved (or vanished) call.
    pub fn remove(&mut self, activity: &ActivityName) {
        self.0.retain(|(a, _)| a != activity);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_are_kept_per_call_until_removed() {
        let a = ActivityName::new("act_a");
        let b = ActivityName::new("act_b");
        let mut drafts = Drafts::default();
        drafts.edit(&a, |d| d.note = "call back".into());
        drafts.edit(&b, |d| d.status = "status_sold".into());
        drafts.edit(&a, |d| d.status = "status_callback".into());
        assert_eq!(
            drafts.get(&a),
            Draft {
                status: "status_callback".into(),
                note: "call back".into()
            }
        );
        let text = serde_json::to_string(&drafts).unwrap_or_default();
        assert_eq!(
            serde_json::from_str::<Drafts>(&text).ok(),
            Some(drafts.clone())
        );
        drafts.remove(&a);
        assert_eq!(drafts.get(&a), Draft::default());
        assert_eq!(drafts.get(&b).status, "status_sold");
    }
}
