//! Typed record names. Daktela keys every record by `name` (a login for users, an integer for
//! queues and tickets, a generated string for activities), and relations are written back as
//! that name. A newtype per model stops a queue name from being passed where a user login belongs.

use std::fmt;

use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::read::{FromJson, ReadError, deserialize_with_reader, lenient_string};

macro_rules! name_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            /// Wraps a name as Daktela spells it.
            pub fn new(name: impl Into<String>) -> Self {
                Self(name.into())
            }
            /// The name as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(name: &str) -> Self {
                Self(name.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(name: String) -> Self {
                Self(name)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl FromJson for $name {
            /// Accepts a string or a number (queue and ticket names are integers on the wire).
            fn from_json(value: &Value) -> Result<Self, ReadError> {
                match lenient_string(value)? {
                    Some(name) => Ok(Self(name)),
                    None => Err(ReadError::new("a record name may not be null")),
                }
            }
        }

        deserialize_with_reader!($name);
    };
}

name_type!(
    /// A user's login (`users.name`), also used in `user` / `id_agent` filters.
    UserLogin
);
name_type!(
    /// An activity's name (`activities.name`), e.g. `activities-9673-637872782126648454`.
    ActivityName
);
name_type!(
    /// A queue's name: an integer such as `2000` on real instances.
    QueueName
);
name_type!(
    /// A pause reason's name (`pauses.name`).
    PauseName
);
name_type!(
    /// A status (disposition) name (`statuses.name`).
    StatusName
);
name_type!(
    /// A contact's name (`contacts.name`).
    ContactName
);
name_type!(
    /// A call's id (`activitiesCall.id_call`), its name in `activitiesCall/{id_call}.json`.
    CallId
);
name_type!(
    /// A ticket's name: an integer such as `9673` on real instances.
    TicketName
);

macro_rules! serialize_as_string {
    ($($name:ident),*) => {$(
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }
    )*};
}

serialize_as_string!(
    UserLogin,
    ActivityName,
    PauseName,
    StatusName,
    ContactName,
    CallId
);

macro_rules! serialize_as_number_when_numeric {
    ($($name:ident),*) => {$(
        impl Serialize for $name {
            /// Queue and ticket names are integers on the wire (the official examples send
            /// `queue: 2000`), so a canonical decimal name goes out as a JSON number. Anything
            /// else (leading zero, letters) goes out as the string it is.
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self.0.parse::<u64>() {
                    Ok(n) if n.to_string() == self.0 => s.serialize_u64(n),
                    _ => s.serialize_str(&self.0),
                }
            }
        }
    )*};
}

serialize_as_number_when_numeric!(QueueName, TicketName);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_names_go_out_as_numbers_only_when_that_is_lossless() {
        assert_eq!(
            serde_json::to_string(&QueueName::new("2000")).unwrap(),
            "2000"
        );
        assert_eq!(
            serde_json::to_string(&QueueName::new("007")).unwrap(),
            "\"007\""
        );
        assert_eq!(
            serde_json::to_string(&QueueName::new("out_1")).unwrap(),
            "\"out_1\""
        );
    }

    #[test]
    fn names_read_from_numbers_and_strings() {
        assert_eq!(
            serde_json::from_str::<QueueName>("3001").unwrap().as_str(),
            "3001"
        );
        assert_eq!(
            serde_json::from_str::<UserLogin>("\"jnovak\"")
                .unwrap()
                .as_str(),
            "jnovak"
        );
        assert!(serde_json::from_str::<UserLogin>("null").is_err());
    }
}
