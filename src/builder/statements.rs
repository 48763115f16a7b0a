//! What was said and what happened: events, quotes and claims (figures stated at the time),
//! and the war-day reference table, which must number days as the project does.

use super::reader::{Problems, Row, Table};
use super::register::Register;
use super::Input;
use crate::data::model::{Claim, ClaimCount, Event, Metric, Qualifier, Quote};
use crate::data::Date;

pub(super) const EVENTS: Input = Input {
    file: "events.csv",
    columns: &["date", "war_day", "title", "source_url", "note"],
};

pub(super) const QUOTES: Input = Input {
    file: "quotes.csv",
    columns: &[
        "speaker",
        "role",
        "date_said",
        "war_day",
        "quote",
        "context",
        "source_url",
        "original_source_url",
        "note",
    ],
};

const CLAIM_COLUMNS: &[&str] = &[
    "date_stated",
    "war_day",
    "who",
    "claim_text",
    "metric",
    "value",
    "qualifier",
    "source_url",
    "note",
];

pub(super) const CLAIMS: Input = Input {
    file: "claims.csv",
    columns: CLAIM_COLUMNS,
};

pub(super) const LATER_CLAIMS: Input = Input {
    file: "whole-war/claims.csv",
    columns: CLAIM_COLUMNS,
};

/// Claims of measures the first months had no series for (refugees recorded, all displaced).
pub(super) const OTHER_CLAIMS: Input = Input {
    file: "whole-war/claims_other_measures.csv",
    columns: CLAIM_COLUMNS,
};

/// The project's record of whose count a claim gives and, for a claim of the series' own
/// counter, the cut-off of the report it gives: each with the words of the claim's `who` or
/// `note` that say so, which the builder must find there. (A row that matches no claim of the
/// files read is no problem for a build of a subset; a test holds every row to a claim of the
/// published dataset.)
pub(super) const CLAIM_COUNTS: Input = Input {
    file: "claim_counts.csv",
    columns: &["file", "date_stated", "metric", "value", "count", "cutoff", "evidence"],
};

pub const CLAIM_COUNTS_CSV: &str = include_str!("claim_counts.csv");

/// One row of `claim_counts.csv`.
pub(super) struct CountNote {
    line: u64,
    file: String,
    date: Date,
    metric: Metric,
    value: u64,
    count: ClaimCount,
    evidence: String,
}

pub(super) fn read_count_notes(t: &Table, p: &mut Problems) -> Vec<CountNote> {
    let mut notes = Vec::new();
    for row in t.rows() {
        let file = row.text("file", p);
        let date = row.date("date_stated", p);
        let metric = spelled(&row, "metric", Metric::parse, Metric::spellings, p);
        let value = row.count("value", p);
        let cutoff = row.opt_date("cutoff", p);
        let count = row.text("count", p).and_then(|count| match (count.as_str(), cutoff) {
            ("same", cutoff) => Some(ClaimCount { other: None, cutoff }),
            (_, Some(_)) => {
                let message = "a cut-off is of the series' own reports: give it with count \"same\"";
                row.report(p, "cutoff", message.into());
                None
            }
            (_, None) => Some(ClaimCount {
                other: Some(count),
                cutoff: None,
            }),
        });
        let evidence = row.text("evidence", p);
        if let (Some(file), Some(date), Some(metric), Some(value), Some(count), Some(evidence)) =
            (file, date, metric, value, count, evidence)
        {
            notes.push(CountNote {
                line: row.line,
                file,
                date,
                metric,
                value,
                count,
                evidence,
            });
        }
    }
    notes
}

/// The project's plain words for what the notes of events, quotes and claims say in the terms
/// of its data files ("the civilian_casualties.csv row for" is "OHCHR's report to"), applied
/// in order: a note for readers never names a file.
pub(super) const PLAIN_WORDS: Input = Input {
    file: "plain_words.csv",
    columns: &["written", "for_readers"],
};

pub const PLAIN_WORDS_CSV: &str = include_str!("plain_words.csv");

/// What the builder knows of statements beyond their files: whose count each claim gives, and
/// the plain words for notes.
#[derive(Default)]
pub(super) struct Wording {
    counts: Vec<CountNote>,
    plain: Vec<(String, String)>,
}

impl Wording {
    pub(super) fn read(p: &mut Problems) -> Wording {
        let counts = Table::parse(CLAIM_COUNTS.file, CLAIM_COUNTS_CSV, CLAIM_COUNTS.columns, p)
            .map(|t| read_count_notes(&t, p))
            .unwrap_or_default();
        let plain = Table::parse(PLAIN_WORDS.file, PLAIN_WORDS_CSV, PLAIN_WORDS.columns, p)
            .map(|t| {
                t.rows()
                    .filter_map(|row| Some((row.text("written", p)?, row.text("for_readers", p)?)))
                    .collect()
            })
            .unwrap_or_default();
        Wording { counts, plain }
    }

    /// A text for readers in the project's plain words.
    fn plain(&self, text: &str) -> String {
        let mut text = text.to_string();
        for (written, plain) in &self.plain {
            text = text.replace(written.as_str(), plain);
        }
        text
    }

    /// A row's note in plain words; a note that still names a data file is a problem.
    fn note(&self, row: &Row, p: &mut Problems) -> Option<String> {
        let note = self.plain(&row.opt_text("note")?);
        if let Some(at) = note.find(".csv") {
            let start = note[..at]
                .rfind(|c: char| c.is_whitespace() || c == '(')
                .map_or(0, |i| i + 1);
            let file = &note[start..at + 4];
            let message = format!(
                "names the data file {file}: give readers plain words for it in {}",
                PLAIN_WORDS.file
            );
            row.report(p, "note", message);
        }
        Some(note)
    }
}

