//! The agent's state as the panel shows it (ready, paused, queues, phone), derived purely from
//! what Daktela answered: the realtime session, the pause list and the queue list.
//!
//! The realtime session carries no queue membership (CONTRACT, `realtimeSessions` fields), so
//! the queues the agent is logged in to are an input: the panel knows them from its own queue
//! logins.

use daktela_api::models::{
    Pause, PauseName, Queue, QueueName, RealtimeSession, Related, SessionState,
};

/// Whether the agent can take calls.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Availability {
    /// In at least one queue and not paused.
    Ready,
    /// On a pause.
    Paused {
        /// The pause reason's name (`None` when Daktela says `Paused` without a reason).
        pause: Option<PauseName>,
        /// Its display title (from the pause list, else the session's expanded reason).
        title: Option<String>,
        /// When the panel first saw this pause, Unix ms. `onpause` is not used: it is
        /// instance-local time and the session does not say the instance's offset.
        since_ms: Option<u64>,
        /// The reason's `max_duration`, in seconds; `None` = unlimited.
        max_duration_s: Option<u64>,
    },
    /// Logged in to no queue (or no session at all): no calls will come.
    NotInQueue,
    /// Not read yet, or a state this panel does not know.
    #[default]
    Unknown,
}

/// One queue in the panel's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueView {
    /// What queue login and click-to-call send.
    pub name: QueueName,
    /// Display title (the name when the queue has none).
    pub title: String,
    /// Click-to-call may use it (`daktela_api::models::Queue::is_outbound`).
    pub outbound: bool,
    /// The agent is logged in to it.
    pub logged_in: bool,
}

/// Everything the state part of the panel renders.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AgentView {
    /// Ready, paused, …
    pub availability: Availability,
    /// The queues the agent can see, in the instance's order.
    pub queues: Vec<QueueView>,
    /// The agent's device: `Some(false)` = offline, `None` = not known.
    pub phone_online: Option<bool>,
}

/// What [`AgentView::derive`] reads.
#[derive(Debug, Clone, Copy)]
pub struct AgentInput<'a> {
    /// The session as last read; `None` when Daktela lists none for the agent.
    pub session: Option<&'a RealtimeSession>,
    /// The instance's pause reasons (`pauses.json`).
    pub pauses: &'a [Pause],
    /// The queues the agent can see (`queues.json`).
    pub queues: &'a [Queue],
    /// The queues the agent is logged in to, as the panel knows them.
    pub logged_in: &'a [QueueName],
    /// Now, Unix ms.
    pub now_ms: u64,
}

/// A pause reason the agent may pick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PauseOption {
    /// What the pause request sends.
    pub name: PauseName,
    /// Display title (the name when it has none).
    pub title: String,
    /// `max_duration` in seconds; `None` = unlimited.
    pub max_duration_s: Option<u64>,
}

impl AgentView {
    /// Derives the view. `previous` is the last view, so that a pause keeps the moment it was
    /// first seen across polls.
    ///
    /// UNCONFIRMED(D1), the "ready" half (the pause request half is
    /// `daktela_api::requests::set_pause`): Ready = logged in to at least one queue and not
    /// paused. Paused = `RealtimeSession::is_paused` (`state: Paused` or a pause reason). "In a
    /// queue" = the panel's `logged_in` list is not empty, or the session's `state` is `Idle`
    /// (read as "logged in to a queue and free", as the simulator does), which covers queues
    /// joined elsewhere or before a reload. `Session` with no known queue = not in a queue. No
    /// session at all = not in a queue.
    pub fn derive(input: &AgentInput<'_>, previous: &AgentView) -> AgentView {
        let availability = match input.session {
            None => Availability::NotInQueue,
            Some(s) if s.is_paused() => paused(s, input, previous),
            Some(_) if !input.logged_in.is_empty() => Availability::Ready,
            Some(s) => match &s.state {
                Some(SessionState::Idle) => Availability::Ready,
                Some(SessionState::Session) => Availability::NotInQueue,
                _ => Availability::Unknown,
            },
        };
        AgentView {
            availability,
            queues: queue_views(input.queues, input.logged_in),
            phone_online: input
                .session
                .and_then(|s| device_online(s.exten_status.as_deref())),
        }
    }

