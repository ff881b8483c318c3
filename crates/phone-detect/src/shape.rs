//! Digit runs whose shape says "not a phone number": dates, IP addresses, card and account
//! numbers, birth numbers.

use crate::run::{Group, Run, Sep};

/// Whether the whole run is an identifier that must not be split into phone numbers either.
pub(crate) fn whole_run_is_identifier(text: &str, run: &Run) -> bool {
    is_ip(text, run) || is_card_or_account(run) || is_slash_code(run) || run.digit_count() > 40
}

/// `192.168.1.10`: four dot-joined groups of at most three digits, each at most 255.
fn is_ip(text: &str, run: &Run) -> bool {
    run.groups.len() == 4
        && !run.plus
        && run.groups.iter().skip(1).all(|g| {
            g.sep
                == Some(Sep {
                    punct: Some(b'.'),
                    ..Sep::default()
                })
        })
        && run
            .groups
            .iter()
            .all(|g| g.end - g.start <= 3 && value(text, g) <= 255)
}

/// `4111 1111 1111 1111`, `61 1090 1014 0000 0712`: 13+ digits in blocks of four.
fn is_card_or_account(run: &Run) -> bool {
    let n = run.groups.len();
    !run.plus
        && n >= 3
        && run.digit_count() >= 13
        && run.groups[1..n - 1].iter().all(|g| g.end - g.start == 4)
        && run.groups[..n - 1]
            .iter()
            .rev()
            .take(2)
            .all(|g| g.end - g.start == 4)
        && run.groups[n - 1].end - run.groups[n - 1].start <= 4
}

/// `19-2000145399/0800` (Czech/Slovak bank account), `855214/1234` (birth number): one
/// unbroken block of 6+ digits, a slash, then a 3- or 4-digit code that ends the run.
fn is_slash_code(run: &Run) -> bool {
    let Some((last, head)) = run.groups.split_last() else {
        return false;
    };
    let tight_slash = last
        .sep
        .is_some_and(|s| s.punct == Some(b'/') && !s.space && !s.paren);
    let head_digits: usize = head.iter().map(|g| g.end - g.start).sum();
    let head_unbroken = head
        .iter()
        .skip(1)
        .all(|g| g.sep.is_some_and(|s| !s.space && !s.paren));
    tight_slash && (3..=4).contains(&(last.end - last.start)) && head_digits >= 6 && head_unbroken
}

/// Whether `groups` (a candidate inside a run) reads as a date.
///
/// Any day-month-year with a four-digit year counts, wherever it sits; a two-digit-year date
/// counts only if it is the whole candidate, because French numbers (`06.12.34.56.78`) begin
/// like one.
pub(crate) fn contains_date(text: &str, groups: &[Group]) -> bool {
    groups.windows(3).any(|w| {
        let (a, b, c) = (&w[0], &w[1], &w[2]);
        let punct = b.sep.and_then(|s| s.punct);
        if punct.is_none()
            || c.sep.and_then(|s| s.punct) != punct
            || !matches!(punct, Some(b'.' | b'/' | b'-'))
        {
            return false;
        }
        let len = |g: &Group| g.end - g.start;
        let (va, vb, vc) = (value(text, a), value(text, b), value(text, c));
        let day_month = |d: u64, m: u64| (1..=31).contains(&d) && (1..=12).contains(&m);
        let small = len(a) <= 2 && len(b) <= 2;
        let dmy = small && (day_month(va, vb) || day_month(vb, va));
        let ymd = len(a) == 4 && len(b) <= 2 && len(c) <= 2 && day_month(vc, vb);
        (dmy && len(c) == 4) || ymd || (dmy && len(c) == 2 && groups.len() == 3)
    })
}

fn value(text: &str, g: &Group) -> u64 {
    text.get(g.start..g.end)
        .and_then(|s| s.parse().ok())
        .unwrap_or(u64::MAX)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::run::run_at;

    fn whole(text: &str) -> bool {
        whole_run_is_identifier(text, &run_at(text, 0).unwrap())
    }

    fn date(text: &str) -> bool {
        contains_date(text, &run_at(text, 0).unwrap().groups)
    }

    #[test]
    fn ips_cards_accounts_and_birth_numbers_are_identifiers() {
        assert!(whole("192.168.1.10"));
        assert!(whole("4111 1111 1111 1111"));
        assert!(whole("4111-1111-1111-1111"));
        assert!(whole("61 1090 1014 0000 0712 1981 2874"));
        assert!(whole("19-2000145399/0800"));
        assert!(whole("2000145399/0800"));
        assert!(whole("855214/1234"));
        assert!(whole("855214/123"));
    }

    #[test]
    fn phone_groupings_are_not_identifiers() {
        assert!(!whole("777 123 456"));
        assert!(!whole("02/123 456 78"));
        assert!(!whole("0171/1234567"));
        assert!(!whole("0664/1234"));
        assert!(!whole("212.555.0100"));
        assert!(!whole("00420 777 123 456"));
        assert!(!whole("0800 1234 5678"));
        assert!(!whole("0044 7969 472773"));
    }

    #[test]
    fn dates_in_every_common_order_are_recognised() {
        assert!(date("12.3.2024"));
        assert!(date("12. 3. 2024"));
        assert!(date("2024-03-12"));
        assert!(date("03/12/2024"));
        assert!(date("12.03.24"));
        assert!(date("12.3.2024 777 123 456"));
        assert!(!date("06.12.34.56.78"));
        assert!(!date("777.123.456"));
        assert!(!date("777 123 456"));
    }
}
