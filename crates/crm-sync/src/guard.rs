//! The safety rules around a load: no full load during business hours, and no deletion of
//! more than a set share of Daktela's contacts, unless forced.

/// Business hours: days of the week and a daily window, in a fixed UTC offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessHours {
    /// Open days, Monday = 0 .. Sunday = 6.
    pub days: [bool; 7],
    /// Opening, minutes after midnight.
    pub open: u32,
    /// Closing, minutes after midnight (exclusive).
    pub close: u32,
    /// Local time = UTC + this many minutes.
    pub utc_offset_minutes: i32,
}

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A business-hours text that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("business hours `{0}`: expected e.g. `mon-fri 08:00-18:00`")]
pub struct BadHours(pub String);

fn day(s: &str) -> Option<usize> {
    DAYS.iter().position(|d| d.eq_ignore_ascii_case(s))
}

fn minutes(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    (h <= 24 && m < 60 && h * 60 + m <= 24 * 60).then_some(h * 60 + m)
}

impl BusinessHours {
    /// Parses `mon-fri 08:00-18:00` or `mon,wed,fri 09:00-17:30`.
    ///
    /// # Errors
    /// [`BadHours`].
    pub fn parse(text: &str, utc_offset_minutes: i32) -> Result<Self, BadHours> {
        let bad = || BadHours(text.to_owned());
        let (days_text, times) = text.trim().split_once(' ').ok_or_else(bad)?;
        let mut days = [false; 7];
        for part in days_text.split(',') {
            match part.split_once('-') {
                Some((a, b)) => {
                    let (a, b) = (day(a).ok_or_else(bad)?, day(b).ok_or_else(bad)?);
                    let mut d = a;
                    loop {
                        days[d] = true;
                        if d == b {
                            break;
                        }
                        d = (d + 1) % 7;
                    }
                }
                None => days[day(part).ok_or_else(bad)?] = true,
            }
        }
        let (open, close) = times.trim().split_once('-').ok_or_else(bad)?;
        let (open, close) = (
            minutes(open).ok_or_else(bad)?,
            minutes(close).ok_or_else(bad)?,
        );
        if open >= close {
            return Err(bad());
        }
        Ok(BusinessHours {
            days,
            open,
            close,
            utc_offset_minutes,
        })
    }

    /// Whether `unix_secs` falls within business hours.
    pub fn contains(&self, unix_secs: i64) -> bool {
        let local = unix_secs + i64::from(self.utc_offset_minutes) * 60;
        let days_since_epoch = local.div_euclid(86_400);
        // 1970-01-01 was a Thursday (index 3).
        let weekday = usize::try_from((days_since_epoch + 3).rem_euclid(7)).unwrap_or(0);
        let minute = u32::try_from(local.rem_euclid(86_400) / 60).unwrap_or(0);
        self.days[weekday] && minute >= self.open && minute < self.close
    }
}

/// Why a run refused to go on.
#[derive(Debug, Clone, PartialEq, thiserror::Error, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Refusal {
    /// A full load inside business hours.
    #[error("a full load during business hours is refused (use --force to override)")]
    BusinessHours,
    /// Deletion would remove too much.
    #[error(
        "deletion refused: it would delete {would_delete} of {total} Daktela contacts, more than the allowed share {max_share} (use --force to override)"
    )]
    TooManyDeletes {
        /// Contacts that would be deleted.
        would_delete: u64,
        /// Contacts in Daktela.
        total: u64,
        /// The configured maximum share.
        max_share: f64,
    },
    /// Deletion on a run with errors.
    #[error(
        "deletion skipped: the load had {errors} error(s); nothing is deleted after a failed or partly bad run"
    )]
    RunHadErrors {
        /// How many errors.
        errors: u64,
    },
}

/// Checks the deletion share; `force` overrides.
///
/// # Errors
/// [`Refusal::TooManyDeletes`].
pub fn check_delete_share(
    would_delete: u64,
    total: u64,
    max_share: f64,
    force: bool,
) -> Result<(), Refusal> {
    if force || would_delete == 0 {
        return Ok(());
    }
    // Integer-safe for realistic sizes; f64 holds counts up to 2^53 exactly.
    #[allow(clippy::cast_precision_loss)]
    let share = would_delete as f64 / total.max(1) as f64;
    if share > max_share {
        return Err(Refusal::TooManyDeletes {
            would_delete,
            total,
            max_share,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-11-25 was a Wednesday.
    const WED_1000_UTC: i64 = 1_795_600_800;

    #[test]
    fn reads_day_ranges_and_times_in_the_configured_offset() {
        let h = BusinessHours::parse("mon-fri 08:00-18:00", 0).unwrap();
        assert!(h.contains(WED_1000_UTC));
        assert!(!h.contains(WED_1000_UTC + 9 * 3600)); // 19:00
        assert!(!h.contains(WED_1000_UTC + 3 * 86_400)); // Saturday
        let late = BusinessHours::parse("mon-fri 08:00-18:00", 9 * 60).unwrap();
        assert!(!late.contains(WED_1000_UTC)); // 19:00 local
        let weekend = BusinessHours::parse("sat-sun 10:00-12:00", 0).unwrap();
        assert!(weekend.contains(WED_1000_UTC + 3 * 86_400));
    }

    #[test]
    fn refuses_unreadable_hours() {
        for bad in [
            "",
            "mon-fri",
            "mon-fri 18:00-08:00",
            "xyz 08:00-09:00",
            "mon 8-9",
        ] {
            assert!(BusinessHours::parse(bad, 0).is_err(), "{bad}");
        }
    }

    #[test]
    fn refuses_a_deletion_above_the_share_unless_forced() {
        assert!(check_delete_share(5, 100, 0.05, false).is_ok());
        assert!(matches!(
            check_delete_share(6, 100, 0.05, false),
            Err(Refusal::TooManyDeletes {
                would_delete: 6,
                total: 100,
                ..
            })
        ));
        assert!(check_delete_share(100, 100, 0.05, true).is_ok());
        assert!(check_delete_share(0, 0, 0.0, false).is_ok());
    }
}