    /// Seconds since the pause began, if paused and known.
    pub fn pause_elapsed_s(&self, now_ms: u64) -> Option<u64> {
        match self.availability {
            Availability::Paused {
                since_ms: Some(since),
                ..
            } => Some(now_ms.saturating_sub(since) / 1000),
            _ => None,
        }
    }

    /// True when the pause has run past its reason's `max_duration`.
    pub fn is_over_max(&self, now_ms: u64) -> bool {
        match (&self.availability, self.pause_elapsed_s(now_ms)) {
            (
                Availability::Paused {
                    max_duration_s: Some(max),
                    ..
                },
                Some(elapsed),
            ) => elapsed > *max,
            _ => false,
        }
    }

    /// The queues click-to-call may use now: outbound, logged in, and in `allowed` (the
    /// configuration's `outbound_queues`; empty = any).
    pub fn dial_queues(&self, allowed: &[QueueName]) -> Vec<&QueueView> {
        self.queues
            .iter()
            .filter(|q| q.outbound && q.logged_in)
            .filter(|q| allowed.is_empty() || allowed.contains(&q.name))
            .collect()
    }
}

/// The reasons offered in the pause picker: Daktela's automatic ones (`auto_pause`, idle
/// `lajdak`, `wrap`) are started by Daktela itself, not picked.
pub fn pause_options(pauses: &[Pause]) -> Vec<PauseOption> {
    pauses
        .iter()
        .filter(|p| p.auto_pause != Some(true))
        .filter(|p| !matches!(p.pause_type.as_deref(), Some("lajdak" | "wrap")))
        .filter_map(|p| {
            let name = p.name.clone()?;
            Some(PauseOption {
                title: non_empty(p.title.as_deref())
                    .unwrap_or(name.as_str())
                    .to_owned(),
                max_duration_s: max_duration_s(p),
                name,
            })
        })
        .collect()
}

