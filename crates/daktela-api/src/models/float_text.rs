//! A float as text in the layout of `f64`'s `Display`, without `Display`.
//!
//! Why: `f64::to_string` pulls core's float formatting (Grisu with a Dragon fallback, ~10 KB) into
//! the panel's wasm for one rarely used branch of a lenient reader. serde_json already carries a
//! shortest round-trip formatter (ryu; it writes floats with it); both pick the shortest digits
//! that read back as the same float, so mostly only the layout differs: serde_json writes `3.0`
//! and `1e+16` where `Display` writes `3` and `10000000000000000`. This module re-lays those
//! digits out. One difference stays, on purpose: when a float needs 16 or 17 significant digits,
//! several texts of that length can read back as it and the two formatters may pick different
//! last digits (`30588425193636.062` against `30588425193636.063`). Either text is the same float, which is
//! all a reader of the field can rely on, so the contract is "reads back as `v`, in `Display`'s
//! layout, with as few digits", not byte equality with `Display`.

/// `v` in `format!("{v}")`'s layout: the shortest digits that read back as `v`, fixed notation.
pub(crate) fn display(v: f64) -> String {
    // Whole floats below 2^53 are exact integers: the integer's text is the float's text.
    if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
        #[allow(clippy::cast_possible_truncation)]
        let whole = v as i64;
        let sign = if whole == 0 && v.is_sign_negative() {
            "-"
        } else {
            ""
        };
        return format!("{sign}{whole}");
    }
    let Some(number) = serde_json::Number::from_f64(v) else {
        return non_finite(v).to_owned();
    };
    let text = number.to_string();
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let fixed = match unsigned.split_once('e') {
        Some((mantissa, exponent)) => expand(mantissa, exponent),
        None => unsigned.strip_suffix(".0").unwrap_or(unsigned).to_owned(),
    };
    format!("{sign}{fixed}")
}

/// `NaN`, `inf` or `-inf`: never in JSON, but a non-JSON deserializer may hand one over.
fn non_finite(v: f64) -> &'static str {
    if v.is_nan() {
        "NaN"
    } else if v.is_sign_negative() {
        "-inf"
    } else {
        "inf"
    }
}

/// Scientific `d.ddd` × 10^`exponent` in fixed notation: `1.5`,`+17` → `150000000000000000`.
fn expand(mantissa: &str, exponent: &str) -> String {
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: i64 = exponent.trim_start_matches('+').parse().unwrap_or(0);
    if exponent >= 0 {
        // The point sits after `exponent + 1` digits; serde_json only goes scientific for
        // exponents of 16 and more, so the digits never reach past it.
        let width = usize::try_from(exponent).unwrap_or(0) + 1;
        format!("{digits:0<width$}")
    } else {
        let zeros = usize::try_from(-exponent - 1).unwrap_or(0);
        format!("0.{}{digits}", "0".repeat(zeros))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::display;

    #[test]
    fn writes_what_display_writes_at_the_layout_edges() {
        for v in [
            0.0,
            -0.0,
            3.0,
            -3.0,
            1.5,
            0.1,
            -0.000_012_5,
            1e-7,
            123_456.789,
            1e15,
            1e16,
            1.5e17,
            9_007_199_254_740_993.0,
            1e21,
            -2.5e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(display(v), v.to_string(), "{v:?}");
        }
    }

    /// Significant digits of a fixed-notation number: what "shortest" is measured in.
    fn significant_digits(text: &str) -> String {
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        digits
            .trim_start_matches('0')
            .trim_end_matches('0')
            .to_owned()
    }

    #[test]
    fn a_long_float_may_end_differently_but_reads_back_the_same() {
        // Inputs where ryu and core pick different last digits (found by the property below).
        for bits in [4_808_667_839_626_519_568, 14_053_930_454_841_129_530] {
            let v = f64::from_bits(bits);
            let ours = display(v);
            assert_eq!(ours.parse::<f64>().ok(), Some(v));
            assert_eq!(ours.len(), v.to_string().len());
        }
    }

    proptest! {
        #[test]
        fn reads_back_as_the_same_float_in_display_layout(bits in any::<u64>()) {
            let v = f64::from_bits(bits);
            let ours = display(v);
            let theirs = v.to_string();
            if v.is_finite() {
                prop_assert_eq!(ours.parse::<f64>().ok().map(f64::to_bits), Some(v.to_bits()));
                prop_assert!(!ours.contains('e'), "fixed notation: {}", ours);
                prop_assert_eq!(ours.starts_with('-'), theirs.starts_with('-'));
                prop_assert_eq!(ours.find('.'), theirs.find('.'));
                prop_assert_eq!(significant_digits(&ours).len(), significant_digits(&theirs).len());
            } else {
                prop_assert_eq!(ours, theirs);
            }
        }

        #[test]
        fn writes_what_display_writes_for_short_decimals(whole in -1_000_000i64..1_000_000, cents in 0u32..1000) {
            #[allow(clippy::cast_precision_loss)]
            let v = whole as f64 + f64::from(cents) / 1000.0;
            prop_assert_eq!(display(v), v.to_string());
        }
    }
}
