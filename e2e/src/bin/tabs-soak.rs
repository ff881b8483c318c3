//! The many-tabs soak (issue 8, "Tests and figures"): a benchmark that prints figures, never a
//! timed test; `scripts/bench.sh` runs it after a Trunk release build. One agent, one headless
//! Chromium driven over the DevTools protocol (not WebDriver: its thousands of page scripts
//! grew the JS heap by megabytes of its own, see `cdp.rs`), the demo CRM with the bundled
//! Daktela simulator. It prints:
//!
//! - **Idle requests per minute to Daktela, 1 tab vs 5 tabs.** The agent logs in in one CRM tab
//!   and sits ready; the simulator's request log is cleared, an idle window passes and every
//!   request the simulator received in it is counted and scaled to one minute. Then 4 more CRM
//!   tabs open (each waits for its panel to show the agent ready, with no login of its own) and
//!   the same is measured again. Only the leading tab talks to Daktela, so the two figures should
//!   be about equal; five times the first would mean every tab polls on its own.
//! - **A soak of N calls with 3 tabs in compressed time.** Each call rings the agent from a
//!   different number, is answered and hung up by the simulator, and its wrap-up is submitted in
//!   one of the tabs (taking turns, so leader and followers both finish calls); the next call
//!   rings once the call card is gone from that tab. Screen pops are off for the soak (`when:
//!   never`: the demo's default opens a CRM tab per ring, 500 calls would open 500 tabs); the CRM
//!   adapter's logging stays on, so the CRM should end with exactly one call log per call played.
//!   The call cycle (ring to card gone, as this process sees it) is printed as p50/p95/max.
//! - **Memory growth per tab over the soak**: the panel's wasm linear memory
//!   (`memory.buffer.byteLength` of the very module instance the page's `loader.js` started) and
//!   the JS heap (`performance.memory.usedJSHeapSize`, exact thanks to
//!   `--enable-precise-memory-info`), each read after a forced full GC (`gc()`, exposed by
//!   `--js-flags=--expose-gc`). Readings are taken before the soak, after the first
//!   [`WARM_UP_CALLS`] calls, and after the last; growth is judged against the issue's budget of
//!   2 MB (wasm + JS heap together, per tab). Wasm memory never shrinks, so its growth is a
//!   high-water mark; "steady" growth (warm-up to end) separates a per-call leak from one-time
//!   allocations on the first calls. Tabs of one site may share a renderer process and so one JS
//!   heap: when the tabs show the same heap figure, it is the whole process's, not one tab's.
//!
//! `SOAK_CALLS` (default 500) and `SOAK_IDLE_SECS` (default 60) size the run; progress goes to
//! stderr, figures to stdout.
// A benchmark's output is its figures.
#![allow(clippy::print_stdout)]

use std::collections::{BTreeMap, HashSet};
use std::time::{Duration, Instant};

use anyhow::Context;
use daktela_cti_e2e::cdp::{Chrome, Page};
use daktela_cti_e2e::{crm_logs, dist_dir};
use daktela_sim::{HangupOverrides, RequestFilter, RingRequest, SimState};
use demo_crm::{DemoConfig, RunningDemo};
use serde_json::{Value, json};

const AGENT: &str = "agent1";
const PASSWORD: &str = "agent1pass";
const QUEUE: &str = "1001";
/// Tabs open during the soak (the issue's figure).
const SOAK_TABS: usize = 3;
/// Calls before the "warm" memory reading.
const WARM_UP_CALLS: usize = 10;
/// The issue's budget for memory growth over the soak, per tab.
const BUDGET_BYTES: i64 = 2 * 1024 * 1024;
/// How long the panel gets for any step (it normally takes milliseconds).
const PATIENCE: Duration = Duration::from_secs(15);

/// Chromium flags: exact `performance.memory`, and `gc()` in pages.
const CHROME_ARGS: &[&str] = &["--enable-precise-memory-info", "--js-flags=--expose-gc"];

