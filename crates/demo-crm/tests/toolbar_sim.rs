//! The demo toolbar's requests work against the simulator mounted on the CRM's origin, and the
//! CRM's numbers agree with the simulator's seeded contacts.
#![allow(clippy::unwrap_used)]

mod common;

use axum::http::StatusCode;
use common::{fake_dist, get, json, router};
use demo_crm::{RING_NUMBERS, seeded_contacts};
use serde_json::json;

#[tokio::test]
async fn each_toolbar_call_is_accepted_by_the_simulator() {
    let dist = fake_dist();
    let r = router(&dist);
    for ring in RING_NUMBERS {
        // Exactly the bodies demo-controls.js sends.
        let body = json!({"agent": "agent1", "from": ring.e164, "queue": 1001});
        let res = json(&r, "POST", "/daktela/__sim/ring", &body).await;
        assert_eq!(
            res.status,
            StatusCode::CREATED,
            "{}: {}",
            ring.e164,
            res.text
        );
        let res = json(
            &r,
            "POST",
            "/daktela/__sim/answer",
            &json!({"agent": "agent1"}),
        )
        .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text);
        let res = json(
            &r,
            "POST",
            "/daktela/__sim/hangup",
            &json!({"agent": "agent1"}),
        )
        .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text);
    }
    for online in [false, true] {
        let body = json!({"agent": "agent1", "online": online});
        let res = json(&r, "POST", "/daktela/__sim/phone", &body).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text);
    }
}

/// The simulator's contacts with this number (its full-text search reads the phone field).
async fn daktela_contacts(r: &axum::Router, e164: &str) -> Vec<String> {
    let uri = format!(
        "/daktela/api/v6/contacts.json?q={}&accessToken=sim-static-token-agent1",
        e164.replace('+', "%2B")
    );
    let res = get(r, &uri).await;
    assert_eq!(res.status, StatusCode::OK);
    res.json()["result"]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn crm_numbers_match_the_simulators_seeded_contacts() {
    let dist = fake_dist();
    let r = router(&dist);
    let book = seeded_contacts();
    let name_of = |id: &str| book.iter().find(|c| c.id == id).unwrap().name.clone();
    for (crm_id, e164, daktela) in [
        ("C-1002", "+420777123456", "contact_jan_novak"),
        ("C-1003", "+420602111222", "contact_petra_mala"),
        ("C-1004", "+420731555666", "contact_tomas_cerny"),
        ("C-1006", "+420777000111", "contact_karel_dvorak"),
        ("C-1007", "+420739444555", "contact_martin_horak"),
        ("C-1008", "+4930123456789", "contact_anna_schmidt"),
    ] {
        assert_eq!(daktela_contacts(&r, e164).await, [daktela], "{e164}");
        let found = get(
            &r,
            &format!("/api/lookup?phone={}", e164.replace('+', "%2B")),
        )
        .await
        .json();
        assert_eq!(found[0]["name"], name_of(crm_id).as_str(), "{e164}");
    }
    // Daktela knows this caller, the CRM does not: the panel must cope with both answers.
    assert_eq!(
        daktela_contacts(&r, "+420603987654").await,
        ["contact_lucie_vesela"]
    );
    assert_eq!(
        get(&r, "/api/lookup?phone=%2B420603987654").await.json(),
        json!([])
    );
}
