//! The seeded instance: agents, queues, pauses, statuses and contacts.

use super::{Account, Agent, AgentSession, Contact, Pause, Queue, Status, World};
use crate::clock::now_secs;
use std::collections::BTreeMap;
use std::collections::HashMap;

/// The demo agents as `(login, password, title, extension)`; printed by the binary and listed
/// in the README.
pub const SEED_AGENTS: &[(&str, &str, &str, &str)] = &[
    ("agent1", "agent1pass", "Jana Nováková", "201"),
    ("agent2", "agent2pass", "Petr Svoboda", "202"),
    ("agent3", "agent3pass", "Eva Dvořáková", "203"),
    ("supervisor", "supervisorpass", "Martin Král", "204"),
];

/// The long-lived token each seeded agent has from the start (like the token on a user's
/// detail page in Daktela); `POST /__sim/expire-tokens` removes it until a reset.
pub fn static_token(login: &str) -> String {
    format!("sim-static-token-{login}")
}

const QUEUES: &[(i64, &str, &str)] = &[
    (1001, "Support CZ", "in"),
    (1002, "Sales", "in"),
    (1003, "VIP Line", "in"),
    (2001, "Outbound CZ", "out"),
    (2002, "Callbacks", "out"),
];

const PAUSES: &[(&str, &str, &str, bool, i64)] = &[
    ("pause_lunch", "Lunch", "", false, 30),
    ("pause_training", "Training", "", true, 60),
    ("pause_wrapup", "Wrap-up", "wrap", true, 5),
    ("pause_dnd", "Do not disturb", "dnd", true, 15),
];

const STATUSES: &[(&str, &str, &str)] = &[
    ("statuses_sale", "Sale", "#4caf50"),
    ("statuses_callback", "Callback", "#2196f3"),
    ("statuses_not_interested", "Not interested", "#9e9e9e"),
    ("statuses_wrong_number", "Wrong number", "#f44336"),
];

/// `(name, firstname, lastname, company, numbers, email)`.
type ContactSeed = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static [&'static str],
    &'static str,
);

const CONTACTS: &[ContactSeed] = &[
    (
        "contact_jan_novak",
        "Jan",
        "Novák",
        Some("Acme s.r.o."),
        &["00420777123456"],
        "jan.novak@acme.cz",
    ),
    (
        "contact_petra_mala",
        "Petra",
        "Malá",
        Some("Acme s.r.o."),
        &["00420602111222"],
        "petra.mala@acme.cz",
    ),
    (
        "contact_tomas_cerny",
        "Tomáš",
        "Černý",
        Some("Stavby Praha a.s."),
        &["00420731555666", "00420222333444"],
        "cerny@stavbypraha.cz",
    ),
    (
        "contact_lucie_vesela",
        "Lucie",
        "Veselá",
        Some("Kavárna U Mostu"),
        &["00420603987654"],
        "lucie@umostu.cz",
    ),
    (
        "contact_karel_dvorak",
        "Karel",
        "Dvořák",
        Some("Dvořák & syn"),
        &["00420777000111"],
        "karel@dvorakasyn.cz",
    ),
    (
        "contact_hana_prochazkova",
        "Hana",
        "Procházková",
        None,
        &["00420721222333"],
        "hana.prochazkova@email.cz",
    ),
    (
        "contact_martin_horak",
        "Martin",
        "Horák",
        Some("Horák Logistics"),
        &["00420739444555"],
        "horak@horaklogistics.cz",
    ),
    (
        "contact_anna_schmidt",
        "Anna",
        "Schmidt",
        Some("Berlin Handel GmbH"),
        &["004930123456789"],
        "a.schmidt@berlinhandel.de",
    ),
    (
        "contact_john_smith",
        "John",
        "Smith",
        Some("Smith & Sons Ltd"),
        &["00442079460958"],
        "john@smithandsons.co.uk",
    ),
    (
        "contact_zuzana_kovacova",
        "Zuzana",
        "Kováčová",
        Some("Bratislava Tech s.r.o."),
        &["00421905123456"],
        "zuzana@bratislavatech.sk",
    ),
];

impl World {
    /// The instance as it is at start and after a reset.
    pub fn seeded() -> Self {
        let now = now_secs();
        let agents: Vec<Agent> = SEED_AGENTS
            .iter()
            .map(|(login, password, title, ext)| Agent {
                login: (*login).to_owned(),
                password: (*password).to_owned(),
                title: (*title).to_owned(),
                extension: (*ext).to_owned(),
                email: format!("{login}@sim.daktela.test"),
                static_token: static_token(login),
            })
            .collect();
        let sessions: HashMap<String, AgentSession> = agents
            .iter()
            .map(|a| {
                let session = AgentSession {
                    device_online: true,
                    statetime: now,
                    ..AgentSession::default()
                };
                (a.login.clone(), session)
            })
            .collect();
        let mut world = World {
            queues: QUEUES
                .iter()
                .map(|(name, title, dir)| Queue {
                    name: *name,
                    title: (*title).to_owned(),
                    direction: dir,
                })
                .collect(),
            pauses: PAUSES
                .iter()
                .map(|(name, title, kind, paid, max)| Pause {
                    name: (*name).to_owned(),
                    title: (*title).to_owned(),
                    kind,
                    paid: *paid,
                    max_duration: *max,
                })
                .collect(),
            statuses: STATUSES
                .iter()
                .map(|(name, title, color)| Status {
                    name: (*name).to_owned(),
                    title: (*title).to_owned(),
                    color: (*color).to_owned(),
                })
                .collect(),
            contacts: CONTACTS
                .iter()
                .enumerate()
                .map(|(i, (name, first, last, company, numbers, email))| {
                    let created = now - 86_400 * (30 - i64::try_from(i).unwrap_or(0));
                    Contact {
                        name: (*name).to_owned(),
                        title: format!("{first} {last}"),
                        firstname: (*first).to_owned(),
                        lastname: (*last).to_owned(),
                        account: company.map(Account::seed_name),
                        description: String::new(),
                        numbers: numbers.iter().map(|n| (*n).to_owned()).collect(),
                        emails: vec![(*email).to_owned()],
                        extra: BTreeMap::new(),
                        created,
                        edited: created,
                    }
                })
                .collect(),
            accounts: Account::seeded(CONTACTS.iter().filter_map(|c| c.3), now - 86_400 * 31),
            calls: Vec::new(),
            activities: Vec::new(),
            sessions,
            tokens: Default::default(),
            seq: 0,
            agents,
        };
        world.seed_static_tokens();
        world
    }
}
