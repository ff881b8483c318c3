//! The browser's key-value storage, for what must survive a reload.
//!
//! Two stores, two lifetimes, on purpose:
//! - [`SessionStore`] (`sessionStorage`): the Daktela access token and session. It lives as long
//!   as the tab, survives a reload of it, and is never shared with other tabs or written to disk
//!   for later sessions. The token NEVER goes to `localStorage`, where it would outlive the tab
//!   and be readable by every later page load of the CRM's origin.
//! - [`LocalStore`] (`localStorage`): the call-log outbox (it must outlive a closed tab, or a
//!   log would be lost) and UI preferences (collapsed, position), per browser profile.
//!
//! Every key is prefixed with [`KEY_PREFIX`] so the panel never reads or clobbers the CRM's own
//! entries. Failures are values: storage can be disabled (privacy settings, sandboxed iframes),
//! full, or refused; the panel then keeps its state in memory and says that it will not survive
//! a reload.

use std::fmt;

use wasm_bindgen::{JsCast, JsValue};

/// Put before every key, so that the panel's entries cannot collide with the CRM's.
pub const KEY_PREFIX: &str = "daktela-cti:";

/// Which of the browser's stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// `sessionStorage`.
    Session,
    /// `localStorage`.
    Local,
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Session => "sessionStorage",
            Self::Local => "localStorage",
        })
    }
}

/// Why the storage could not be used. The panel keeps working in memory in every case.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// The browser offers no such storage here (disabled by settings or policy, a sandboxed
    /// frame, or not a browser at all).
    #[error(
        "the browser's {area} is not available ({detail}); the panel keeps working, but will forget its state on reload"
    )]
    Unavailable {
        /// Which store.
        area: Area,
        /// The browser's reason.
        detail: String,
    },
    /// The store is full (the origin's quota, shared with the CRM's own entries).
    #[error(
        "the browser's {area} is full; the panel keeps working, but will forget its state on reload"
    )]
    QuotaExceeded {
        /// Which store.
        area: Area,
    },
    /// A read, write or removal failed for another reason.
    #[error("the browser's {area} refused the change: {detail}")]
    Refused {
        /// Which store.
        area: Area,
        /// The browser's message.
        detail: String,
    },
}

/// One of the browser's stores, with the panel's prefix applied.
#[derive(Debug, Clone)]
struct Store {
    area: Area,
    storage: web_sys::Storage,
}

impl Store {
    fn open(area: Area) -> Result<Self, StorageError> {
        let unavailable = |detail: String| StorageError::Unavailable { area, detail };
        let window =
            web_sys::window().ok_or_else(|| unavailable("not in a browser page".into()))?;
        // Reading the property itself throws (SecurityError) when storage is disabled.
        let storage = match area {
            Area::Session => window.session_storage(),
            Area::Local => window.local_storage(),
        }
        .map_err(|e| unavailable(js_message(&e)))?
        .ok_or_else(|| unavailable("the browser returned none".into()))?;
        Ok(Self { area, storage })
    }

    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage
            .get_item(&prefixed(key))
            .map_err(|e| self.refused(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage
            .set_item(&prefixed(key), value)
            .map_err(|e| match js_name(&e) {
                Some(name) if is_quota_error(&name) => {
                    StorageError::QuotaExceeded { area: self.area }
                }
                _ => self.refused(&e),
            })
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage
            .remove_item(&prefixed(key))
            .map_err(|e| self.refused(&e))
    }

    fn refused(&self, error: &JsValue) -> StorageError {
        StorageError::Refused {
            area: self.area,
            detail: js_message(error),
        }
    }
}

macro_rules! store {
    ($(#[$doc:meta])* $name:ident, $area:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name(Store);

        impl $name {
            /// Opens the store.
            ///
            /// # Errors
            /// [`StorageError::Unavailable`] when the browser offers none here.
            pub fn open() -> Result<Self, StorageError> {
                Store::open($area).map(Self)
            }

            /// The value under `key` (the prefix is added), `None` when there is none.
            ///
            /// # Errors
            /// [`StorageError::Refused`] when the browser refuses the read.
            pub fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
                self.0.get(key)
            }

            /// Stores `value` under `key` (the prefix is added), replacing any earlier value.
            ///
            /// # Errors
            /// [`StorageError::QuotaExceeded`] when the store is full (the earlier value, if
            /// any, is kept), else [`StorageError::Refused`].
            pub fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
                self.0.set(key, value)
            }

            /// Removes `key` (the prefix is added); removing a missing key is not an error.
            ///
            /// # Errors
            /// [`StorageError::Refused`] when the browser refuses the change.
            pub fn remove(&self, key: &str) -> Result<(), StorageError> {
                self.0.remove(key)
            }
        }
    };
}

store!(
    /// `sessionStorage`: the Daktela token and session. Lives as long as the tab and survives
    /// its reloads; never shared with other tabs.
    SessionStore,
    Area::Session
);

store!(
    /// `localStorage`: the call-log outbox and UI preferences. Outlives the tab. Never put the
    /// access token here (use [`SessionStore`]).
    LocalStore,
    Area::Local
);

/// The key as stored: `daktela-cti:<key>`.
pub fn prefixed(key: &str) -> String {
    format!("{KEY_PREFIX}{key}")
}

/// Whether a DOMException name means "storage full". Chromium and Safari say
/// `QuotaExceededError`; older Firefox says `NS_ERROR_DOM_QUOTA_REACHED`.
fn is_quota_error(name: &str) -> bool {
    matches!(name, "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED")
}

/// The `name` of a thrown DOMException or Error.
fn js_name(error: &JsValue) -> Option<String> {
    js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
}

/// A thrown value's message, for an error shown to people.
pub(crate) fn js_message(error: &JsValue) -> String {
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    if let Some(text) = error.as_string() {
        return text;
    }
    js_sys::Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn keys_are_namespaced_for_the_panel() {
        assert_eq!(prefixed("session"), "daktela-cti:session");
        assert_eq!(prefixed(""), "daktela-cti:");
    }

    #[test]
    fn quota_errors_are_recognised_in_every_browser() {
        assert!(is_quota_error("QuotaExceededError"));
        assert!(is_quota_error("NS_ERROR_DOM_QUOTA_REACHED"));
        assert!(!is_quota_error("SecurityError"));
    }

    #[test]
    fn errors_tell_the_agent_the_panel_keeps_working() {
        let e = StorageError::QuotaExceeded { area: Area::Local };
        assert!(e.to_string().contains("localStorage is full"), "{e}");
        assert!(e.to_string().contains("keeps working"), "{e}");
    }
}
