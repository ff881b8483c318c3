//! Helpers shared by the demo CRM's tests: a fake Trunk build, one-shot requests, a temp dir.
#![allow(dead_code, clippy::unwrap_used)]

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use demo_crm::{DemoConfig, app};
use tower::ServiceExt;

/// A response as a test reads it.
pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("{e}: {}", self.text))
    }
}

/// A throwaway folder that looks like the panel's Trunk build.
pub fn fake_dist() -> tempdir::Dir {
    let dir = tempdir::Dir::new();
    std::fs::write(dir.path().join("index.html"), "<h1>Brightdesk CRM</h1>").unwrap();
    std::fs::write(dir.path().join("daktela-cti_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    dir
}

/// The demo CRM in memory over `dist`.
pub fn router(dist: &tempdir::Dir) -> Router {
    app(DemoConfig::new(dist.path())).unwrap().0
}

pub async fn send(router: &Router, req: Request<Body>) -> Reply {
    let res = router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = to_bytes(res.into_body(), 1 << 22).await.unwrap();
    Reply {
        status,
        headers,
        text: String::from_utf8(body.to_vec()).unwrap(),
    }
}

pub async fn get(router: &Router, uri: &str) -> Reply {
    send(router, Request::get(uri).body(Body::empty()).unwrap()).await
}

pub async fn json(router: &Router, method: &str, uri: &str, body: &serde_json::Value) -> Reply {
    let req = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    send(router, req).await
}

pub async fn form(router: &Router, uri: &str, body: &str) -> Reply {
    let req = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_owned()))
        .unwrap();
    send(router, req).await
}

/// A call-log record as the panel sends it.
pub fn call_log(external_id: &str, remote: &str) -> serde_json::Value {
    serde_json::json!({
        "external_id": external_id,
        "call_id": "1732480000.42",
        "direction": "in",
        "remote_number": remote,
        "started_at": "2026-11-24T09:15:00Z",
        "duration_s": 95,
        "answered": true,
        "outcome": "answered",
        "agent": {"login": "agent1", "email": "agent1@sim.daktela.test"},
        "crm_record": null,
        "disposition": [],
        "note": "",
        "subject": format!("Inbound call {remote}"),
    })
}

/// A throwaway directory, removed on drop (no extra dependency for one test helper).
pub mod tempdir {
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicU32, Ordering};

    pub struct Dir(PathBuf);

    impl Dir {
        pub fn new() -> Self {
            static N: AtomicU32 = AtomicU32::new(0);
            let path = std::env::temp_dir().join(format!(
                "demo-crm-test-{}-{}-{}",
                std::process::id(),
                std::thread::current()
                    .name()
                    .unwrap_or("t")
                    .replace("::", "-"),
                N.fetch_add(1, Ordering::Relaxed)
            ));
            std::fs::create_dir_all(&path).unwrap();
            Self(path)
        }
        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}
