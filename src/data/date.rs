//! Calendar dates and the war-day convention, computed in one place.
//!
//! `war_day = (date - 2022-02-24) + 1`: 2022-02-24 is day 1, 2022-03-21 is day 26.

use std::fmt;
use time::macros::date;

/// First day of the full-scale invasion (war day 1).
pub const WAR_START: Date = Date(date!(2022 - 02 - 24));

/// The day UNHCR replaced its headline "refugees fleeing Ukraine" by "border crossings from
/// Ukraine" and revised the figures back in time: a seam between two series, never crossed by a
/// line (war day 106).
pub const UNHCR_NEW_HEADLINE: Date = Date(date!(2022 - 06 - 09));

/// The span every date of a dataset lies in: from 2014, when Russia's war against Ukraine
/// began in Crimea and the Donbas, to the end of 2099. Charts walk their days; a date in the
/// year 9999 would make every draw walk millions of them.
pub const EARLIEST_DATE: Date = Date(date!(2014 - 01 - 01));
pub const LATEST_DATE: Date = Date(date!(2099 - 12 - 31));

/// War days further than this from day 1 have no date (the calendar's own limit is near
/// year 9999, about 2.9 million days away).
const FURTHEST_WAR_DAY: i64 = 2_000_000;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A calendar date, written and read as ISO `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

impl Date {
    /// Parses a strict ISO date (`2022-03-21`).
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if parts.next().is_some() || !digits(year, 4) || !digits(month, 2) || !digits(day, 2) {
            return None;
        }
        Date::from_calendar(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// The date of a year, month (1-12) and day, if there is one.
    pub fn from_calendar(year: i32, month: u8, day: u8) -> Option<Date> {
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day).ok().map(Date)
    }

    /// The war day of this date (day 1 = 2022-02-24; days before are 0 or negative).
    pub fn war_day(self) -> i64 {
        (self.0 - WAR_START.0).whole_days() + 1
    }

    /// The date of a war day; `None` for days the calendar cannot hold.
    pub fn from_war_day(day: i64) -> Option<Date> {
        if day.unsigned_abs() > FURTHEST_WAR_DAY.unsigned_abs() {
            return None;
        }
        WAR_START.0.checked_add(time::Duration::days(day - 1)).map(Date)
    }

    /// Why this date cannot be in a dataset, if it cannot: outside `EARLIEST_DATE` to
    /// `LATEST_DATE` (the builder and the app's validation say it in the same words).
    pub fn outside_span(self) -> Option<String> {
        let inside = (EARLIEST_DATE..=LATEST_DATE).contains(&self);
        (!inside).then(|| format!("{self} is outside {EARLIEST_DATE} to {LATEST_DATE}"))
    }

    /// ISO form, `2022-03-21`.
    pub fn iso(self) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            self.0.year(),
            u8::from(self.0.month()),
            self.0.day()
        )
    }

    /// Year, month (1-12) and day of the month.
    pub fn parts(self) -> (i32, u8, u8) {
        (self.0.year(), u8::from(self.0.month()), self.0.day())
    }

    /// The last day of a month given as `YYYY-MM` (`2022-03` -> 2022-03-31).
    pub fn parse_month_end(text: &str) -> Option<Date> {
        let (year, month) = text.split_once('-')?;
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(year, 4) || !digits(month, 2) {
            return None;
        }
        Date::from_calendar(year.parse().ok()?, month.parse().ok()?, 1).map(Date::month_end)
    }

    /// The last day of this date's month.
    pub fn month_end(self) -> Date {
        let (year, month) = (self.0.year(), self.0.month());
        Date(self.0.replace_day(month.length(year)).unwrap_or(self.0))
    }

    /// The same day `months` calendar months later (earlier when negative), or the last day of
    /// that month where it is shorter; none beyond the calendar.
    pub fn add_months(self, months: i32) -> Option<Date> {
        let index = self.0.year().checked_mul(12)? + i32::from(u8::from(self.0.month())) - 1 + months;
        let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
        let first = Date::from_calendar(year, month, 1)?;
        let last = first.month_end().0.day();
        Date::from_calendar(year, month, self.0.day().min(last))
    }

    /// The first day of this date's month.
    pub fn month_start(self) -> Date {
        Date(self.0.replace_day(1).unwrap_or(self.0))
    }

    /// Short human form, `21 Mar 2022`.
    pub fn human(self) -> String {
        let month = MONTHS[usize::from(u8::from(self.0.month())) - 1];
        format!("{} {month} {}", self.0.day(), self.0.year())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Date::parse_iso(&text).ok_or_else(|| serde::de::Error::custom(format!("\"{text}\" is not a date (YYYY-MM-DD)")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    #[test]
    fn war_day_convention() {
        assert_eq!(d("2022-02-24").war_day(), 1);
        assert_eq!(d("2022-02-25").war_day(), 2);
        assert_eq!(d("2022-03-21").war_day(), 26);
        assert_eq!(d("2022-03-01").war_day(), 6);
        assert_eq!(d("2023-03-31").war_day(), 401);
        assert_eq!(d("2022-02-23").war_day(), 0);
    }

    #[test]
    fn war_day_round_trip() {
        for day in [-3, 0, 1, 26, 95, 401, 1626] {
            assert_eq!(Date::from_war_day(day).unwrap().war_day(), day);
        }
        assert_eq!(Date::from_war_day(26).unwrap(), d("2022-03-21"));
    }

    #[test]
    fn war_days_beyond_the_calendar_have_no_date() {
        for day in [
            i64::MAX,
            i64::MIN,
            i64::MIN + 1,
            100_000_000_000_000,
            -2_000_001,
            2_000_001,
        ] {
            assert_eq!(Date::from_war_day(day), None, "{day}");
        }
        assert_eq!(Date::from_war_day(2_000_000).unwrap().war_day(), 2_000_000);
        assert_eq!(Date::from_war_day(-2_000_000).unwrap().war_day(), -2_000_000);
    }

    #[test]
    fn labels() {
        assert_eq!(d("2022-03-05").human(), "5 Mar 2022");
        assert_eq!(d("2022-03-05").iso(), "2022-03-05");
        assert_eq!(d("2023-12-31").human(), "31 Dec 2023");
        assert_eq!(d("2024-02-29").iso(), "2024-02-29");
    }

    #[test]
    fn months() {
        assert_eq!(Date::parse_month_end("2022-02"), Some(d("2022-02-28")));
        assert_eq!(Date::parse_month_end("2024-02"), Some(d("2024-02-29")));
        assert_eq!(Date::parse_month_end("2026-07"), Some(d("2026-07-31")));
        for bad in ["2022-13", "2022-3", "22-03", "2022-03-01", "", "2022-00"] {
            assert_eq!(Date::parse_month_end(bad), None, "{bad}");
        }
        assert_eq!(d("2022-03-21").month_start(), d("2022-03-01"));
        assert_eq!(d("2022-12-05").month_end(), d("2022-12-31"));
    }

    #[test]
    fn rejects_bad_dates() {
        for bad in [
            "2022-02-30",
            "2022-3-1",
            "21/03/2022",
            "",
            "2022-03-21T00:00",
            "2022-03-21-01",
            "+022-03-21",
            "2022-13-01",
        ] {
            assert!(Date::parse_iso(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn json_round_trip() {
        let json = serde_json::to_string(&d("2022-03-21")).unwrap();
        assert_eq!(json, "\"2022-03-21\"");
        let back: Date = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d("2022-03-21"));
        let err = serde_json::from_str::<Date>("\"2022-13-01\"").unwrap_err().to_string();
        assert!(err.starts_with("\"2022-13-01\" is not a date (YYYY-MM-DD)"), "{err}");
    }
}
