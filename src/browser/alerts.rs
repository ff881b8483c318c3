//! The two ways an incoming call reaches an agent who is not looking at the tab: a desktop
//! notification and a ring sound.
//!
//! Browsers allow neither on their own: notifications need a permission the agent grants, and
//! audio needs a user gesture on the page ("autoplay" policy). So both start with an explicit
//! step the agent clicks in the panel ([`request_notifications`], [`Ringer::enable`]); until then
//! the panel flashes the tab title and announces the call to screen readers, which need no
//! permission.
//!
//! The ring is synthesised with Web Audio (425 Hz, one second on, four off: the European ring
//! cadence), so there is no audio file to host, fetch or allow in the CRM's CSP.

use std::cell::RefCell;

use gloo_timers::callback::Interval;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Why an alert could not be given. The call still shows in the panel and the title flashes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AlertError {
    /// This browser (or this page: an insecure origin, a sandboxed frame) lacks the API.
    #[error("this browser does not offer {0} here")]
    Unsupported(&'static str),
    /// The browser refused.
    #[error("the browser refused {what}: {detail}")]
    Refused {
        /// What was refused.
        what: &'static str,
        /// The browser's reason.
        detail: String,
    },
}

/// The agent's answer about desktop notifications.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Not asked yet (or dismissed): the panel offers the "enable" step.
    Ask,
    /// Granted.
    Granted,
    /// Refused; only the browser's site settings can change it.
    Denied,
    /// No notifications here at all.
    Unsupported,
}

/// Whether the page has the `Notification` API.
fn notifications_supported() -> bool {
    web_sys::window()
        .is_some_and(|w| js_sys::Reflect::has(&w, &"Notification".into()).unwrap_or(false))
}

/// The current notification permission.
pub fn notification_permission() -> Permission {
    if !notifications_supported() {
        return Permission::Unsupported;
    }
    match web_sys::Notification::permission() {
        web_sys::NotificationPermission::Granted => Permission::Granted,
        web_sys::NotificationPermission::Denied => Permission::Denied,
        _ => Permission::Ask,
    }
}

/// Asks the agent for notification permission (call it from a click: browsers ignore it
/// otherwise) and returns the answer.
///
/// # Errors
/// [`AlertError`] when there is no API or the request itself fails.
pub async fn request_notifications() -> Result<Permission, AlertError> {
    if !notifications_supported() {
        return Err(AlertError::Unsupported("desktop notifications"));
    }
    let promise = web_sys::Notification::request_permission().map_err(|e| AlertError::Refused {
        what: "the notification permission request",
        detail: super::storage::js_message(&e),
    })?;
    // The answer is also readable afterwards; read it there rather than parsing the string.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    Ok(notification_permission())
}

/// Shows a desktop notification for a call. `tag` (the activity name) makes the browser
/// replace rather than stack a second notification for the same call; clicking it brings the
/// agent to this tab.
///
/// # Errors
/// [`AlertError`] when notifications are unsupported or not granted.
pub fn notify(title: &str, body: &str, tag: &str) -> Result<web_sys::Notification, AlertError> {
    if notification_permission() != Permission::Granted {
        return Err(AlertError::Unsupported(
            "desktop notifications (not granted)",
        ));
    }
    let options = web_sys::NotificationOptions::new();
    options.set_body(body);
    options.set_tag(tag);
    let notification = web_sys::Notification::new_with_options(title, &options).map_err(|e| {
        AlertError::Refused {
            what: "the notification",
            detail: super::storage::js_message(&e),
        }
    })?;
    let on_click = Closure::<dyn FnMut()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.focus();
        }
    });
    notification.set_onclick(Some(on_click.as_ref().unchecked_ref()));
    // The handler lives as long as the notification may be clicked, i.e. the page.
    on_click.forget();
    Ok(notification)
}

/// The ring tone's pitch (Hz) and cadence.
const RING_HZ: f32 = 425.0;
const RING_ON_S: f64 = 1.0;
const RING_PERIOD_MS: u32 = 5_000;

/// Plays the ring while a call rings. Created by the agent's click ([`Ringer::enable`]).
pub struct Ringer {
    context: web_sys::AudioContext,
    ringing: RefCell<Option<Interval>>,
}

impl std::fmt::Debug for Ringer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ringer")
            .field("ringing", &self.ringing.borrow().is_some())
            .finish()
    }
}

impl Ringer {
    /// Unlocks audio for this page. Call it from the agent's click: an audio context created
    /// or resumed outside a user gesture stays suspended and silent.
    ///
    /// # Errors
    /// [`AlertError`] when the page has no Web Audio.
    pub fn enable() -> Result<Ringer, AlertError> {
        let context =
            web_sys::AudioContext::new().map_err(|_| AlertError::Unsupported("Web Audio"))?;
        // A context may start suspended; resuming inside the gesture unlocks it.
        let _ = context.resume();
        Ok(Ringer {
            context,
            ringing: RefCell::new(None),
        })
    }

    /// Starts ringing (again: a second start while ringing changes nothing).
    pub fn start(&self) {
        if self.ringing.borrow().is_some() {
            return;
        }
        let context = self.context.clone();
        burst(&context);
        let interval = Interval::new(RING_PERIOD_MS, move || burst(&context));
        *self.ringing.borrow_mut() = Some(interval);
    }

    /// Stops ringing (a burst already playing ends within a second).
    pub fn stop(&self) {
        self.ringing.borrow_mut().take();
    }
}

/// One second of tone, faded in and out so it does not click.
fn burst(context: &web_sys::AudioContext) {
    let play = || -> Result<(), wasm_bindgen::JsValue> {
        let now = context.current_time();
        let oscillator = context.create_oscillator()?;
        oscillator.frequency().set_value(RING_HZ);
        let gain = context.create_gain()?;
        let level = gain.gain();
        level.set_value_at_time(0.0, now)?;
        level.linear_ramp_to_value_at_time(0.2, now + 0.05)?;
        level.set_value_at_time(0.2, now + RING_ON_S - 0.05)?;
        level.linear_ramp_to_value_at_time(0.0, now + RING_ON_S)?;
        oscillator.connect_with_audio_node(&gain)?;
        gain.connect_with_audio_node(&context.destination())?;
        oscillator.start_with_when(now)?;
        oscillator.stop_with_when(now + RING_ON_S)?;
        Ok(())
    };
    if let Err(e) = play() {
        super::console::error(&format!("ring sound: {}", super::storage::js_message(&e)));
    }
}
