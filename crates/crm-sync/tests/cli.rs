//! The `crm-sync` binary: arguments, exit status, the JSON report.
#![allow(clippy::unwrap_used)]

mod common;

use common::{TOKEN, sim, synced_contacts, temp_dir};
use serde_json::Value;
use tokio::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_crm-sync");

#[tokio::test]
async fn loads_a_csv_through_a_mapping_and_prints_a_json_report() {
    let sim = sim().await;
    let dir = temp_dir("cli-csv");
    std::fs::write(
        dir.join("crm.csv"),
        "crm_id;first;last;company_id;company;phone;email\n\
         1;Jan;Novak;7;ACME;601 111 111|602 222 222;jan@acme.cz\n\
         2;Eva;Mala;;;+420 603 333 333;\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("map.json"),
        r#"{"id": "crm_id", "firstname": "first", "lastname": "last",
            "company": {"id": "company_id", "name": "company"},
            "fields": {"number": ["phone"], "email": ["email"]},
            "split": "|", "delimiter": ";"}"#,
    )
    .unwrap();
    let out = Command::new(BIN)
        .args(["--url", &sim.base_url, "--input"])
        .arg(dir.join("crm.csv"))
        .args(["--format", "csv", "--mapping"])
        .arg(dir.join("map.json"))
        .args([
            "--default-country-code",
            "420",
            "--report",
            "json",
            "--quiet",
        ])
        .env("DAKTELA_TOKEN", TOKEN)
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!stdout.contains(TOKEN), "the token is never printed");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["counts"]["contacts_read"], 2);
    assert_eq!(report["requests"]["sync_posts"], 1);
    assert_eq!(synced_contacts(&sim).len(), 2);
    let numbers = sim
        .state()
        .read(|w| w.contact("crm_contact_1").unwrap().numbers.clone());
    assert_eq!(numbers, vec!["00420601111111", "00420602222222"]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn unusable_arguments_exit_with_status_2_and_a_message() {
    for args in [
        vec!["--format", "csv"],
        vec!["--delete"],
        vec!["--max-delete-share", "2"],
        vec!["--business-hours", "sometimes"],
    ] {
        let out = Command::new(BIN)
            .args([
                "--url",
                "http://127.0.0.1:9",
                "--input",
                "/nonexistent",
                "--quiet",
            ])
            .args(&args)
            .output()
            .await
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).starts_with("crm-sync: "),
            "{args:?}"
        );
    }
}

#[tokio::test]
async fn a_failed_run_exits_with_status_1_and_says_why() {
    let out = Command::new(BIN)
        .args([
            "--url",
            "http://127.0.0.1:9",
            "--input",
            "/nonexistent/file.json",
            "--quiet",
        ])
        .output()
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("cannot open /nonexistent/file.json"),
        "{stdout}"
    );
    assert!(stdout.contains("FAILED"), "{stdout}");
}
