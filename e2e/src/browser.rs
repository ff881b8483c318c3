//! A headless Chromium session behind its own chromedriver, cleaned up on drop.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use anyhow::Context;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;

use crate::wait_until;

/// One headless Chromium with its chromedriver.
///
/// chromedriver runs in a process group of its own, and dropping the `Browser` kills the whole
/// group: killing only the driver would orphan Chromium (toolchain.md P17).
#[derive(Debug)]
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    driver: Child,
    profile: PathBuf,
}

impl Browser {
    /// Starts chromedriver (`$CHROMEDRIVER`, else `/usr/bin/chromedriver`) on a free port and
    /// opens a headless Chromium (`$CHROME_BIN`, else `/usr/bin/chromium`) with a fresh profile.
    ///
    /// # Errors
    /// When the driver cannot start or the session cannot be created.
    pub async fn start() -> anyhow::Result<Self> {
        Self::start_with_args(&[]).await
    }

    /// [`Browser::start`] with `extra_args` appended to Chromium's command line (e.g.
    /// `--enable-precise-memory-info` for a benchmark); the tests use [`Browser::start`].
    ///
    /// # Errors
    /// When the driver cannot start or the session cannot be created.
    pub async fn start_with_args(extra_args: &[&str]) -> anyhow::Result<Self> {
        let driver_bin =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let chrome_bin = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let port = free_port()?;
        let driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .with_context(|| format!("starting {driver_bin} (scripts/setup.sh installs it)"))?;
        let profile =
            std::env::temp_dir().join(format!("dcti-e2e-profile-{}-{port}", std::process::id()));
        let browser = Self {
            client: connect(port, &chrome_bin, &profile, extra_args).await?,
            driver,
            profile,
        };
        browser.client.set_window_size(1280, 900).await?;
        Ok(browser)
    }
}

async fn connect(
    port: u16,
    chrome_bin: &str,
    profile: &std::path::Path,
    extra_args: &[&str],
) -> anyhow::Result<Client> {
    let mut args = vec![
        "--headless=new".to_owned(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        format!("--user-data-dir={}", profile.display()),
    ];
    args.extend(extra_args.iter().map(|a| (*a).to_owned()));
    let caps = serde_json::json!({
        "goog:chromeOptions": {
            "binary": chrome_bin,
            "args": args,
        }
    });
    let caps = match caps {
        serde_json::Value::Object(map) => map,
        _ => anyhow::bail!("capabilities must be a JSON object"),
    };
    let url = format!("http://127.0.0.1:{port}");
    // The driver needs a moment to listen; retry the session for a bounded time.
    wait_until(
        "chromedriver to accept a session",
        Duration::from_secs(20),
        || async {
            let mut builder = ClientBuilder::new(HttpConnector::new());
            builder.capabilities(caps.clone());
            Ok(builder.connect(&url).await.ok())
        },
    )
    .await
}

impl Drop for Browser {
    fn drop(&mut self) {
        // `kill -s KILL -- -PGID`: without `--`, procps `kill` silently ignores a negative pid.
        let pgid = self.driver.id();
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{pgid}")])
            .status();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}
