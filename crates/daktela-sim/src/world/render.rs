//! Records as Daktela sends them: relations expanded into full objects, `_sys` on each record,
//! custom fields as arrays. Key sets are pinned by `tests/shapes.rs` to the real fixtures and
//! to `openapi.json`.

use super::{Account, Activity, Agent, Call, Contact, Device, Pause, Queue, Status, World};
use crate::clock::format_secs;
use serde_json::{Value, json};

fn sys(model: &str) -> Value {
    json!({"hash": null, "model": model})
}

fn time(t: Option<i64>) -> Value {
    t.map_or(Value::Null, |t| Value::String(format_secs(t)))
}

impl World {
    /// `users` record (key set of the expanded user in `GET_contacts_single_with_user_object.json`).
    pub fn user_json(&self, a: &Agent) -> Value {
        let state = match self.device(&a.login) {
            Device::Unavailable => "offline",
            Device::Idle => "online",
            Device::Busy => "busy",
        };
        json!({
            "title": a.title, "alias": "", "type": "CC",
            "profile": {"title": "Agent", "description": "", "maxActivities": null, "maxOutRecords": 5,
                "deleteMissedActivity": false, "noQueueCallsAllowed": false,
                "canTransferCall": "blind and assisted transfer",
                "options": {"extensionRequired": true}, "name": "agent", "_sys": sys("profiles")},
            "role": {"title": "Agent", "description": "",
                "options": {"pCalls": 752, "pRealtime": 48, "sessions": 16, "pActivities": 16, "contacts": 31},
                "name": "agent", "_sys": sys("roles")},
            "description": "", "call_steering_description": "", "extension": a.extension, "acl": null,
            "extension_state": state, "presence_state": state, "clid": "", "static": false,
            "recordAtCallStart": "disabled", "algo": null, "email": a.email, "emailAuth": "",
            "icon": "", "emoji": "", "options": {"target": "terminate|busy"}, "nps_score": 0,
            "backoffice_user": false, "forwarding_number": "", "deleted": false, "deactivated": false,
            "allowRecordingInterruption": false, "name": a.login, "_sys": sys("users"),
        })
    }

    fn user_ref(&self, login: &str) -> Value {
        self.agent(login).map_or(Value::Null, |a| self.user_json(a))
    }

    /// `queues` record (key set of `item.queue` in the real activities fixture).
    pub fn queue_json(q: &Queue) -> Value {
        json!({"title": q.title, "alias": "", "description": "", "call_steering_description": "",
            "type": q.direction, "direction": q.direction, "options": [], "deactivated": false,
            "name": q.name, "_sys": sys("queues")})
    }

    fn queue_ref(&self, q: Option<i64>) -> Value {
        q.and_then(|q| self.queue(q))
            .map_or(Value::Null, Self::queue_json)
    }

    /// `pauses` record (OpenAPI `Pause-2`).
    pub fn pause_json(p: &Pause) -> Value {
        json!({"name": p.name, "type": p.kind, "title": p.title, "paid": p.paid,
            "max_duration": p.max_duration, "calculated_from": "", "repeatable": true,
            "max_amount": 0, "min_timeout": 0, "auto_pause": p.kind == "wrap",
            "prevent_direct_calls": p.kind == "dnd", "_sys": sys("pauses")})
    }

    /// `statuses` record (key set of the expanded statuses in the real ticket fixtures).
    pub fn status_json(s: &Status) -> Value {
        json!({"title": s.title, "description": null, "validation": false, "nextcall": s.name == "statuses_callback",
            "blacklist_database": null, "blacklist_expiration_time": null, "color": s.color,
            "name": s.name, "_sys": sys("statuses")})
    }

    /// `contacts` record (key set of `GET_contacts_single.json`), custom fields as arrays, the
    /// account expanded (key set of the `accounts` model).
    pub fn contact_json(&self, c: &Contact) -> Value {
        let account = c
            .account
            .as_deref()
            .and_then(|n| self.account(n))
            .map_or(Value::Null, Self::account_json);
        let mut custom = json!({"number": c.numbers, "address": [], "email": c.emails, "note": []});
        for (key, values) in &c.extra {
            custom[key.as_str()] = json!(values);
        }
        json!({
            "title": c.title, "firstname": c.firstname,
            "lastname": c.lastname, "account": account, "user": null, "description": c.description,
            "nps_score": 0, "edited": format_secs(c.edited), "created": format_secs(c.created),
            "customFields": custom,
            "duplicateContacts": null, "notDuplicateContacts": null, "name": c.name,
            "_sys": {"hash": null, "model": "contacts", "cfScheme": {
                "number": {"type": "PHONE", "title": "Telefon", "hidden": false, "readonly": false},
                "address": {"type": "ADDRESS", "title": "Adresa", "hidden": false, "readonly": false},
                "email": {"type": "EMAIL", "title": "Email", "hidden": false, "readonly": false},
                "note": {"type": "TEXTAREA", "title": "Poznámka", "hidden": false, "readonly": false}}},
        })
    }

