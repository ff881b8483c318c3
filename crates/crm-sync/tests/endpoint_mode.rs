//! Sync-endpoint mode end to end against the simulator's `POST /custom/crm/sync.php`.
#![allow(clippy::unwrap_used)]

mod common;

use common::{config, jsonl, logged, run, sim, synced_contacts, temp_dir};
use crm_sync::Mode;
use crm_sync::guard::{BusinessHours, Refusal};
use daktela_sim::{FaultKind, FaultSpec};

const SYNC: &str = "/custom/crm/sync.php";

#[tokio::test]
async fn a_full_load_in_small_chunks_lands_every_contact_in_the_simulator() {
    let sim = sim().await;
    let mut cfg = config(&sim, jsonl(300, 10, |_| None), Mode::Endpoint);
    cfg.full = true;
    cfg.max_request_bytes = 8_000;
    let report = run(&cfg).await;
    assert!(report.succeeded(), "{}", report.human());
    let posts = report.requests.sync_posts;
    assert!(posts > 5, "{posts} requests");
    assert_eq!(logged(&sim, "POST", SYNC), usize::try_from(posts).unwrap());
    assert!(report.requests.sync_sizes.iter().all(|s| *s <= 8_000));
    assert_eq!(synced_contacts(&sim).len(), 300);
    let (account, number) = sim.state().read(|w| {
        let c = w.contact("crm_contact_1").unwrap();
        (c.account.clone(), c.numbers.clone())
    });
    assert_eq!(account.as_deref(), Some("crm_account_1000"));
    assert_eq!(number, vec!["00420601000000".to_owned()]);
    let companyless = sim
        .state()
        .read(|w| w.contact("crm_contact_10").unwrap().account.clone());
    assert_eq!(companyless, None, "contact 10 (index 9) has no company");
}

