//! The browser side of "one session per browser": the tabs' channel (`BroadcastChannel`), the
//! leader lock (Web Locks) and the page events that matter to it (focus, visibility, network,
//! the page going away).
//!
//! Web Locks make the election exact: the leader holds an exclusive lock for as long as its page
//! lives, every other tab waits in the lock's queue, and the browser hands the lock to the next
//! tab the moment the leader's page closes, reloads or crashes. Where Web Locks are missing,
//! [`request_leadership`] says so and the controller falls back to heartbeats on the channel
//! (`crate::state::tabs::election`).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::storage::js_message;

/// Why the tabs could not be coordinated; the panel then runs as a tab of its own.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TabsError {
    /// Not a browser page, or a browser without the API.
    #[error("this browser has no {0}")]
    Unsupported(&'static str),
    /// The browser refused the call.
    #[error("the browser refused {what}: {message}")]
    Refused {
        /// What the panel asked for.
        what: &'static str,
        /// The browser's message.
        message: String,
    },
}

/// The channel every tab of the panel on this origin listens to.
#[derive(Debug, Clone)]
pub struct TabChannel {
    channel: web_sys::BroadcastChannel,
}

impl TabChannel {
    /// Opens the channel `name` and calls `on_message` with every text another tab posts
    /// (a tab never receives its own posts). The listener lives as long as the page.
    ///
    /// # Errors
    /// When the browser has no `BroadcastChannel` or refuses it.
    pub fn open(
        name: &str,
        mut on_message: impl FnMut(String) + 'static,
    ) -> Result<Self, TabsError> {
        let window = web_sys::window().ok_or(TabsError::Unsupported("window"))?;
        let has_api =
            js_sys::Reflect::has(&window, &JsValue::from_str("BroadcastChannel")).unwrap_or(false);
        if !has_api {
            return Err(TabsError::Unsupported("BroadcastChannel"));
        }
        let channel = web_sys::BroadcastChannel::new(name).map_err(|e| TabsError::Refused {
            what: "a BroadcastChannel",
            message: js_message(&e),
        })?;
        let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                if let Some(text) = event.data().as_string() {
                    on_message(text);
                }
            },
        );
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        listener.forget();
        Ok(Self { channel })
    }

    /// Posts a text to every other tab. A failure (the channel closed as the page unloads) is
    /// dropped: tabs re-sync on the next state broadcast.
    pub fn post(&self, text: &str) {
        let _ = self.channel.post_message(&JsValue::from_str(text));
    }
}

/// Queues this tab for the exclusive lock `name`; `on_acquired` runs when it gets it (at once
/// for the first tab), and the lock is then held until the page goes away.
///
/// # Errors
/// [`TabsError::Unsupported`] when the browser has no Web Locks (the caller falls back to
/// heartbeats), or the browser's refusal.
pub fn request_leadership(
    name: &str,
    on_acquired: impl FnOnce() + 'static,
) -> Result<(), TabsError> {
    let window = web_sys::window().ok_or(TabsError::Unsupported("window"))?;
    let navigator = window.navigator();
    let locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks"))
        .ok()
        .filter(|l| l.is_object())
        .ok_or(TabsError::Unsupported("Web Locks"))?;
    let request = js_sys::Reflect::get(&locks, &JsValue::from_str("request"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or(TabsError::Unsupported("Web Locks"))?;
    let mut on_acquired = Some(on_acquired);
    let callback = Closure::<dyn FnMut(JsValue) -> JsValue>::new(move |_lock: JsValue| {
        if let Some(f) = on_acquired.take() {
            f();
        }
        // A promise that never settles: the lock is held until the page is gone.
        js_sys::Promise::new(&mut |_, _| {}).into()
    });
    let requested = request.call2(&locks, &JsValue::from_str(name), callback.as_ref());
    callback.forget();
    requested.map(|_| ()).map_err(|e| TabsError::Refused {
        what: "the leader lock",
        message: js_message(&e),
    })
}

/// Calls `f` on every `event` at `target` for the life of the page.
fn listen(target: &web_sys::EventTarget, event: &str, capture: bool, f: impl FnMut() + 'static) {
    let mut f = f;
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| f());
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(capture);
    options.set_passive(true);
    let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
        event,
        listener.as_ref().unchecked_ref(),
        &options,
    );
    listener.forget();
}

/// The page events the tabs react to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageEvent {
    /// The agent focused, showed or clicked in this tab: it is the last-used tab.
    Used,
    /// The tab became visible: its timers may have been throttled, re-sync.
    Visible,
    /// The browser is back online.
    Online,
    /// The browser went offline.
    Offline,
    /// The page is going away (closed, reloaded, navigated; also put in the back/forward cache).
    Leaving,
}

/// Calls `on_event` for the page events the tabs need, for the life of the page.
pub fn watch_page(on_event: impl Fn(PageEvent) + Clone + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let win: &web_sys::EventTarget = window.as_ref();
    let doc: &web_sys::EventTarget = document.as_ref();
    for (target, event, what) in [
        (win, "focus", PageEvent::Used),
        (doc, "pointerdown", PageEvent::Used),
        (doc, "click", PageEvent::Used),
        (doc, "keydown", PageEvent::Used),
        (win, "online", PageEvent::Online),
        (win, "offline", PageEvent::Offline),
        (win, "pagehide", PageEvent::Leaving),
    ] {
        let on_event = on_event.clone();
        listen(target, event, true, move || on_event(what));
    }
    let visible_doc = document.clone();
    listen(doc, "visibilitychange", false, move || {
        if visible_doc.visibility_state() == web_sys::VisibilityState::Visible {
            on_event(PageEvent::Used);
            on_event(PageEvent::Visible);
        }
    });
}

/// Whether the page is shown now.
pub fn is_visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
}

/// Whether the browser believes it is online (`navigator.onLine`; `true` when unknown).
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}
