//! The interface's words in English and Ukrainian, and numbers and dates as each language
//! writes them. Every string lives in one table per language (`en.rs`, `uk.rs`); a key names it
//! and `{name}` marks where a value goes. The tests check that both tables have every key, in
//! the same order, with the same placeholders.
//!
//! Numbers and dates are written here natively exactly as the browser's Intl writes them in the
//! language's locale (en-GB, uk-UA), so that the first view baked at build time and the pure
//! layers' tests read like the app; the browser's own Intl does the app's chart figures, and a
//! browser test compares the two.

mod en;
mod uk;

use crate::data::text::{group_digits as group, has_cyrillic};
use crate::data::Date;
use std::fmt::{Display, Write};

pub use en::Key;

spelled_enum! {
    /// The language of the interface. What the dataset quotes (quotes, claims, source titles,
    /// names) stays in its own language, English, whatever this is; its own words (titles,
    /// roles, notes, caveats) are given in the interface's language (`data::own_words`).
    #[derive(Default)]
    pub enum Lang {
        #[default]
        En => "en",
        Uk => "uk",
    }
}

/// The language of the dataset's text: what it quotes, and its own words before translation.
pub const DATA_LANG: &str = "en";

/// The language a text of the dataset is shown in: Ukrainian where it is written in Ukrainian
/// (a publisher's or unit's name, the own words), else the dataset's own, for `lang` attributes.
pub fn lang_of(text: &str) -> &'static str {
    if has_cyrillic(text) {
        "uk"
    } else {
        DATA_LANG
    }
}

/// The name `table` gives `text`, else `text` itself.
fn named<'a>(table: &'static [(&'static str, &'static str)], text: &'a str) -> &'a str {
    table.iter().find(|(en, _)| *en == text).map_or(text, |(_, name)| name)
}

