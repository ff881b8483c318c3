//! Wall-clock time in Daktela's `YYYY-MM-DD HH:MM:SS` form.
//!
//! The simulator reports its instance time zone as UTC (`_timezone: "UTC"`), so no time-zone
//! database is needed: a Daktela instance may be configured to any zone and the client must read
//! `_timezone` rather than assume Prague.

use std::time::{SystemTime, UNIX_EPOCH};

/// The time zone the simulated instance reports in every envelope.
pub const TIMEZONE: &str = "UTC";

/// Seconds since the Unix epoch, now.
pub fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Formats Unix seconds as `YYYY-MM-DD HH:MM:SS` (UTC).
pub fn format_secs(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// The current time formatted as Daktela does.
pub fn now_string() -> String {
    format_secs(now_secs())
}

/// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    // Both are small and non-negative by construction of the algorithm.
    (
        y,
        u32::try_from(m).unwrap_or(1),
        u32::try_from(d).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants_like_daktela() {
        assert_eq!(format_secs(0), "1970-01-01 00:00:00");
        assert_eq!(format_secs(1_646_246_176), "2022-03-02 18:36:16");
        assert_eq!(format_secs(951_782_400), "2000-02-29 00:00:00");
    }
}
