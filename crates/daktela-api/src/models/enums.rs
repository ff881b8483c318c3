//! Daktela's string enums, each with an `Other` arm so a value added by a newer server is kept
//! instead of failing the whole record.

use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::read::{FromJson, ReadError, deserialize_with_reader, lenient_string};

macro_rules! open_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
            /// A value this crate does not know, kept verbatim.
            Other(String),
        }

        impl $name {
            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)+
                    Self::Other(other) => other,
                }
            }

            /// Reads a wire value; unknown values become `Other`.
            pub fn from_wire(value: &str) -> Self {
                match value {
                    $($wire => Self::$variant,)+
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        impl FromJson for $name {
            fn from_json(value: &Value) -> Result<Self, ReadError> {
                Ok(Self::from_wire(lenient_string(value)?.as_deref().unwrap_or("")))
            }
        }

        deserialize_with_reader!($name);

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

open_enum!(
    /// `activities.action`: the state of an activity.
    ActivityAction {
        /// `""`: no state yet.
        Empty = "",
        /// `WAIT`: offered / ringing (D3).
        Wait = "WAIT",
        /// `OPEN`: being handled (answered call).
        Open = "OPEN",
        /// `POSTPONE`: postponed.
        Postpone = "POSTPONE",
        /// `CLOSE`: finished.
        Close = "CLOSE",
    }
);

open_enum!(
    /// `activities.type`: the channel.
    ActivityType {
        /// `""`: a comment (older servers).
        Comment = "",
        /// `COMMENT`: a comment (newer servers).
        CommentNamed = "COMMENT",
        /// `CALL`.
        Call = "CALL",
        /// `EMAIL`.
        Email = "EMAIL",
        /// `CHAT`.
        Chat = "CHAT",
        /// `SMS`.
        Sms = "SMS",
        /// `FBM` (Facebook Messenger).
        Fbm = "FBM",
        /// `IGDM` (Instagram direct message).
        Igdm = "IGDM",
        /// `WAP` (WhatsApp).
        Wap = "WAP",
        /// `VBR` (Viber).
        Vbr = "VBR",
        /// `CUSTOM`.
        Custom = "CUSTOM",
    }
);

open_enum!(
    /// `activitiesCall.direction`.
    CallDirection {
        /// `in`: the customer called.
        In = "in",
        /// `out`: the agent called (click-to-call too).
        Out = "out",
        /// `internal`: between users.
        Internal = "internal",
    }
);

open_enum!(
    /// `realtimeSessions.state`.
    SessionState {
        /// `Session`: logged in.
        Session = "Session",
        /// `Idle`: logged in and free.
        Idle = "Idle",
        /// `Paused`: on a pause (see `id_pause`).
        Paused = "Paused",
    }
);
