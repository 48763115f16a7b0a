//! The data layer: dates and war days, the dataset model, and its validation. No browser APIs.

pub mod date;
pub mod model;
pub mod validate;

pub use date::{Date, EARLIEST_DATE, LATEST_DATE, WAR_START};
pub use model::*;
pub use validate::{
    check_size, parse_dataset, parse_dataset_bytes, DatasetError, Problem, MAX_COUNT, MAX_DATASET_BYTES,
};

/// Plain grouping with commas, for native rendering and tests: 3401677 -> "3,401,677", rounded
/// to a whole number; a value that is not a number gives "–".
pub fn group_digits(value: f64) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let rounded = value.round();
    group(&format!("{:.0}", rounded.abs()), rounded < 0.0)
}

/// A figure with `decimals` decimals, its whole part grouped with commas, as the browser's Intl
/// writes it in en-GB: 57.1 -> "57.10", 3460430 -> "3,460,430"; not a number gives "–".
pub fn group_fixed(value: f64, decimals: u8) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let text = format!("{:.*}", usize::from(decimals), value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    // A figure that rounds to zero has no sign.
    let negative = value < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let mut out = group(whole, negative);
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// A whole number grouped with commas, every digit exact however large: -1234 -> "-1,234".
pub fn group_whole(value: impl Into<i128>) -> String {
    let value = value.into();
    group(&value.unsigned_abs().to_string(), value < 0)
}

fn group(digits: &str, negative: bool) -> String {
    let mut out = String::with_capacity(digits.len() * 4 / 3 + 1);
    if negative {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{group_digits, group_fixed, group_whole};

    #[test]
    fn groups() {
        assert_eq!(group_digits(3401677.0), "3,401,677");
        assert_eq!(group_digits(999.0), "999");
        assert_eq!(group_digits(0.4), "0");
        assert_eq!(group_digits(-1234.0), "-1,234");
        assert_eq!(group_digits(-0.2), "0");
        assert_eq!(group_digits(1e19), "10,000,000,000,000,000,000");
        assert_eq!(group_digits(u64::MAX as f64), "18,446,744,073,709,551,616");
        assert_eq!(group_digits(f64::NAN), "–");
        assert_eq!(group_whole(u64::MAX), "18,446,744,073,709,551,615");
        assert_eq!(group_whole(-i128::from(u64::MAX)), "-18,446,744,073,709,551,615");
        assert_eq!(group_whole(0u64), "0");
        assert_eq!(group_whole(-773i64), "-773");
        assert_eq!(group_fixed(57.1, 2), "57.10");
        assert_eq!(group_fixed(3_460_430.0, 0), "3,460,430");
        assert_eq!(group_fixed(-1234.5, 1), "-1,234.5");
        assert_eq!(group_fixed(-0.001, 2), "0.00");
        assert_eq!(group_fixed(f64::NAN, 2), "–");
    }
}