/// A text of `lang`: `tr!(lang, Key)` is the text itself; `tr!(lang, Key, day = 26, ...)` fills
/// its placeholders.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:ident) => {
        $lang.text($crate::i18n::Key::$key)
    };
    ($lang:expr, $key:ident, $($name:ident = $value:expr),+ $(,)?) => {
        $lang.fill(
            $crate::i18n::Key::$key,
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

// After `tr!`, which it uses.
mod errors;

const UK_MONTHS: [&str; 12] = [
    "січ.",
    "лют.",
    "бер.",
    "квіт.",
    "трав.",
    "черв.",
    "лип.",
    "серп.",
    "вер.",
    "жовт.",
    "лист.",
    "груд.",
];

impl Lang {
    /// The locale of numbers and dates, for the browser's Intl.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Uk => "uk-UA",
        }
    }

    /// The language's own name, for the switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Uk => "Українська",
        }
    }

    fn table(self) -> &'static [(Key, &'static str)] {
        match self {
            Lang::En => en::TEXTS,
            Lang::Uk => uk::TEXTS,
        }
    }

    /// The text of `key`; English where this language lacks it (the tests make sure none does).
    pub fn text(self, key: Key) -> &'static str {
        let find = |table: &'static [(Key, &'static str)]| {
            table
                .get(key as usize)
                .filter(|(k, _)| *k == key)
                .or_else(|| table.iter().find(|(k, _)| *k == key))
                .map(|(_, text)| *text)
        };
        find(self.table()).or_else(|| find(en::TEXTS)).unwrap_or_default()
    }

    /// The text of `key` with each `{name}` replaced by its value; a placeholder without a value
    /// stays as it is.
    pub fn fill(self, key: Key, values: &[(&str, &dyn Display)]) -> String {
        let template = self.text(key);
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let value = after
                .find('}')
                .and_then(|close| values.iter().find(|(n, _)| *n == &after[..close]).map(|v| (close, v.1)));
            match value {
                Some((close, value)) => {
                    write!(out, "{value}").ok();
                    rest = &after[close + 1..];
                    // A value that ends in an abbreviation's full stop ("2022 р.") ends the
                    // sentence with it.
                    if out.ends_with('.') && rest.starts_with('.') {
                        rest = &rest[1..];
                    }
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// A date, short: "21 Mar 2022", "21 бер. 2022 р." (as Intl's day, short month, year).
    /// (The time axis writes years as "2023", months as `month_year` or `month`.)
    pub fn date(self, date: Date) -> String {
        let (year, month, day) = date.parts();
        match self {
            Lang::En => date.human(),
            Lang::Uk => format!("{day} {} {year} р.", UK_MONTHS[usize::from(month) - 1]),
        }
    }

    /// A month and its year: "Mar 2022", "бер. 2022 р." (Intl's short month and year).
    pub fn month_year(self, date: Date) -> String {
        let (year, month, _) = date.parts();
        match self {
            Lang::En => crate::data::text::month_year(date),
            Lang::Uk => format!("{} {year} р.", UK_MONTHS[usize::from(month) - 1]),
        }
    }

    /// A month alone: "Mar", "бер.".
    pub fn month(self, date: Date) -> String {
        let (_, month, _) = date.parts();
        match self {
            Lang::En => date.human().split(' ').nth(1).unwrap_or_default().to_string(),
            Lang::Uk => UK_MONTHS[usize::from(month) - 1].to_string(),
        }
    }

    /// A day and its month: "21 Mar", "21 бер.".
    pub fn day_month(self, date: Date) -> String {
        let (_, month, day) = date.parts();
        match self {
            Lang::En => format!("{day} {}", self.month(date)),
            Lang::Uk => format!("{day} {}", UK_MONTHS[usize::from(month) - 1]),
        }
    }

    /// A published figure with its precision: "47,200,000", "5,900,000 (rounded)", "at least
    /// 47,200,000".
    pub fn figure(self, value: u64, precision: crate::data::Precision) -> String {
        self.qualified(self.whole(value), precision)
    }

    /// A figure already written (`number`) with the words of its precision.
    pub fn qualified(self, number: String, precision: crate::data::Precision) -> String {
        match precision {
            crate::data::Precision::Exact => number,
            crate::data::Precision::Rounded => tr!(self, FigureRounded, value = number),
            crate::data::Precision::AtLeast => tr!(self, FigureAtLeast, value = number),
        }
    }

    /// A war day: "Day 26", "День 26".
    pub fn day(self, day: i64) -> String {
        tr!(self, DayN, day = self.whole(day))
    }

    /// The date of a war day: "21 Mar 2022"; empty for a day the calendar cannot hold.
    pub fn day_date(self, day: i64) -> String {
        Date::from_war_day(day).map_or_else(String::new, |d| self.date(d))
    }

    /// A war day with its date: "Day 26 · 21 Mar 2022"; the day alone when it has no date.
    pub fn day_label(self, day: i64) -> String {
        match Date::from_war_day(day) {
            Some(date) => format!("{} · {}", self.day(day), self.date(date)),
            None => self.day(day),
        }
    }

    /// A date and its war day in words: "21 Mar 2022 (day 26)".
    pub fn date_and_day(self, day: i64) -> String {
        tr!(self, DateAndDay, date = self.day_date(day), day = self.whole(day))
    }

    fn separators(self) -> (&'static str, char) {
        match self {
            Lang::En => (",", '.'),
            Lang::Uk => ("\u{a0}", ','),
        }
    }

    /// A whole number, every digit exact: "3,460,430", "3 460 430" (a no-break space).
    pub fn whole(self, value: impl Into<i128>) -> String {
        let value = value.into();
        group(&value.unsigned_abs().to_string(), value < 0, self.separators().0)
    }

    /// A figure with `decimals` decimals as Intl writes it: "57.10", "57,10"; not a number
    /// gives "–".
    pub fn fixed(self, value: f64, decimals: u8) -> String {
        if !value.is_finite() {
            return "–".into();
        }
        let text = round_half_up(value.abs(), usize::from(decimals));
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        // A figure that rounds to zero has no sign.
        let negative = value < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b));
        let (group_separator, decimal) = self.separators();
        let mut out = group(whole, negative, group_separator);
        if !fraction.is_empty() {
            out.push(decimal);
            out.push_str(fraction);
        }
        out
    }

    /// A number in short, as Intl's compact notation with at most three significant digits
    /// writes it on a value axis: "3.46m", "150k" in English; "3,46 млн", "150 тис." in
    /// Ukrainian.
    pub fn compact(self, value: f64) -> String {
        if value == 0.0 || !value.is_finite() {
            return "0".into();
        }
        // Three significant digits first, then the suffix of the rounded figure.
        let digits = value.abs().log10().floor() as i32;
        let unit = 10f64.powi(digits - 2);
        let rounded = (value / unit).round() * unit;
        let suffixes = match self {
            Lang::En => ["tn", "bn", "m", "k"],
            Lang::Uk => ["\u{a0}трлн", "\u{a0}млрд", "\u{a0}млн", "\u{a0}тис."],
        };
        let (scaled, suffix) = match rounded.abs() {
            a if a >= 1e12 => (rounded / 1e12, suffixes[0]),
            a if a >= 1e9 => (rounded / 1e9, suffixes[1]),
            a if a >= 1e6 => (rounded / 1e6, suffixes[2]),
            a if a >= 1e3 => (rounded / 1e3, suffixes[3]),
            _ => (rounded, ""),
        };
        let text = format!("{:.2}", scaled);
        let text = text.trim_end_matches('0').trim_end_matches('.');
        let text = if self == Lang::Uk {
            text.replace('.', ",")
        } else {
            text.to_string()
        };
        format!("{text}{suffix}")
    }

    /// Choices in a list: "a, b or c", "a, b або c".
    pub fn or_list(self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => tr!(self, ListOr, items = rest.join(", "), last = last),
        }
    }

    /// A country's name by its ISO 3166 alpha-3 code, where this language has its own list (the
    /// dataset's names are English).
    /// An organisation's name (a publisher) as this language writes it: the glossary's name in
    /// Ukrainian; the dataset's own name where the language has none.
    pub fn organisation(self, name: &str) -> &str {
        match self {
            Lang::En => name,
            Lang::Uk => named(uk::ORGANISATIONS, name),
        }
    }

    /// A source's unit ("border crossings (not unique people)") in this language; the dataset's
    /// own words where the language has none.
    pub fn unit(self, unit: &str) -> &str {
        match self {
            Lang::En => unit,
            Lang::Uk => named(uk::UNITS, unit),
        }
    }

    pub fn country(self, iso3: &str) -> Option<&'static str> {
        match self {
            Lang::En => None,
            Lang::Uk => uk::COUNTRIES
                .iter()
                .find(|(code, _)| code.eq_ignore_ascii_case(iso3))
                .map(|(_, name)| *name),
        }
    }

    /// Items in a list: "a, b and c", "a, b і c".
    pub fn and_list(self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => tr!(self, ListAnd, items = rest.join(", "), last = last),
        }
    }
}