/// `12:05` below an hour, `1:02:03` from an hour on.
pub fn format_elapsed(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

fn paused(s: &RealtimeSession, input: &AgentInput<'_>, previous: &AgentView) -> Availability {
    let pause = s.pause_name().filter(|n| !n.is_empty()).map(PauseName::new);
    let listed = pause
        .as_ref()
        .and_then(|n| input.pauses.iter().find(|p| p.name.as_ref() == Some(n)));
    let record = listed.or(s.id_pause.as_ref().and_then(Related::record));
    let since_ms = match &previous.availability {
        Availability::Paused {
            pause: before,
            since_ms: Some(since),
            ..
        } if *before == pause => *since,
        _ => input.now_ms,
    };
    Availability::Paused {
        title: record
            .and_then(|p| non_empty(p.title.as_deref()))
            .or(pause.as_ref().map(PauseName::as_str))
            .map(str::to_owned),
        max_duration_s: record.and_then(max_duration_s),
        since_ms: Some(since_ms),
        pause,
    }
}

/// Minutes on the wire; 0 means unlimited.
fn max_duration_s(pause: &Pause) -> Option<u64> {
    let minutes = u64::try_from(pause.max_duration?).ok()?;
    (minutes > 0).then_some(minutes.saturating_mul(60))
}

fn queue_views(queues: &[Queue], logged_in: &[QueueName]) -> Vec<QueueView> {
    let mut views: Vec<QueueView> = queues
        .iter()
        .filter_map(|q| {
            let name = q.name.clone()?;
            let joined = logged_in.contains(&name);
            // A deactivated queue is only shown while the agent is still in it (to leave it).
            (joined || q.deactivated != Some(true)).then(|| QueueView {
                title: non_empty(q.title.as_deref())
                    .unwrap_or(name.as_str())
                    .to_owned(),
                outbound: q.is_outbound(),
                logged_in: joined,
                name,
            })
        })
        .collect();
    // Joined but not in the list (the list is stale or hidden): still shown, so it can be left.
    for name in logged_in {
        if !views.iter().any(|v| &v.name == name) {
            views.push(QueueView {
                name: name.clone(),
                title: name.to_string(),
                outbound: false,
                logged_in: true,
            });
        }
    }
    views
}

/// `exten_status`: `Unavailable` (or Asterisk's `Invalid`) is offline, `""` unknown, anything
/// else (`Idle`, `Busy`, `Ringing`, …) a registered device.
fn device_online(status: Option<&str>) -> Option<bool> {
    let status = non_empty(status)?;
    let offline = ["unavailable", "invalid"]
        .iter()
        .any(|s| status.eq_ignore_ascii_case(s));
    Some(!offline)
}

fn non_empty(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn session(v: Value) -> RealtimeSession {
        serde_json::from_value(v).unwrap()
    }

    fn pauses() -> Vec<Pause> {
        serde_json::from_value(json!([
            {"name": "lunch", "title": "Lunch", "type": "", "max_duration": 30},
            {"name": "toilet", "title": "", "type": "", "max_duration": "0"},
            {"name": "idle", "title": "Idle", "type": "lajdak", "auto_pause": "1"},
            {"name": "wrap", "title": "Wrap-up", "type": "wrap"},
        ]))
        .unwrap()
    }

    fn queues() -> Vec<Queue> {
        serde_json::from_value(json!([
            {"name": 3000, "title": "Support", "direction": "in", "type": "in"},
            {"name": 3001, "title": "Sales out", "direction": "out", "type": "out"},
            {"name": 3002, "title": "", "type": "out"},
            {"name": 3003, "title": "Old", "direction": "out", "deactivated": 1},
        ]))
        .unwrap()
    }

    fn view(
        s: Option<&RealtimeSession>,
        logged_in: &[&str],
        now_ms: u64,
        prev: &AgentView,
    ) -> AgentView {
        let logged_in: Vec<QueueName> = logged_in.iter().map(|n| QueueName::new(*n)).collect();
        let (pauses, queues) = (pauses(), queues());
        let input = AgentInput {
            session: s,
            pauses: &pauses,
            queues: &queues,
            logged_in: &logged_in,
            now_ms,
        };
        AgentView::derive(&input, prev)
    }

    #[test]
    fn an_agent_in_a_queue_and_not_paused_is_ready() {
        let s = session(json!({"id_agent": "jnovak", "state": "Session", "exten_status": "Idle"}));
        let v = view(Some(&s), &["3000"], 0, &AgentView::default());
        assert_eq!(v.availability, Availability::Ready);
        assert_eq!(v.phone_online, Some(true));
    }

    #[test]
    fn idle_state_counts_as_in_a_queue_when_the_panel_knows_of_none() {
        let s = session(json!({"state": "Idle"}));
        assert_eq!(
            view(Some(&s), &[], 0, &AgentView::default()).availability,
            Availability::Ready
        );
    }

    #[test]
    fn a_session_in_no_queue_or_no_session_at_all_is_not_in_a_queue() {
        let s = session(json!({"state": "Session", "exten_status": "Unavailable"}));
        let v = view(Some(&s), &[], 0, &AgentView::default());
        assert_eq!(v.availability, Availability::NotInQueue);
        assert_eq!(v.phone_online, Some(false));
        let v = view(None, &["3000"], 0, &AgentView::default());
        assert_eq!(
            (v.availability, v.phone_online),
            (Availability::NotInQueue, None)
        );
    }

    #[test]
    fn an_unknown_state_without_known_queues_stays_unknown() {
        let s = session(json!({"state": "Something new", "exten_status": ""}));
        let v = view(Some(&s), &[], 0, &AgentView::default());
        assert_eq!(
            (v.availability, v.phone_online),
            (Availability::Unknown, None)
        );
        assert_eq!(AgentView::default().availability, Availability::Unknown);
    }

    #[test]
    fn a_pause_takes_title_and_max_duration_from_the_pause_list() {
        let s = session(
            json!({"state": "Paused", "id_pause": "lunch", "onpause": "2024-01-01 10:00:00"}),
        );
        let v = view(Some(&s), &["3000"], 5_000, &AgentView::default());
        assert_eq!(
            v.availability,
            Availability::Paused {
                pause: Some(PauseName::new("lunch")),
                title: Some("Lunch".into()),
                since_ms: Some(5_000),
                max_duration_s: Some(1800),
            }
        );
    }

    #[test]
    fn a_pause_keeps_its_start_across_polls_and_restarts_when_the_reason_changes() {
        let lunch =
            session(json!({"state": "Paused", "id_pause": {"name": "lunch", "title": "Lunch"}}));
        let first = view(Some(&lunch), &[], 1_000, &AgentView::default());
        let later = view(Some(&lunch), &[], 61_000, &first);
        assert_eq!(later.pause_elapsed_s(61_000), Some(60));
        let toilet = session(json!({"state": "Paused", "id_pause": "toilet"}));
        let switched = view(Some(&toilet), &[], 70_000, &later);
        assert_eq!(switched.pause_elapsed_s(75_000), Some(5));
        // "0" minutes is unlimited, and an empty title falls back to the name.
        assert!(matches!(&switched.availability,
            Availability::Paused { title: Some(t), max_duration_s: None, .. } if t == "toilet"));
    }

    #[test]
    fn a_reason_missing_from_the_list_is_read_from_the_expanded_session_record() {
        let s = session(
            json!({"id_pause": {"name": "training", "title": "Training", "max_duration": 60}}),
        );
        let v = view(Some(&s), &[], 0, &AgentView::default());
        assert!(matches!(&v.availability,
            Availability::Paused { title: Some(t), max_duration_s: Some(3600), .. } if t == "Training"));
        let s = session(json!({"state": "Paused", "id_pause": ""}));
        let v = view(Some(&s), &[], 0, &AgentView::default());
        assert!(matches!(
            v.availability,
            Availability::Paused {
                pause: None,
                title: None,
                ..
            }
        ));
    }

    #[test]
    fn the_pause_warning_appears_only_past_max_duration() {
        let s = session(json!({"state": "Paused", "id_pause": "lunch"}));
        let v = view(Some(&s), &[], 0, &AgentView::default());
        assert!(!v.is_over_max(1_800_000));
        assert!(v.is_over_max(1_801_000));
        let ready = view(
            Some(&session(json!({"state": "Idle"}))),
            &[],
            0,
            &AgentView::default(),
        );
        assert_eq!(ready.pause_elapsed_s(10_000), None);
        assert!(!ready.is_over_max(u64::MAX));
    }

    #[test]
    fn queues_show_title_direction_and_membership() {
        let v = view(
            Some(&session(json!({"state": "Idle"}))),
            &["3001", "3003", "9999"],
            0,
            &AgentView::default(),
        );
        let rows: Vec<_> = v
            .queues
            .iter()
            .map(|q| (q.name.as_str(), q.title.as_str(), q.outbound, q.logged_in))
            .collect();
        assert_eq!(
            rows,
            [
                ("3000", "Support", false, false),
                ("3001", "Sales out", true, true),
                ("3002", "3002", true, false),
                ("3003", "Old", false, true),
                ("9999", "9999", false, true),
            ]
        );
        let hidden = view(Some(&session(json!({}))), &[], 0, &AgentView::default());
        assert!(hidden.queues.iter().all(|q| q.name.as_str() != "3003"));
    }

    #[test]
    fn dial_queues_are_the_joined_outbound_ones_allowed_by_the_config() {
        let v = view(
            Some(&session(json!({}))),
            &["3000", "3001"],
            0,
            &AgentView::default(),
        );
        let names = |allowed: &[QueueName]| -> Vec<String> {
            v.dial_queues(allowed)
                .iter()
                .map(|q| q.name.to_string())
                .collect()
        };
        assert_eq!(names(&[]), ["3001"]);
        assert_eq!(names(&[QueueName::new("3001")]), ["3001"]);
        assert!(names(&[QueueName::new("3002")]).is_empty());
    }

    #[test]
    fn the_pause_picker_offers_only_reasons_an_agent_picks() {
        let options = pause_options(&pauses());
        let names: Vec<_> = options
            .iter()
            .map(|p| (p.name.as_str(), p.title.as_str(), p.max_duration_s))
            .collect();
        assert_eq!(
            names,
            [("lunch", "Lunch", Some(1800)), ("toilet", "toilet", None)]
        );
    }

    #[test]
    fn device_states_other_than_unavailable_mean_the_phone_is_online() {
        for (status, want) in [
            ("Busy", Some(true)),
            ("Ringing", Some(true)),
            ("UNAVAILABLE", Some(false)),
            ("Invalid", Some(false)),
            (" ", None),
        ] {
            let s = session(json!({"exten_status": status}));
            assert_eq!(
                view(Some(&s), &[], 0, &AgentView::default()).phone_online,
                want,
                "{status}"
            );
        }
    }

    #[test]
    fn elapsed_time_reads_as_minutes_and_seconds_then_hours() {
        assert_eq!(format_elapsed(0), "0:00");
        assert_eq!(format_elapsed(725), "12:05");
        assert_eq!(format_elapsed(3599), "59:59");
        assert_eq!(format_elapsed(3723), "1:02:03");
        assert_eq!(format_elapsed(36_000), "10:00:00");
    }
}
