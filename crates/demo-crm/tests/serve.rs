//! The demo CRM serves the panel's build the way browsers need it.
#![allow(clippy::unwrap_used)]

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode};
use demo_crm::{DemoConfig, app};
use tower::ServiceExt;

fn fake_dist() -> tempdir::Dir {
    let dir = tempdir::Dir::new();
    std::fs::write(dir.path().join("index.html"), "<h1>Brightdesk CRM</h1>").unwrap();
    std::fs::write(dir.path().join("daktela-cti_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    dir
}

#[tokio::test]
async fn root_serves_the_contact_page() {
    let dist = fake_dist();
    let res = app(DemoConfig {
        dist: dist.path().into(),
    })
    .oneshot(Request::get("/").body(Body::empty()).unwrap())
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body = to_bytes(res.into_body(), 1 << 20).await.unwrap();
    assert_eq!(&body[..], b"<h1>Brightdesk CRM</h1>");
}

#[tokio::test]
async fn wasm_is_served_as_application_wasm() {
    let dist = fake_dist();
    let res = app(DemoConfig {
        dist: dist.path().into(),
    })
    .oneshot(
        Request::get("/daktela-cti_bg.wasm")
            .body(Body::empty())
            .unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/wasm");
}

#[tokio::test]
async fn unknown_paths_are_not_found() {
    let dist = fake_dist();
    let res = app(DemoConfig {
        dist: dist.path().into(),
    })
    .oneshot(Request::get("/nope.js").body(Body::empty()).unwrap())
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

/// A throwaway directory, removed on drop (no extra dependency for one test helper).
mod tempdir {
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicU32, Ordering};

    pub struct Dir(PathBuf);

    impl Dir {
        pub fn new() -> Self {
            static N: AtomicU32 = AtomicU32::new(0);
            let path = std::env::temp_dir().join(format!(
                "demo-crm-test-{}-{}",
                std::process::id(),
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