/// `value` (not negative) with `decimals` decimals, a tie rounded up as Intl rounds it ("1234.5"
/// to "1235"; Rust's own formatting rounds ties to even). Only a value whose exact decimal
/// expansion ends in that 5 is a tie: 0.15 is stored as 0.1499… and rounds down either way.
fn round_half_up(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let longer = format!("{:.*}", decimals + 1, value);
    if !longer.ends_with('5') || longer.parse::<f64>() != Ok(value) {
        return text;
    }
    // Every digit of a double's expansion (at most 1,074 after the point).
    let exact = format!("{value:.1100}");
    let after = exact.find('.').map_or(exact.len(), |point| point + decimals + 2);
    if !exact.get(after..).unwrap_or("").bytes().all(|b| b == b'0') {
        return text;
    }
    // A tie: the digits before the 5, plus one in the last place.
    let mut digits: Vec<u8> = longer[..longer.len() - 1].trim_end_matches('.').bytes().collect();
    let mut carry = true;
    for digit in digits.iter_mut().rev().filter(|d| d.is_ascii_digit()) {
        if !carry {
            break;
        }
        carry = *digit == b'9';
        *digit = if carry { b'0' } else { *digit + 1 };
    }
    if carry {
        digits.insert(0, b'1');
    }
    String::from_utf8(digits).unwrap_or(text)
}