#[tokio::test]
async fn a_partial_run_sends_only_what_changed_since_the_last_successful_run() {
    let sim = sim().await;
    let dir = temp_dir("partial");
    let state = dir.join("state");
    let mut cfg = config(&sim, jsonl(50, 10, |_| None), Mode::Endpoint);
    cfg.state_path = Some(state.clone());
    let first = run(&cfg).await;
    assert!(first.succeeded() && first.state_saved, "{}", first.human());
    assert_eq!(first.counts.contacts_new, 50);

    cfg.source =
        crm_sync::input::Source::Bytes(jsonl(50, 10, |i| (i == 7).then(|| "Changed".into())));
    sim.state().clear_requests();
    let second = run(&cfg).await;
    assert!(second.succeeded(), "{}", second.human());
    assert_eq!(
        (second.counts.contacts_changed, second.counts.contacts_same),
        (1, 49)
    );
    assert_eq!(logged(&sim, "POST", SYNC), 1);
    let last = sim
        .state()
        .read(|w| w.contact("crm_contact_8").unwrap().lastname.clone());
    assert_eq!(last, "Changed");

    sim.state().clear_requests();
    let third = run(&cfg).await;
    assert_eq!(third.requests.sync_posts, 0);
    assert_eq!(
        logged(&sim, "POST", SYNC),
        0,
        "nothing changed, nothing sent"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn a_failed_request_does_not_advance_the_state_so_the_next_run_sends_it_again() {
    let sim = sim().await;
    let dir = temp_dir("failed");
    let mut cfg = config(&sim, jsonl(40, 10, |_| None), Mode::Endpoint);
    cfg.state_path = Some(dir.join("state"));
    sim.state().inject_fault(FaultSpec {
        kind: FaultKind::Status {
            status: 500,
            body: None,
        },
        count: 1,
        path_contains: Some("sync.php".into()),
    });
    let failed = run(&cfg).await;
    assert!(!failed.succeeded());
    assert!(!failed.state_saved);
    assert!(!dir.join("state").exists());
    let again = run(&cfg).await;
    assert!(again.succeeded(), "{}", again.human());
    assert_eq!(again.counts.contacts_new, 40, "everything is still new");
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn a_429_is_waited_out_and_the_request_repeated() {
    let sim = sim().await;
    let cfg = config(&sim, jsonl(5, 10, |_| None), Mode::Endpoint);
    sim.state().inject_fault(FaultSpec {
        kind: FaultKind::RateLimit {
            retry_after_secs: 1,
        },
        count: 1,
        path_contains: Some("sync.php".into()),
    });
    let report = run(&cfg).await;
    assert!(report.succeeded(), "{}", report.human());
    assert_eq!(report.requests.retries_after_429, 1);
    assert_eq!(logged(&sim, "POST", SYNC), 2);
    assert_eq!(synced_contacts(&sim).len(), 5);
}

#[tokio::test]
async fn a_413_is_reported_as_a_size_problem_and_nothing_more_is_sent() {
    let sim = sim().await;
    let mut cfg = config(&sim, jsonl(100, 10, |_| None), Mode::Endpoint);
    cfg.max_request_bytes = 4_000;
    sim.state().inject_fault(FaultSpec {
        kind: FaultKind::Status {
            status: 413,
            body: None,
        },
        count: 1,
        path_contains: Some("sync.php".into()),
    });
    let report = run(&cfg).await;
    assert!(!report.succeeded());
    assert!(
        report.send_errors[0].contains("413"),
        "{:?}",
        report.send_errors
    );
    assert_eq!(logged(&sim, "POST", SYNC), 1);
}

#[tokio::test]
async fn delete_removes_contacts_gone_from_the_crm_after_a_clean_full_load() {
    let sim = sim().await;
    let seeded = sim.state().read(|w| w.contacts.len());
    let mut cfg = config(&sim, jsonl(20, 10, |_| None), Mode::Endpoint);
    cfg.full = true;
    assert!(run(&cfg).await.succeeded());
    cfg.source = crm_sync::input::Source::Bytes(jsonl(19, 10, |_| None));
    cfg.delete = true;
    cfg.max_delete_share = 0.1;
    let report = run(&cfg).await;
    assert!(report.succeeded(), "{}", report.human());
    assert_eq!(report.deletion.candidates, 1);
    assert_eq!(report.written.contacts_deleted, 1);
    assert_eq!(logged(&sim, "DELETE", "crm_contact_20"), 1);
    assert_eq!(synced_contacts(&sim).len(), 19);
    assert_eq!(
        sim.state().read(|w| w.contacts.len()),
        seeded + 19,
        "hand-made contacts stay"
    );
}

#[tokio::test]
async fn delete_above_the_allowed_share_is_refused_unless_forced() {
    let sim = sim().await;
    let mut cfg = config(&sim, jsonl(20, 10, |_| None), Mode::Endpoint);
    cfg.full = true;
    assert!(run(&cfg).await.succeeded());
    cfg.source = crm_sync::input::Source::Bytes(jsonl(10, 10, |_| None));
    cfg.delete = true;
    cfg.max_delete_share = 0.05;
    let refused = run(&cfg).await;
    assert!(matches!(
        refused.deletion.refused,
        Some(Refusal::TooManyDeletes {
            would_delete: 10,
            ..
        })
    ));
    assert!(!refused.succeeded(), "a refused deletion fails the run");
    assert!(refused.load_succeeded());
    assert_eq!(logged(&sim, "DELETE", "contacts"), 0);
    assert_eq!(synced_contacts(&sim).len(), 20);
    cfg.force = true;
    let forced = run(&cfg).await;
    assert_eq!(forced.written.contacts_deleted, 10);
    assert_eq!(synced_contacts(&sim).len(), 10);
}

#[tokio::test]
async fn nothing_is_deleted_after_a_load_with_bad_records() {
    let sim = sim().await;
    let mut cfg = config(&sim, jsonl(20, 10, |_| None), Mode::Endpoint);
    cfg.full = true;
    assert!(run(&cfg).await.succeeded());
    let mut data = jsonl(10, 10, |_| None);
    data.extend_from_slice(b"{\"name\": \"no id\"}\nnot json\n");
    cfg.source = crm_sync::input::Source::Bytes(data);
    cfg.delete = true;
    cfg.force = true;
    let report = run(&cfg).await;
    assert_eq!(report.input_error_count, 2);
    let lines: Vec<String> = report
        .input_errors
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(lines[0].starts_with("line 11:"), "{lines:?}");
    assert!(lines[1].starts_with("line 12:"), "{lines:?}");
    assert!(matches!(
        report.deletion.refused,
        Some(Refusal::RunHadErrors { errors: 2 })
    ));
    assert_eq!(logged(&sim, "DELETE", "contacts"), 0);
    assert_eq!(synced_contacts(&sim).len(), 20);
}

#[tokio::test]
async fn a_full_load_in_business_hours_is_refused_unless_forced() {
    let sim = sim().await;
    let mut cfg = config(&sim, jsonl(5, 10, |_| None), Mode::Endpoint);
    cfg.full = true;
    cfg.business_hours = Some(BusinessHours::parse("mon-sun 00:00-24:00", 0).unwrap());
    let refused = run(&cfg).await;
    assert_eq!(refused.refused, Some(Refusal::BusinessHours));
    assert_eq!(logged(&sim, "POST", SYNC), 0);
    cfg.full = false;
    assert!(run(&cfg).await.succeeded(), "a partial load is allowed");
    cfg.full = true;
    cfg.force = true;
    assert!(run(&cfg).await.succeeded());
}

#[tokio::test]
async fn a_dry_run_plans_requests_and_sends_nothing() {
    let sim = sim().await;
    let mut cfg = config(&sim, jsonl(100, 10, |_| None), Mode::Endpoint);
    cfg.dry_run = true;
    cfg.max_request_bytes = 5_000;
    let report = run(&cfg).await;
    assert!(report.requests.sync_posts > 1);
    assert_eq!(report.written.contacts_created, 100);
    assert_eq!(logged(&sim, "POST", SYNC), 0);
    assert!(synced_contacts(&sim).is_empty());
    assert!(report.human().contains("dry run"));
}
