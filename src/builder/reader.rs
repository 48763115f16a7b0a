//! Row-by-row CSV reading that records every problem with file, line and column.

use crate::data::date::Date;
use crate::data::validate::count_beyond_people;
use std::fmt;
use std::ops::RangeInclusive;

/// One problem in the input, e.g. `refugees_by_country.csv:41: individuals_cumulative: "12a" is not a whole number`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct InputError {
    pub file: String,
    /// 1-based line in the file (the header is line 1); 0 when the file itself is the problem.
    pub line: u64,
    pub column: Option<String>,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, &self.column) {
            (0, _) => write!(f, "{}: {}", self.file, self.message),
            (line, Some(column)) => write!(f, "{}:{line}: {column}: {}", self.file, self.message),
            (line, None) => write!(f, "{}:{line}: {}", self.file, self.message),
        }
    }
}

/// Collects problems across all files.
#[derive(Default)]
pub struct Problems(pub Vec<InputError>);

impl Problems {
    pub fn file(&mut self, file: &str, message: String) {
        self.0.push(InputError {
            file: file.into(),
            line: 0,
            column: None,
            message,
        });
    }

    pub fn at(&mut self, file: &str, line: u64, column: Option<&str>, message: String) {
        self.0.push(InputError {
            file: file.into(),
            line,
            column: column.map(Into::into),
            message,
        });
    }
}

/// A parsed CSV file: its header and records with their line numbers.
pub struct Table {
    pub file: String,
    headers: Vec<String>,
    records: Vec<(u64, csv::StringRecord)>,
}

impl Table {
    /// Reads CSV text; reports unreadable rows and missing required columns.
    /// Returns None when the file cannot be used at all.
    pub fn parse(file: &str, text: &str, required: &[&str], problems: &mut Problems) -> Option<Table> {
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
        let headers: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
            Err(e) => {
                problems.file(file, format!("cannot read the header row: {e}"));
                return None;
            }
        };
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|c| !headers.iter().any(|h| h == c))
            .collect();
        for column in &missing {
            problems.at(file, 1, Some(column), "required column is missing".into());
        }
        let mut records = Vec::new();
        for result in reader.records() {
            match result {
                Ok(record) => {
                    let line = record.position().map_or(0, csv::Position::line);
                    records.push((line, record));
                }
                Err(e) => {
                    let line = e.position().map_or(0, csv::Position::line);
                    problems.at(file, line, None, format!("unreadable row: {e}"));
                }
            }
        }
        if missing.is_empty() {
            Some(Table {
                file: file.into(),
                headers,
                records,
            })
        } else {
            None
        }
    }

    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.records.iter().map(move |(line, record)| Row {
            table: self,
            line: *line,
            record,
        })
    }
}

/// One record, with typed accessors that report problems at their column.
pub struct Row<'a> {
    table: &'a Table,
    pub line: u64,
    record: &'a csv::StringRecord,
}