/// The names of the placeholders of a text, in order: "Day {day} of {last}" -> ["day", "last"].
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                names.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables() -> [(Lang, &'static [(Key, &'static str)]); 2] {
        [(Lang::En, en::TEXTS), (Lang::Uk, uk::TEXTS)]
    }

    #[test]
    fn every_language_has_every_key_once_in_order() {
        for (lang, table) in tables() {
            let keys: Vec<Key> = table.iter().map(|(k, _)| *k).collect();
            for (i, key) in Key::ALL.iter().enumerate() {
                assert_eq!(keys.get(i), Some(key), "{lang}: key {i} should be {key:?}");
            }
            assert_eq!(keys.len(), Key::ALL.len(), "{lang}: keys beyond the list");
            for (key, text) in table {
                assert!(!text.trim().is_empty(), "{lang}: {key:?} is empty");
            }
        }
    }

    #[test]
    fn both_languages_have_the_same_placeholders() {
        for key in Key::ALL {
            let mut en = placeholders(Lang::En.text(*key));
            let mut uk = placeholders(Lang::Uk.text(*key));
            en.sort_unstable();
            uk.sort_unstable();
            assert_eq!(en, uk, "{key:?}: placeholders differ between English and Ukrainian");
            for name in en {
                assert!(
                    !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                    "{key:?}: placeholder {{{name}}} is not a name"
                );
            }
        }
    }

    #[test]
    fn ukrainian_is_written_in_ukrainian() {
        for key in Key::ALL {
            let (en, uk) = (Lang::En.text(*key), Lang::Uk.text(*key));
            let cyrillic = has_cyrillic(uk);
            let mut words = en.to_string();
            for name in placeholders(en) {
                words = words.replace(&format!("{{{name}}}"), "");
            }
            let letters = words.chars().filter(|c| c.is_alphabetic()).count();
            assert!(
                cyrillic || letters <= 4,
                "{key:?}: the Ukrainian text is not in Ukrainian: {uk}"
            );
            assert!(!uk.contains(['ы', 'ъ', 'э', 'ё']), "{key:?}: Russian letters in {uk}");
        }
    }

    #[test]
    fn fills_placeholders_by_name() {
        assert_eq!(tr!(Lang::En, DayN, day = 26), "Day 26");
        assert_eq!(tr!(Lang::Uk, DayN, day = 26), "День 26");
        assert_eq!(
            Lang::En.fill(Key::DayN, &[]),
            "Day {day}",
            "a missing value stays visible"
        );
        assert_eq!(
            tr!(Lang::Uk, AsOf, date = "21 бер. 2022 р."),
            "Цифри до 21 бер. 2022 р."
        );
    }

    #[test]
    fn numbers_as_intl_writes_them() {
        assert_eq!(Lang::En.whole(3_460_430u64), "3,460,430");
        assert_eq!(Lang::Uk.whole(3_460_430u64), "3\u{a0}460\u{a0}430");
        assert_eq!(Lang::Uk.whole(-1234), "-1\u{a0}234");
        assert_eq!(Lang::En.whole(u64::MAX), "18,446,744,073,709,551,615");
        assert_eq!(Lang::En.whole(-i128::from(u64::MAX)), "-18,446,744,073,709,551,615");
        assert_eq!(Lang::En.whole(0u64), "0");
        assert_eq!(Lang::En.fixed(1e19, 0), "10,000,000,000,000,000,000");
        assert_eq!(Lang::En.fixed(u64::MAX as f64, 0), "18,446,744,073,709,551,616");
        assert_eq!(Lang::En.fixed(-0.2, 0), "0");
        assert_eq!(Lang::En.fixed(-1234.5, 1), "-1,234.5");
        assert_eq!(Lang::En.fixed(57.1, 2), "57.10");
        assert_eq!(Lang::Uk.fixed(1234.5, 2), "1\u{a0}234,50");
        assert_eq!(Lang::Uk.fixed(-0.001, 1), "0,0");
        assert_eq!(Lang::En.fixed(f64::NAN, 0), "–");
        // Ties round up, as Intl rounds them; what only looks like a tie does not.
        assert_eq!(Lang::En.fixed(1234.5, 0), "1,235");
        assert_eq!(Lang::En.fixed(0.125, 2), "0.13");
        assert_eq!(Lang::En.fixed(9.95, 1), "9.9", "9.95 is stored as 9.9499…");
        assert_eq!(Lang::En.fixed(999.5, 0), "1,000");
        assert_eq!(Lang::En.fixed(-2.5, 0), "-3");
        let en: Vec<String> = [999.0, 1000.0, 0.2, 150_000.0, 3_460_000.0, 1.2e9, 3e12, -5000.0]
            .iter()
            .map(|v| Lang::En.compact(*v))
            .collect();
        assert_eq!(en, ["999", "1k", "0.2", "150k", "3.46m", "1.2bn", "3tn", "-5k"]);
        let uk: Vec<String> = [1000.0, 0.2, 150_000.0, 3_460_000.0, 1.2e9, 999_500.0]
            .iter()
            .map(|v| Lang::Uk.compact(*v).replace('\u{a0}', " "))
            .collect();
        assert_eq!(uk, ["1 тис.", "0,2", "150 тис.", "3,46 млн", "1,2 млрд", "1 млн"]);
    }

    #[test]
    fn dates_as_intl_writes_them() {
        let d = |s| Date::parse_iso(s).unwrap();
        assert_eq!(Lang::En.date(d("2022-03-21")), "21 Mar 2022");
        assert_eq!(Lang::Uk.date(d("2022-03-21")), "21 бер. 2022 р.");
        assert_eq!(Lang::Uk.date(d("2022-11-05")), "5 лист. 2022 р.");
        assert_eq!(Lang::Uk.day_label(26), "День 26 · 21 бер. 2022 р.");
        assert_eq!(Lang::En.date_and_day(26), "21 Mar 2022 (day 26)");
        assert_eq!(Lang::Uk.date_and_day(26), "21 бер. 2022 р. (день 26)");
    }

    #[test]
    fn lists() {
        let items = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(Lang::En.and_list(&items(&["a", "b", "c"])), "a, b and c");
        assert_eq!(Lang::Uk.and_list(&items(&["a", "b"])), "a і b");
        assert_eq!(Lang::Uk.and_list(&items(&["a"])), "a");
    }
}
