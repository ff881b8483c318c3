//! Headless Chromium driven over the DevTools protocol (CDP) directly, without WebDriver.
//!
//! For benchmarks that measure the panel's memory. Every WebDriver command runs a script in the
//! page through chromedriver, and a soak that polls the page thousands of times grew the JS heap
//! by megabytes that were the harness's, not the panel's. Over CDP a page is read with one
//! `Runtime.evaluate` per look and nothing else stays behind. The tests keep WebDriver
//! ([`crate::Browser`]).
//!
//! Blocking (tungstenite): call it from a blocking thread (`tokio::task::spawn_blocking`).

use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde_json::{Value, json};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

/// One headless Chromium with a debugging port, killed (with its whole process group) on drop.
#[derive(Debug)]
pub struct Chrome {
    child: Child,
    profile: PathBuf,
    port: u16,
    browser: Connection,
}

impl Chrome {
    /// Starts `$CHROME_BIN` (else `/usr/bin/chromium`) headless with a fresh profile and
    /// `extra_args`, and connects to it.
    ///
    /// # Errors
    /// When Chromium does not start or does not open its debugging port within 20 s.
    pub fn launch(extra_args: &[&str]) -> anyhow::Result<Self> {
        let bin = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let profile = std::env::temp_dir().join(format!("dcti-cdp-profile-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&profile);
        let child = Command::new(&bin)
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(extra_args)
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .with_context(|| format!("starting {bin} (scripts/setup.sh installs it)"))?;
        // Chromium writes its port and the browser's websocket path once it listens.
        let active = profile.join("DevToolsActivePort");
        let deadline = Instant::now() + Duration::from_secs(20);
        let (port, path) = loop {
            if let Ok(text) = std::fs::read_to_string(&active)
                && let Some((port, path)) = text.split_once('\n')
                && let Ok(port) = port.trim().parse::<u16>()
                && !path.trim().is_empty()
            {
                break (port, path.trim().to_owned());
            }
            if Instant::now() > deadline {
                let _ = kill_group(&child);
                bail!("Chromium did not open its debugging port within 20 s");
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let browser = Connection::open(port, &path)?;
        Ok(Self {
            child,
            profile,
            port,
            browser,
        })
    }

    /// Opens `url` in a new tab and connects to it.
    ///
    /// # Errors
    /// When the tab cannot be created or connected to.
    pub fn open(&mut self, url: &str) -> anyhow::Result<Page> {
        let target = self
            .browser
            .call("Target.createTarget", json!({ "url": url }))?;
        let id = target["targetId"]
            .as_str()
            .context("Target.createTarget gave no targetId")?;
        let mut page = Page(Connection::open(
            self.port,
            &format!("/devtools/page/{id}"),
        )?);
        page.call("Runtime.enable", json!({}))?;
        Ok(page)
    }
}

impl Drop for Chrome {
    fn drop(&mut self) {
        let _ = kill_group(&self.child);
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// `kill -s KILL -- -PGID`: Chromium's helpers die with it.
fn kill_group(child: &Child) -> std::io::Result<std::process::ExitStatus> {
    Command::new("kill")
        .args(["-s", "KILL", "--", &format!("-{}", child.id())])
        .status()
}

/// One CDP websocket: commands and their answers, events skipped.
#[derive(Debug)]
struct Connection {
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    next_id: u64,
}

impl Connection {
    fn open(port: u16, path: &str) -> anyhow::Result<Self> {
        let url = format!("ws://127.0.0.1:{port}{path}");
        let (socket, _) =
            tungstenite::connect(&url).with_context(|| format!("connecting to {url}"))?;
        if let MaybeTlsStream::Plain(stream) = socket.get_ref() {
            // A bounded wait for every answer: a hung page fails the run instead of hanging it.
            stream.set_read_timeout(Some(Duration::from_secs(60)))?;
        }
        Ok(Self { socket, next_id: 0 })
    }

    fn call(&mut self, method: &str, params: Value) -> anyhow::Result<Value> {
        self.next_id += 1;
        let id = self.next_id;
        let command = json!({ "id": id, "method": method, "params": params });
        self.socket.send(Message::text(command.to_string()))?;
        loop {
            let Message::Text(text) = self.socket.read()? else {
                continue;
            };
            let reply: Value = serde_json::from_str(text.as_str())?;
            if reply["id"].as_u64() != Some(id) {
                continue; // an event, or an answer to nothing we wait for
            }
            if let Some(error) = reply.get("error") {
                bail!("{method} failed: {error}");
            }
            return Ok(reply["result"].clone());
        }
    }
}

/// One tab.
#[derive(Debug)]
pub struct Page(Connection);

impl Page {
    /// Sends a CDP command to the page and returns its result.
    ///
    /// # Errors
    /// When the command fails or the page does not answer within 60 s.
    pub fn call(&mut self, method: &str, params: Value) -> anyhow::Result<Value> {
        self.0.call(method, params)
    }

    /// Evaluates `expression` in the page (awaiting a promise) and returns its value.
    ///
    /// # Errors
    /// When it throws, with the page's exception text.
    pub fn eval(&mut self, expression: &str) -> anyhow::Result<Value> {
        let result = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        )?;
        if let Some(exception) = result.get("exceptionDetails") {
            bail!("the page threw: {}", exception["exception"]["description"]);
        }
        Ok(result["result"]["value"].clone())
    }

    /// Evaluates `expression` every 20 ms until it gives something truthy, for at most
    /// `timeout`; returns that value.
    ///
    /// # Errors
    /// On timeout, naming `what`.
    pub fn wait(
        &mut self,
        what: &str,
        expression: &str,
        timeout: Duration,
    ) -> anyhow::Result<Value> {
        let deadline = Instant::now() + timeout;
        loop {
            let value = self.eval(expression)?;
            let truthy = !matches!(&value, Value::Null | Value::Bool(false))
                && value != json!(0)
                && value != json!("");
            if truthy {
                return Ok(value);
            }
            if Instant::now() > deadline {
                bail!("timed out after {timeout:?} waiting for {what}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}
