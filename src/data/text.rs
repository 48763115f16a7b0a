//! The dataset's own text (its caveats and notes, written by the builder) is English, whatever
//! the page's language: its counts, figures, months and lists are written here, in the data
//! layer, so that the data never depends on the page's words (`i18n`, which writes the same
//! things in each language, and shares the digit grouping). And text escaped for markup.

use super::date::Date;
use super::model::Precision;

/// `digits` (ASCII digits, no sign) in groups of three from the right, joined by `separator`,
/// with a minus sign first if `negative`: "3,401,677", "3 401 677".
pub fn group_digits(digits: &str, negative: bool, separator: &str) -> String {
    let mut out = String::with_capacity(digits.len() * 4 / 3 + 1);
    if negative {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

/// A count as the dataset's English text writes it: "3,401,677".
pub fn count(value: u64) -> String {
    group_digits(&value.to_string(), false, ",")
}

/// A figure with the words of its precision: "47,200,000", "at least 47,200,000",
/// "5,900,000 (rounded)".
pub fn figure(value: u64, precision: Precision) -> String {
    match precision {
        Precision::Exact => count(value),
        Precision::Rounded => format!("{} (rounded)", count(value)),
        Precision::AtLeast => format!("at least {}", count(value)),
    }
}

/// A month and its year: "Mar 2024".
pub fn month_year(date: Date) -> String {
    date.human()
        .split_once(' ')
        .map_or_else(String::new, |(_, rest)| rest.to_string())
}

/// Items in a list: "a, b and c".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Whether `text` has a letter of the Cyrillic block (U+0400-U+04FF): written, at least in part,
/// in Ukrainian.
pub fn has_cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// Text as HTML or SVG writes it in an attribute value or an element's content.
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_of_three_from_the_right() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_000), "1,000");
        assert_eq!(count(3_401_677), "3,401,677");
        assert_eq!(group_digits("1234567", true, "\u{a0}"), "-1\u{a0}234\u{a0}567");
    }

    #[test]
    fn markup_escaped() {
        assert_eq!(
            escape_html(r#"Say "hi" <b> & 'bye'"#),
            "Say &quot;hi&quot; &lt;b&gt; &amp; 'bye'"
        );
    }

    #[test]
    fn figures_months_and_lists_in_english() {
        assert_eq!(figure(47_200_000, Precision::AtLeast), "at least 47,200,000");
        assert_eq!(figure(5_900_000, Precision::Rounded), "5,900,000 (rounded)");
        assert_eq!(figure(102, Precision::Exact), "102");
        assert_eq!(month_year(Date::parse_iso("2024-03-31").unwrap()), "Mar 2024");
        let items = |n: usize| ["a", "b", "c"][..n].iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(and_list(&items(0)), "");
        assert_eq!(and_list(&items(1)), "a");
        assert_eq!(and_list(&items(3)), "a, b and c");
    }
}