impl Row<'_> {
    pub fn file(&self) -> &str {
        &self.table.file
    }

    fn raw(&self, column: &str) -> &str {
        self.table
            .headers
            .iter()
            .position(|h| h == column)
            .and_then(|i| self.record.get(i))
            .map_or("", str::trim)
    }

    pub fn report(&self, problems: &mut Problems, column: &str, message: String) {
        problems.at(&self.table.file, self.line, Some(column), message);
    }

    /// Optional text: None when the cell is empty.
    pub fn opt_text(&self, column: &str) -> Option<String> {
        Some(self.raw(column)).filter(|s| !s.is_empty()).map(str::to_string)
    }

    /// Required text.
    pub fn text(&self, column: &str, problems: &mut Problems) -> Option<String> {
        let value = self.opt_text(column);
        if value.is_none() {
            self.report(problems, column, "is empty".into());
        }
        value
    }

    /// An optional link a reader may follow: `http://` or `https://` only (`is_web_link`).
    pub fn opt_link(&self, column: &str, problems: &mut Problems) -> Option<String> {
        let url = self.opt_text(column)?;
        if crate::data::is_web_link(&url) {
            return Some(url);
        }
        let message = format!("\"{}\" is not a web link (http:// or https://)", url.escape_debug());
        self.report(problems, column, message);
        None
    }

    /// A required link (see `opt_link`).
    pub fn link(&self, column: &str, problems: &mut Problems) -> Option<String> {
        self.required(column, problems, Self::opt_link)
    }

    /// A required cell read by `optional`: reported as empty when it is.
    fn required<T>(
        &self,
        column: &str,
        problems: &mut Problems,
        optional: impl FnOnce(&Self, &str, &mut Problems) -> Option<T>,
    ) -> Option<T> {
        if self.raw(column).is_empty() {
            self.report(problems, column, "is empty".into());
            return None;
        }
        optional(self, column, problems)
    }

    pub fn opt_date(&self, column: &str, problems: &mut Problems) -> Option<Date> {
        let raw = self.raw(column);
        if raw.is_empty() {
            return None;
        }
        let Some(date) = Date::parse_iso(raw) else {
            self.report(problems, column, format!("\"{raw}\" is not a date (YYYY-MM-DD)"));
            return None;
        };
        if let Some(outside) = date.outside_span() {
            self.report(problems, column, outside);
            return None;
        }
        Some(date)
    }

    pub fn date(&self, column: &str, problems: &mut Problems) -> Option<Date> {
        self.required(column, problems, Self::opt_date)
    }

    /// A whole number of people, never negative nor above `MAX_COUNT`. None (after reporting)
    /// when invalid.
    pub fn opt_count(&self, column: &str, problems: &mut Problems) -> Option<u64> {
        let raw = self.raw(column);
        if raw.is_empty() {
            return None;
        }
        if let Ok(n) = raw.parse::<u64>() {
            if let Some(too_many) = count_beyond_people(n) {
                self.report(problems, column, too_many);
                return None;
            }
            return Some(n);
        }
        let message = match raw.parse::<i64>() {
            Ok(n) if n < 0 => format!("\"{raw}\" is negative"),
            _ => format!("\"{raw}\" is not a whole number"),
        };
        self.report(problems, column, message);
        None
    }

    /// A required whole number in `range` (a round's number, a year), as the type it is kept in:
    /// reported, never cast, when it does not fit.
    pub fn whole_in<T: TryFrom<u64>>(
        &self,
        column: &str,
        range: RangeInclusive<u64>,
        problems: &mut Problems,
    ) -> Option<T> {
        let raw = self.raw(column);
        let fitting = raw.parse::<u64>().ok().filter(|n| range.contains(n));
        match fitting.and_then(|n| T::try_from(n).ok()) {
            Some(value) => Some(value),
            None => {
                let (lo, hi) = (range.start(), range.end());
                self.report(
                    problems,
                    column,
                    format!("\"{raw}\" is not a whole number from {lo} to {hi}"),
                );
                None
            }
        }
    }

    pub fn count(&self, column: &str, problems: &mut Problems) -> Option<u64> {
        self.required(column, problems, Self::opt_count)
    }

    /// The row's date and its war_day column, which must agree.
    pub fn dated(&self, date_column: &str, problems: &mut Problems) -> Option<(Date, i64)> {
        let date = self.date(date_column, problems);
        let raw = self.raw("war_day");
        let day = match raw.parse::<i64>() {
            Ok(day) => Some(day),
            Err(_) => {
                self.report(problems, "war_day", format!("\"{raw}\" is not a whole number"));
                None
            }
        };
        let (date, day) = (date?, day?);
        if date.war_day() != day {
            self.report(
                problems,
                "war_day",
                format!(
                    "{day} disagrees with {date_column} {date}, which is war day {}",
                    date.war_day()
                ),
            );
            return None;
        }
        Some((date, day))
    }
}
