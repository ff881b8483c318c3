//! `phone-scan --region CZ < page.txt`: prints each phone number found in standard input as one
//! JSON object per line, `{"start":…,"end":…,"raw":"…","e164":"…"}` (byte offsets).
#![allow(clippy::print_stdout)]

use std::io::{Read, Write};
use std::process::ExitCode;

use phone_detect::{Detector, DetectorConfig, Region};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("phone-scan: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut region = Region::Cz;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--region" => {
                let code = args
                    .next()
                    .ok_or("--region needs a code, e.g. --region CZ")?;
                region = Region::from_code(&code).map_err(|e| e.to_string())?;
            }
            "-h" | "--help" => {
                println!(
                    "usage: phone-scan [--region CC] < text   (one JSON object per number found)"
                );
                return Ok(());
            }
            other => {
                return Err(format!(
                    "unknown argument {other:?}; usage: phone-scan --region CZ < page.txt"
                ));
            }
        }
    }
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| format!("reading stdin: {e}"))?;
    let detector = Detector::new(DetectorConfig::new(region)).map_err(|e| e.to_string())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for found in detector.find(&text) {
        writeln!(
            out,
            "{{\"start\":{},\"end\":{},\"raw\":\"{}\",\"e164\":\"{}\"}}",
            found.start,
            found.end,
            json_escape(found.raw(&text)),
            found.e164
        )
        .map_err(|e| format!("writing stdout: {e}"))?;
    }
    out.flush().map_err(|e| format!("writing stdout: {e}"))
}

/// Escapes a string for a JSON string literal.
fn json_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}