pub(super) const LATER_EVENTS: Input = Input {
    file: "whole-war/events.csv",
    columns: EVENTS.columns,
};

pub(super) const LATER_QUOTES: Input = Input {
    file: "whole-war/quotes.csv",
    columns: QUOTES.columns,
};

pub(super) const WAR_DAYS: Input = Input {
    file: "war_days_reference.csv",
    columns: &["date", "day"],
};

pub(super) const LATER_WAR_DAYS: Input = Input {
    file: "whole-war/war_days_reference.csv",
    columns: &["date", "day"],
};

/// A required cell that must be one of an enum's spellings.
pub(super) fn spelled<T>(
    row: &Row<'_>,
    column: &str,
    parse: fn(&str) -> Option<T>,
    spellings: fn() -> String,
    p: &mut Problems,
) -> Option<T> {
    let text = row.text(column, p)?;
    let found = parse(&text);
    if found.is_none() {
        let message = format!("unknown {column} \"{text}\" (expected {})", spellings());
        row.report(p, column, message);
    }
    found
}

pub(super) fn read_events(t: &Table, reg: &Register, words: &Wording, p: &mut Problems) -> Vec<Event> {
    let source = reg.file_source(t, p);
    let mut events = Vec::new();
    for row in t.rows() {
        let dated = row.dated("date", p);
        let title = row.text("title", p);
        let url = row.link("source_url", p);
        if let (Some((date, war_day)), Some(title), Some(source_url), Some(source)) =
            (dated, title, url, source.clone())
        {
            events.push(Event {
                date,
                war_day,
                title,
                source,
                source_url,
                note: words.note(&row, p),
            });
        }
    }
    events.sort_by_key(|e| e.date);
    events
}

pub(super) fn read_quotes(t: &Table, reg: &Register, words: &Wording, p: &mut Problems) -> Vec<Quote> {
    let source = reg.file_source(t, p);
    let mut quotes = Vec::new();
    for row in t.rows() {
        let dated = row.dated("date_said", p);
        let speaker = row.text("speaker", p);
        let role = row.text("role", p);
        let text = row.text("quote", p);
        let context = row.text("context", p);
        let url = row.link("source_url", p);
        if let (
            Some((date, war_day)),
            Some(speaker),
            Some(role),
            Some(text),
            Some(context),
            Some(source_url),
            Some(source),
        ) = (dated, speaker, role, text, context, url, source.clone())
        {
            quotes.push(Quote {
                speaker,
                role,
                date,
                war_day,
                text,
                context,
                source,
                source_url,
                original_source_url: row.opt_link("original_source_url", p),
                note: words.note(&row, p),
            });
        }
    }
    quotes.sort_by_key(|q| q.date);
    quotes
}

/// The claims of one file, each with whose count it gives (from `claim_counts.csv`, whose
/// evidence is looked for in the claim's own words, before its note is put in plain words).
pub(super) fn read_claims(t: &Table, reg: &Register, words: &Wording, p: &mut Problems) -> Vec<Claim> {
    let source = reg.file_source(t, p);
    let mut claims = Vec::new();
    for row in t.rows() {
        let dated = row.dated("date_stated", p);
        let who = row.text("who", p);
        let text = row.text("claim_text", p);
        let value = row.count("value", p);
        let url = row.link("source_url", p);
        let metric = spelled(&row, "metric", Metric::parse, Metric::spellings, p);
        let qualifier = spelled(&row, "qualifier", Qualifier::parse, Qualifier::spellings, p);
        if let (
            Some((date, war_day)),
            Some(who),
            Some(text),
            Some(value),
            Some(source_url),
            Some(metric),
            Some(qualifier),
            Some(source),
        ) = (dated, who, text, value, url, metric, qualifier, source.clone())
        {
            let note = row.opt_text("note");
            let mut count = ClaimCount::default();
            for n in &words.counts {
                if (n.file.as_str(), n.date, n.metric, n.value) == (t.file.as_str(), date, metric, value) {
                    if who.contains(&n.evidence) || note.as_deref().is_some_and(|note| note.contains(&n.evidence)) {
                        count = n.count.clone();
                    } else {
                        let message = format!(
                            "\"{}\" is not in the who or note of {}:{}",
                            n.evidence, t.file, row.line
                        );
                        p.at(CLAIM_COUNTS.file, n.line, Some("evidence"), message);
                    }
                }
            }
            claims.push(Claim {
                date,
                war_day,
                who: words.plain(&who),
                text,
                metric,
                value,
                qualifier,
                source,
                source_url,
                note: words.note(&row, p),
                count,
            });
        }
    }
    claims.sort_by_key(|c| c.date);
    claims
}

/// The reference file numbers days the same way: `day` must equal the computed war day.
pub(super) fn check_war_day_reference(t: &Table, p: &mut Problems) {
    for row in t.rows() {
        let Some(date) = row.date("date", p) else { continue };
        match row.opt_text("day").map(|d| d.parse::<i64>()) {
            Some(Ok(day)) if day == date.war_day() => {}
            Some(Ok(day)) => row.report(
                p,
                "day",
                format!("{day} disagrees with date {date}, which is war day {}", date.war_day()),
            ),
            _ => row.report(p, "day", "is not a whole number".into()),
        }
    }
}
