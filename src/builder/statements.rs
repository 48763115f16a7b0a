//! What was said and what happened: events, quotes and claims (figures stated at the time),
//! and the war-day reference table, which must number days as the project does.

use super::reader::{Problems, Row, Table};
use super::register::Register;
use super::Input;
use crate::data::model::{Claim, Event, Metric, Qualifier, Quote};

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

pub(super) fn read_events(t: &Table, reg: &Register, p: &mut Problems) -> Vec<Event> {
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
                note: row.opt_text("note"),
            });
        }
    }
    events.sort_by_key(|e| e.date);
    events
}

pub(super) fn read_quotes(t: &Table, reg: &Register, p: &mut Problems) -> Vec<Quote> {
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
                note: row.opt_text("note"),
            });
        }
    }
    quotes.sort_by_key(|q| q.date);
    quotes
}

pub(super) fn read_claims(t: &Table, reg: &Register, p: &mut Problems) -> Vec<Claim> {
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
            claims.push(Claim {
                date,
                war_day,
                who,
                text,
                metric,
                value,
                qualifier,
                source,
                source_url,
                note: row.opt_text("note"),
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
