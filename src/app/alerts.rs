//! Desktop notification and ring sound for incoming calls, after the agent's explicit step
//! (browsers block both until then; see [`crate::browser::alerts`]).

use leptos::prelude::*;

use super::Ctl;
use crate::browser::alerts::{Permission, Ringer, notification_permission, notify};
use crate::state::call::CallInfo;
use crate::state::i18n::{Text, fill};

impl Ctl {
    /// Whether the configuration asks for a ring sound / desktop notifications.
    pub fn wants_alerts(&self) -> (bool, bool) {
        self.config.with_value(|c| (c.ring_sound, c.notifications))
    }

    /// Reads the notification permission the browser already holds for this origin.
    pub(super) fn read_alert_permissions(self) {
        self.notify_permission.set(notification_permission());
    }

    /// The agent's click on "Enable ring sound": unlocks audio for this page.
    pub fn enable_ring_sound(self) {
        match Ringer::enable() {
            Ok(ringer) => {
                self.ringer.set_value(Some(ringer));
                self.sound_on.set(true);
            }
            Err(err) => self.error(err.to_string()),
        }
    }

    /// The agent's click on "Enable notifications": asks the browser for permission.
    pub fn enable_notifications(self) {
        leptos::task::spawn_local(async move {
            match crate::browser::alerts::request_notifications().await {
                Ok(permission) => self.notify_permission.set(permission),
                Err(err) => self.error(err.to_string()),
            }
        });
    }

    /// A call rings for the agent in this tab: flash the title, ring and notify, as enabled.
    pub(super) fn ring_here(self, info: &CallInfo) {
        self.title
            .with_value(|t| t.start(self.t(Text::IncomingCall)));
        self.alert_ring(info);
    }

    /// The ringing stopped: this tab's title, sound and notification go quiet.
    pub(super) fn quiet_here(self) {
        self.title.with_value(|t| t.stop());
        self.alert_stop();
    }

    /// A call rings for the agent: ring and notify, as enabled.
    fn alert_ring(self, info: &CallInfo) {
        let (sound, notifications) = self.wants_alerts();
        if sound {
            self.ringer.with_value(|r| {
                if let Some(ringer) = r {
                    ringer.start();
                }
            });
            self.ringing_sound.set(self.sound_on.get_untracked());
        }
        if notifications && self.notify_permission.get_untracked() == Permission::Granted {
            let number = info.remote_number.clone().unwrap_or_default();
            let body = fill(self.t(Text::RingingAnnouncement), "number", &number);
            match notify(self.t(Text::IncomingCall), &body, info.activity.as_str()) {
                Ok(shown) => self.notification.set_value(Some(shown)),
                Err(err) => crate::browser::console::error(&err.to_string()),
            }
        }
    }

    /// The call was answered or ended: silence, and take the notification away.
    fn alert_stop(self) {
        self.ringer.with_value(|r| {
            if let Some(ringer) = r {
                ringer.stop();
            }
        });
        self.ringing_sound.set(false);
        self.notification.update_value(|n| {
            if let Some(shown) = n.take() {
                shown.close();
            }
        });
    }
}