/// Reads one tab's memory after a full GC. It imports the panel's JS module by the URL the
/// page's loader imports it by (so the module map hands back the instance the loader started),
/// and wasm-bindgen's `init`, called again, returns that instance's exports without loading a
/// second one; a second fetch of the `.wasm` file would mean a second instance, and is reported.
const MEMORY_SCRIPT: &str = r#"(async () => {
const loader = document.querySelector('script[type=module][src$="loader.js"]');
const url = new URL('daktela-cti.js', loader ? loader.src : location.href).href;
const wasmFetches = () => performance.getEntriesByType('resource')
    .filter(e => e.name.endsWith('_bg.wasm')).length;
const fetchedBefore = wasmFetches();
const collected = typeof gc === 'function';
if (collected) { gc(); gc(); }
const w = await import(url).then(m => m.default());
return {
    module: url,
    wasm: w.memory.buffer.byteLength,
    heap: performance.memory ? performance.memory.usedJSHeapSize : null,
    gc: collected,
    second_instance: wasmFetches() > fetchedBefore,
};
})()"#;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let started = Instant::now();
    let calls: usize = env_number("SOAK_CALLS", 500);
    let idle_secs: u64 = env_number("SOAK_IDLE_SECS", 60).max(1);

    let mut config = DemoConfig::new(dist_dir()?);
    // No screen pops: every ring would open a CRM tab. The CRM's call logging stays on.
    config.panel_extra = json!({"screen_pop": {"when": "never"}});
    let demo = demo_crm::spawn(config, 0).await?;
    let sim = demo.sim.clone();
    let contacts = demo.contacts_url();
    // CDP is blocking: the browser side runs on a blocking thread while the demo serves.
    let run =
        tokio::task::spawn_blocking(move || soak(&sim, &contacts, calls, idle_secs)).await??;
    let logs = settled_logs(&demo, run.activities.len()).await?;

    println!();
    println!("== tabs-soak: figures ==");
    print_idle("1 tab ", &run.idle_one, idle_secs, None);
    print_idle("5 tabs", &run.idle_five, idle_secs, Some(&run.idle_one));
    println!(
        "  tabs leading with 5 open: {} (expected 1)",
        run.leaders_of_five
    );
    let mut cycles = run.cycles;
    cycles.sort_unstable();
    println!(
        "soak: {} calls with {SOAK_TABS} tabs ({}), wrap-up taking turns, in {:.1} s; \
         call cycle (ring to card gone) p50 {} ms, p95 {} ms, max {} ms",
        run.activities.len(),
        run.roles.join(", "),
        run.soak_time.as_secs_f64(),
        percentile(&cycles, 50),
        percentile(&cycles, 95),
        cycles.last().map_or(0, Duration::as_millis),
    );
    print_logs(&logs, &run.activities);
    print_memory(&run.roles, &run.before, run.warm.as_deref(), &run.after);
    println!(
        "wall time: {:.1} s (SOAK_CALLS={calls}, SOAK_IDLE_SECS={idle_secs})",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// What the browser side measured.
struct Run {
    idle_one: Idle,
    idle_five: Idle,
    leaders_of_five: usize,
    roles: Vec<String>,
    before: Vec<Memory>,
    warm: Option<Vec<Memory>>,
    after: Vec<Memory>,
    activities: Vec<String>,
    cycles: Vec<Duration>,
    soak_time: Duration,
}

fn soak(sim: &SimState, contacts: &str, calls: usize, idle_secs: u64) -> anyhow::Result<Run> {
    let mut chrome = Chrome::launch(CHROME_ARGS)?;
    let mut first = chrome.open(contacts)?;
    log_in_ready(&mut first)?;
    let mut tabs = vec![first];

    eprintln!("tabs-soak: idle window with 1 tab ({idle_secs} s)");
    let idle_one = idle_requests(sim, idle_secs);
    for _ in 1..5 {
        let mut tab = chrome.open(contacts)?;
        wait_ready(&mut tab)?;
        tabs.push(tab);
    }
    eprintln!(
        "tabs-soak: idle window with {} tabs ({idle_secs} s)",
        tabs.len()
    );
    let idle_five = idle_requests(sim, idle_secs);
    let mut leaders_of_five = 0;
    for tab in &mut tabs {
        leaders_of_five += usize::from(role(tab)? == "leader");
    }

    // The soak's tabs: the first (which logged in, so leads) and two followers.
    for mut tab in tabs.split_off(SOAK_TABS) {
        tab.call("Page.close", json!({}))?;
    }
    let mut roles = Vec::with_capacity(tabs.len());
    for tab in &mut tabs {
        roles.push(role(tab)?);
    }

    let before = read_memory(&mut tabs)?;
    let mut warm = None;
    let mut cycles = Vec::with_capacity(calls);
    let mut activities = Vec::with_capacity(calls);
    let soak_started = Instant::now();
    for i in 0..calls {
        let turn = i % tabs.len();
        let (activity, cycle) = one_call(sim, &mut tabs[turn], i)?;
        activities.push(activity);
        cycles.push(cycle);
        if i + 1 == WARM_UP_CALLS && calls > WARM_UP_CALLS {
            warm = Some(read_memory(&mut tabs)?);
        }
        if (i + 1) % 50 == 0 {
            eprintln!(
                "tabs-soak: {} of {calls} calls, {:.0} s",
                i + 1,
                soak_started.elapsed().as_secs_f64()
            );
        }
    }
    let soak_time = soak_started.elapsed();
    let after = read_memory(&mut tabs)?;
    Ok(Run {
        idle_one,
        idle_five,
        leaders_of_five,
        roles,
        before,
        warm,
        after,
        activities,
        cycles,
        soak_time,
    })
}

/// A script run against the panel's shadow root (`root`, or `null` before the panel mounts).
fn in_panel(body: &str) -> String {
    format!(
        "(() => {{ const host = document.getElementById('daktela-cti'); \
         const root = host && host.shadowRoot; {body} }})()"
    )
}

/// A JavaScript string literal.
fn js(text: &str) -> String {
    Value::from(text).to_string()
}

fn wait_in_panel(tab: &mut Page, what: &str, body: &str) -> anyhow::Result<Value> {
    tab.wait(what, &in_panel(body), PATIENCE)
}

/// Logs the agent in with the panel's form, logs in to the queue and waits until ready.
fn log_in_ready(tab: &mut Page) -> anyhow::Result<()> {
    wait_in_panel(
        tab,
        "the login form",
        "return !!(root && root.querySelector('form.dcti-login'));",
    )?;
    tab.eval(&in_panel(&format!(
        "const fill = (s, v) => {{ const el = root.querySelector(s); el.value = v; \
           el.dispatchEvent(new Event('input', {{bubbles: true, composed: true}})); }};
         fill('input[name=username]', {});
         fill('input[name=password]', {});
         root.querySelector('form.dcti-login').requestSubmit();",
        js(AGENT),
        js(PASSWORD)
    )))?;
    let queue = format!("label[data-queue='{QUEUE}'] input");
    wait_in_panel(
        tab,
        "the queue list",
        &format!("return !!root.querySelector({});", js(&queue)),
    )?;
    tab.eval(&in_panel(&format!(
        "root.querySelector({}).click();",
        js(&queue)
    )))?;
    wait_ready(tab)
}

/// Waits until the tab's panel shows the agent ready (a new tab: with no login of its own).
fn wait_ready(tab: &mut Page) -> anyhow::Result<()> {
    wait_in_panel(
        tab,
        "the agent to show ready",
        "const a = root && root.querySelector('.dcti-agent'); \
         return !!a && a.getAttribute('data-state') === 'ready';",
    )
    .map(drop)
}

fn role(tab: &mut Page) -> anyhow::Result<String> {
    let role = tab.eval(&in_panel(
        "const p = root && root.querySelector('.dcti-panel'); \
         return p ? p.getAttribute('data-tab-role') : null;",
    ))?;
    Ok(role.as_str().unwrap_or("?").to_owned())
}

/// Requests the simulator received during one idle window.
struct Idle {
    total: usize,
    by_path: BTreeMap<String, usize>,
}

/// Lets the page settle, clears the simulator's request log, waits `secs` and counts what came.
fn idle_requests(sim: &SimState, secs: u64) -> Idle {
    std::thread::sleep(Duration::from_secs(2));
    sim.clear_requests();
    std::thread::sleep(Duration::from_secs(secs));
    let requests = sim.requests(&RequestFilter::default());
    let mut by_path = BTreeMap::new();
    for r in &requests {
        *by_path
            .entry(format!("{} {}", r.method, r.path))
            .or_insert(0) += 1;
    }
    Idle {
        total: requests.len(),
        by_path,
    }
}

fn per_minute(count: usize, secs: u64) -> f64 {
    count as f64 * 60.0 / secs as f64
}

fn print_idle(label: &str, idle: &Idle, secs: u64, base: Option<&Idle>) {
    let rate = per_minute(idle.total, secs);
    let ratio = base
        .filter(|b| b.total > 0)
        .map(|b| {
            format!(
                ", {:.2}x the 1-tab figure",
                idle.total as f64 / b.total as f64
            )
        })
        .unwrap_or_default();
    let paths: Vec<String> = idle
        .by_path
        .iter()
        .map(|(path, n)| format!("{path} x{n}"))
        .collect();
    println!(
        "idle requests to Daktela, {label}: {rate:.1} per minute ({} over {secs} s{ratio}): {}",
        idle.total,
        if paths.is_empty() {
            "none".into()
        } else {
            paths.join(", ")
        }
    );
}

/// One call, its wrap-up submitted in `tab`: ring, answer, hang up, submit, card gone. Returns
/// the activity and the cycle's duration.
fn one_call(sim: &SimState, tab: &mut Page, i: usize) -> anyhow::Result<(String, Duration)> {
    let rang_at = Instant::now();
    let activity = sim
        .ring(&RingRequest {
            agent: AGENT.into(),
            // A different caller each call: +420 601 000 000, +420 601 000 001, ...
            from: format!("+420601{:06}", i % 1_000_000),
            queue: Some(QUEUE.parse()?),
            did: None,
        })?
        .activity;
    let card = js(&format!(".dcti-call[data-activity=\"{activity}\"]"));
    let phase = |phase: &str| {
        format!(
            "const c = root && root.querySelector({card}); \
             return !!c && c.getAttribute('data-phase') === {};",
            js(phase)
        )
    };
    wait_in_panel(tab, "the call to ring", &phase("ringing"))?;
    sim.answer(Some(&activity), None)?;
    wait_in_panel(tab, "the call to be answered", &phase("talking"))?;
    sim.hangup(Some(&activity), None, &HangupOverrides::default())?;
    let form = format!("root.querySelector({card} + ' form.dcti-wrap-up')");
    wait_in_panel(tab, "the wrap-up form", &format!("return !!({form});"))?;
    tab.eval(&in_panel(&format!("{form}.requestSubmit();")))?;
    wait_in_panel(
        tab,
        &format!("the card of call {i} to go"),
        &format!("return !!root && !root.querySelector({card});"),
    )?;
    Ok((activity, rang_at.elapsed()))
}

/// One tab's memory reading.
struct Memory {
    wasm: u64,
    heap: Option<u64>,
    gc: bool,
}

fn read_memory(tabs: &mut [Page]) -> anyhow::Result<Vec<Memory>> {
    let mut readings = Vec::with_capacity(tabs.len());
    for tab in tabs {
        let v = tab.eval(MEMORY_SCRIPT)?;
        anyhow::ensure!(
            v["second_instance"] == json!(false),
            "reading the memory loaded a second wasm instance ({}): not the page's panel",
            v["module"]
        );
        readings.push(Memory {
            wasm: v["wasm"]
                .as_u64()
                .with_context(|| format!("no wasm memory size in {v}"))?,
            heap: v["heap"].as_u64(),
            gc: v["gc"] == json!(true),
        });
    }
    Ok(readings)
}

fn print_memory(roles: &[String], before: &[Memory], warm: Option<&[Memory]>, after: &[Memory]) {
    let gc = before.iter().chain(after).all(|m| m.gc);
    println!(
        "memory per tab ({}; budget: growth under 2 MB, wasm + JS heap):",
        if gc {
            "each read after a forced full GC"
        } else {
            "NO forced GC: gc() was not exposed, heap figures include garbage"
        }
    );
    for (i, (b, a)) in before.iter().zip(after).enumerate() {
        let role = roles.get(i).map_or("?", String::as_str);
        let wasm_growth = signed(a.wasm) - signed(b.wasm);
        let heap_growth = match (b.heap, a.heap) {
            (Some(hb), Some(ha)) => Some(signed(ha) - signed(hb)),
            _ => None,
        };
        let total = wasm_growth + heap_growth.unwrap_or(0);
        let verdict = if total < BUDGET_BYTES {
            "within budget"
        } else {
            "OVER BUDGET"
        };
        println!(
            "  tab {} ({role}): wasm {} -> {} ({}), JS heap {} -> {} ({}); growth {} ({verdict})",
            i + 1,
            mib(b.wasm),
            mib(a.wasm),
            growth(wasm_growth),
            b.heap.map_or("n/a".into(), mib),
            a.heap.map_or("n/a".into(), mib),
            heap_growth.map_or("n/a".into(), growth),
            growth(total),
        );
        if let Some(w) = warm.and_then(|w| w.get(i)) {
            let wasm_steady = signed(a.wasm) - signed(w.wasm);
            let heap_steady = match (w.heap, a.heap) {
                (Some(hw), Some(ha)) => growth(signed(ha) - signed(hw)),
                _ => "n/a".into(),
            };
            println!(
                "    after the first {WARM_UP_CALLS} calls to the end: wasm {}, JS heap {heap_steady}",
                growth(wasm_steady)
            );
        }
    }
}

fn signed(bytes: u64) -> i64 {
    i64::try_from(bytes).unwrap_or(i64::MAX)
}

fn mib(bytes: u64) -> String {
    format!("{:.2} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn growth(bytes: i64) -> String {
    format!("{:+.3} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// The CRM's call logs once they stop arriving: polls until there are at least `expected` (the
/// panel's outbox may still be sending the last), for at most 30 s, then 2 s more for strays.
async fn settled_logs(demo: &RunningDemo, expected: usize) -> anyhow::Result<Vec<Value>> {
    let deadline = Instant::now() + Duration::from_secs(30);
    while crm_logs(demo).await?.len() < expected && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    crm_logs(demo).await
}

fn print_logs(logs: &[Value], activities: &[String]) {
    let played: HashSet<&str> = activities.iter().map(String::as_str).collect();
    let mut seen = HashSet::new();
    let mut duplicates = 0;
    let mut strangers = 0;
    for log in logs {
        let id = log["record"]["external_id"].as_str().unwrap_or_default();
        if !played.contains(id) {
            strangers += 1;
        } else if !seen.insert(id) {
            duplicates += 1;
        }
    }
    let missing = played.len() - seen.len();
    let verdict = if logs.len() == activities.len() && missing == 0 && duplicates == 0 {
        "one per call"
    } else {
        "NOT one per call"
    };
    println!(
        "CRM call logs: {} for {} calls played ({verdict}: {missing} missing, {duplicates} \
         duplicated, {strangers} for no call played)",
        logs.len(),
        activities.len()
    );
}

fn percentile(sorted: &[Duration], p: usize) -> u128 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = (p * sorted.len()).div_ceil(100).clamp(1, sorted.len());
    sorted[rank - 1].as_millis()
}

fn env_number<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
