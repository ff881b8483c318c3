//! REST mode end to end against the simulator's `/api/v6/contacts` and `/api/v6/accounts`.
#![allow(clippy::unwrap_used)]

mod common;

use common::{config, jsonl, logged, run, sim, synced_contacts, temp_dir};
use crm_sync::Mode;
use crm_sync::input::Source;
use daktela_sim::{FaultKind, FaultSpec};

#[tokio::test]
async fn a_first_run_creates_accounts_and_contacts_under_names_derived_from_crm_ids() {
    let sim = sim().await;
    let cfg = config(&sim, jsonl(30, 10, |_| None), Mode::Rest);
    let report = run(&cfg).await;
    assert!(report.succeeded(), "{}", report.human());
    assert_eq!(report.written.contacts_created, 30);
    assert_eq!(report.written.accounts_created, 3);
    assert_eq!(
        report.requests.gets, 2,
        "one listing page each for accounts and contacts"
    );
    assert_eq!(report.requests.posts, 33);
    assert_eq!(report.requests.puts, 0);
    assert_eq!(logged(&sim, "POST", "/api/v6/contacts"), 30);
    assert_eq!(synced_contacts(&sim).len(), 30);
    let (title, account, emails) = sim.state().read(|w| {
        let c = w.contact("crm_contact_12").unwrap();
        (c.title.clone(), c.account.clone(), c.emails.clone())
    });
    assert_eq!(title, "First11 Last11");
    assert_eq!(account.as_deref(), Some("crm_account_1001"));
    assert_eq!(emails, vec!["c11@example.com".to_owned()]);
}

#[tokio::test]
async fn without_a_state_a_second_run_finds_daktela_already_up_to_date_and_writes_nothing() {
    let sim = sim().await;
    let cfg = config(&sim, jsonl(30, 10, |_| None), Mode::Rest);
    assert!(run(&cfg).await.succeeded());
    sim.state().clear_requests();
    let report = run(&cfg).await;
    assert!(report.succeeded(), "{}", report.human());
    assert_eq!(report.written.contacts_unchanged, 30);
    assert_eq!((report.requests.posts, report.requests.puts), (0, 0));
    assert_eq!(logged(&sim, "PUT", "/api/v6/"), 0);
    assert_eq!(logged(&sim, "POST", "/api/v6/"), 0);
}

#[tokio::test]
async fn with_a_state_only_the_changed_contact_is_written_with_one_put() {
    let sim = sim().await;
    let dir = temp_dir("rest-state");
    let mut cfg = config(&sim, jsonl(30, 10, |_| None), Mode::Rest);
    cfg.state_path = Some(dir.join("state"));
    assert!(run(&cfg).await.state_saved);
    cfg.source = Source::Bytes(jsonl(30, 10, |i| (i == 4).then(|| "Moved".into())));
    sim.state().clear_requests();
    let report = run(&cfg).await;
    assert!(report.succeeded(), "{}", report.human());
    assert_eq!(report.requests.total(), 1, "{:?}", report.requests);
    assert_eq!(logged(&sim, "PUT", "/api/v6/contacts/crm_contact_5"), 1);
    let last = sim
        .state()
        .read(|w| w.contact("crm_contact_5").unwrap().lastname.clone());
    assert_eq!(last, "Moved");
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn a_contact_new_since_the_state_is_put_then_created_after_a_definite_404() {
    let sim = sim().await;
    let dir = temp_dir("rest-new");
    let mut cfg = config(&sim, jsonl(10, 10, |_| None), Mode::Rest);
    cfg.state_path = Some(dir.join("state"));
    assert!(run(&cfg).await.state_saved);
    cfg.source = Source::Bytes(jsonl(11, 10, |_| None));
    sim.state().clear_requests();
    let report = run(&cfg).await;
    assert!(report.succeeded(), "{}", report.human());
    assert_eq!(report.written.contacts_created, 1);
    assert_eq!(logged(&sim, "PUT", "crm_contact_11"), 1);
    assert_eq!(logged(&sim, "POST", "/api/v6/contacts"), 1);
    std::fs::remove_dir_all(dir).unwrap();
}

/// A simulator holding contact 1 (and a state file saying so), with `fault` armed on
/// creates: the next run of contacts 1..=3 creates 2 and 3 (PUT, 404, POST) and touches no
/// list, so the fault can only hit a create.
async fn creates_under(fault: FaultKind) -> (daktela_sim::RunningSim, crm_sync::Report) {
    let sim = sim().await;
    let dir = temp_dir(&format!("rest-fault-{}", fault_name(&fault)));
    let mut cfg = config(&sim, jsonl(1, 10, |_| None), Mode::Rest);
    cfg.state_path = Some(dir.join("state"));
    cfg.concurrency = 1;
    assert!(run(&cfg).await.state_saved);
    sim.state().clear_requests();
    sim.state().inject_fault(FaultSpec {
        kind: fault,
        count: 1,
        path_contains: Some("/api/v6/contacts.json".into()),
    });
    cfg.source = Source::Bytes(jsonl(3, 10, |_| None));
    let report = run(&cfg).await;
    std::fs::remove_dir_all(dir).unwrap();
    (sim, report)
}

fn fault_name(f: &FaultKind) -> &'static str {
    match f {
        FaultKind::RateLimit { .. } => "429",
        _ => "other",
    }
}

#[tokio::test]
async fn a_create_answered_429_is_waited_out_and_repeated() {
    let (sim, report) = creates_under(FaultKind::RateLimit {
        retry_after_secs: 1,
    })
    .await;
    assert!(report.succeeded(), "{}", report.human());
    assert_eq!(report.requests.retries_after_429, 1);
    assert_eq!(report.written.contacts_created, 2);
    assert_eq!(
        logged(&sim, "POST", "/api/v6/contacts"),
        3,
        "2 creates, one sent twice"
    );
    assert_eq!(synced_contacts(&sim).len(), 3);
}

#[tokio::test]
async fn a_create_answered_500_is_not_repeated_and_fails_the_run() {
    let (sim, report) = creates_under(FaultKind::Status {
        status: 500,
        body: None,
    })
    .await;
    assert!(!report.succeeded());
    assert!(!report.state_saved);
    assert_eq!(report.send_error_count, 1);
    assert!(
        report.send_errors[0].contains("contact `"),
        "{:?}",
        report.send_errors
    );
    assert_eq!(
        logged(&sim, "POST", "/api/v6/contacts"),
        2,
        "no create is sent twice"
    );
    assert_eq!(synced_contacts(&sim).len(), 2);
}

#[tokio::test]
async fn concurrency_is_bounded() {
    let sim = sim().await;
    let mut cfg = config(&sim, jsonl(40, 40, |_| None), Mode::Rest);
    cfg.concurrency = 3;
    // Every write is slowed down; with at most 3 in flight, 41 writes take >= 14 rounds.
    sim.state().inject_fault(FaultSpec {
        kind: FaultKind::Delay { ms: 20 },
        count: 1000,
        path_contains: Some("/api/v6/".into()),
    });
    let started = std::time::Instant::now();
    let report = run(&cfg).await;
    assert!(report.succeeded(), "{}", report.human());
    assert!(started.elapsed() >= std::time::Duration::from_millis(14 * 20));
}
