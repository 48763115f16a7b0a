//! The data layer: dates and war days, the dataset model, and its validation. No browser APIs.

mod columns;
pub mod date;
pub mod model;
pub mod validate;

pub use date::{Date, WAR_START};
pub use model::*;
pub use validate::{parse_dataset, DatasetError, Problem};

/// Plain grouping with commas, for native rendering and tests: 3401677 -> "3,401,677".
pub fn group_digits(value: f64) -> String {
    let rounded = value.round() as i64;
    let digits = rounded.unsigned_abs().to_string();
    let mut out = String::new();
    if rounded < 0 {
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
    use super::group_digits;

    #[test]
    fn groups() {
        assert_eq!(group_digits(3401677.0), "3,401,677");
        assert_eq!(group_digits(999.0), "999");
        assert_eq!(group_digits(0.4), "0");
        assert_eq!(group_digits(-1234.0), "-1,234");
    }
}