    /// `accounts` record (OpenAPI `Daktela.Corm.Crm.Account-2` minus `database`, as the
    /// expanded account in the contact captures shows it); no custom fields render as `[]`
    /// (PHP's empty array).
    pub fn account_json(a: &Account) -> Value {
        let custom = if a.fields.is_empty() {
            json!([])
        } else {
            json!(a.fields)
        };
        json!({"title": a.title, "sla": null, "user": null, "description": a.description,
            "created": format_secs(a.created), "edited": format_secs(a.edited),
            "customFields": custom, "name": a.name, "_sys": sys("accounts")})
    }

    fn contact_ref(&self, name: Option<&str>) -> Value {
        name.and_then(|n| self.contact(n))
            .map_or(Value::Null, |c| self.contact_json(c))
    }

    /// `activitiesCall` record (OpenAPI `CallItem-2` plus CONTRACT's `hold_time`).
    pub fn call_json(&self, c: &Call) -> Value {
        json!({
            "id_call": c.id_call, "call_time": format_secs(c.call_time), "direction": c.direction,
            "answered": c.answered, "id_queue": self.queue_ref(c.queue), "id_agent": self.user_ref(&c.agent),
            "clid": c.clid, "contact": self.contact_ref(c.contact.as_deref()), "prefix_clid_name": "",
            "did": c.did, "waiting_time": 0, "ringing_time": c.ringing_time, "hold_time": 0,
            "duration": c.duration, "disposition_cause": c.disposition_cause,
            "disconnection_cause": c.disconnection_cause, "pressed_key": "", "missed_call": c.missed_call,
            "missed_call_time": null, "missed_callback": null, "attempts": 0, "options": [], "cdr": null,
            "_sys": sys("activitiesCall"),
        })
    }

    /// `activities` record (key set of `GET_activities_list_with_email_items.json`; `item`
    /// is the expanded call).
    pub fn activity_json(&self, a: &Activity) -> Value {
        let call = self.call(&a.id_call);
        let closed = a.action == "CLOSE";
        let duration = match (call, a.time_open) {
            (Some(c), _) if closed => c.duration,
            (_, Some(open)) => crate::clock::now_secs() - open,
            _ => 0,
        };
        let ringing = match (call, a.time_wait) {
            (Some(c), _) if closed || a.time_open.is_some() => c.ringing_time,
            (_, Some(wait)) => crate::clock::now_secs() - wait,
            _ => 0,
        };
        let statuses: Vec<Value> = a
            .statuses
            .iter()
            .filter_map(|s| self.statuses.iter().find(|x| &x.name == s))
            .map(Self::status_json)
            .collect();
        json!({
            "ticket": null, "title": a.title, "action": a.action, "type": "CALL",
            "item": call.map_or(Value::Null, |c| self.call_json(c)), "queue": self.queue_ref(a.queue),
            "user": self.user_ref(&a.user), "contact": self.contact_ref(a.contact.as_deref()),
            "survey": null, "record": null, "statuses": statuses, "priority": 0, "options": null,
            "description": a.description, "important": false, "time": format_secs(a.time),
            "time_wait": time(a.time_wait), "time_open": time(a.time_open), "time_close": time(a.time_close),
            "baw": 0, "aaw": 0, "duration": duration, "focus_time": 0, "focus_disruptions": 0,
            "ringing_time": ringing, "created_by": self.user_ref(&a.user), "customFields": [],
            "name": a.name, "_sys": sys("activities"),
        })
    }

    /// `realtimeSessions` record (OpenAPI `Session-2`). UNCONFIRMED(D1): `state` is `Paused`
    /// while paused, `Idle` when logged in to a queue and ready, `Session` otherwise.
    pub fn session_json(&self, login: &str) -> Value {
        let (Some(agent), Some(s)) = (self.agent(login), self.session(login)) else {
            return Value::Null;
        };
        let state = match (&s.pause, s.queues.is_empty()) {
            (Some(_), _) => "Paused",
            (None, false) => "Idle",
            (None, true) => "Session",
        };
        let exten_status = match self.device(login) {
            Device::Unavailable => "Unavailable",
            Device::Idle => "Idle",
            Device::Busy => "Busy",
        };
        let pause = s
            .pause
            .as_ref()
            .and_then(|p| self.pauses.iter().find(|x| &x.name == p));
        json!({
            "id_agent": self.user_json(agent), "state": state, "exten": agent.extension,
            "logintime": time(s.logintime), "lastcalltime": time(s.lastcalltime),
            "lastqueue": self.queue_ref(s.lastqueue), "id_pause": pause.map_or(Value::Null, Self::pause_json),
            "onpause": time(s.onpause), "statetime": format_secs(s.statetime),
            "id_call": self.live_activity(login).map(|a| a.id_call.clone()), "unwrap": null,
            "exten_status": exten_status, "presence_status": exten_status,
            "_sys": sys("realtimeSessions"),
        })
    }
}
