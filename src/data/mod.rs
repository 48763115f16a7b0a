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
    use super::{group_digits, group_whole};

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
    }
}
